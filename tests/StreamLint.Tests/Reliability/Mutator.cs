using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace StreamLint.Tests.Reliability
{
    /// <summary>A replacement of <see cref="Length"/> characters at <see cref="Start"/> of a seed's text.</summary>
    internal readonly struct Edit
    {
        public Edit(int start, int length, string newText)
        {
            this.Start = start;
            this.Length = length;
            this.NewText = newText;
        }

        public int Start { get; }

        public int Length { get; }

        public int End => this.Start + this.Length;

        public string NewText { get; }

        /// <summary>Applies non-overlapping edits (any order) to <paramref name="text"/>.</summary>
        public static string Apply(string text, IEnumerable<Edit> edits)
        {
            var builder = new StringBuilder(text);
            foreach (Edit edit in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.Length))
            {
                builder.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.NewText);
            }

            return builder.ToString();
        }
    }

    /// <summary>One mutated program, named so that a failure can be reproduced: seed#kind#index.</summary>
    internal sealed class Mutant
    {
        public Mutant(SourceCase origin, string kind, int index, string text, AnalyzerOptions? options = null)
        {
            this.Origin = origin;
            this.Kind = kind;
            this.Index = index;
            this.Options = options;
            this.Source = origin.WithText($"{origin.Name}#{kind}#{index}", text);
        }

        public SourceCase Origin { get; }

        public string Kind { get; }

        public int Index { get; }

        public SourceCase Source { get; }

        /// <summary>Analyzer options for this mutant; null for none (defaults).</summary>
        public AnalyzerOptions? Options { get; }

        public string Id => this.Source.Name;
    }

    /// <summary>How much the fuzzer does: the bounded CI mode or the large mode (<c>STREAMLINT_FUZZ=large</c>).</summary>
    internal sealed class FuzzSettings
    {
        /// <summary>
        /// Per-seed sample sizes of each mutation kind in CI mode (a kind with fewer candidates runs them all), sized so
        /// that the whole corpus gives about 2,800 mutants: a few minutes on 2 cores.
        /// </summary>
        private static readonly ImmutableDictionary<string, int> CiLimits = new Dictionary<string, int>
        {
            [Mutator.Truncate] = 27,
            [Mutator.TruncateAfterDot] = 8,
            [Mutator.CutChain] = 18,
            [Mutator.DeleteToken] = 23,
            [Mutator.DeleteGroup] = 14,
            [Mutator.EmptyGroup] = 10,
            [Mutator.SwapIdentifier] = 18,
            [Mutator.LiteralNonConstant] = 18,
            [Mutator.LiteralSwap] = 18,
            [Mutator.UnfinishedLambda] = 15,
            [Mutator.DeleteStatement] = 18,
            [Mutator.DuplicateStatement] = 6,
            [Mutator.SwapStatements] = 6,
            [Mutator.InsertCall] = 37,
            [Mutator.EditorConfig] = 100,
            [Mutator.Combined] = 11,
            [Mutator.SqlText] = 20,
        }.ToImmutableDictionary();

        private FuzzSettings(string mode, int randomSeed, Func<string, int> limit, bool checkEveryFix)
        {
            this.Mode = mode;
            this.RandomSeed = randomSeed;
            this.Limit = limit;
            this.CheckEveryFix = checkEveryFix;
        }

        public string Mode { get; }

        public int RandomSeed { get; }

        /// <summary>How many mutants of a kind to draw from one seed.</summary>
        public Func<string, int> Limit { get; }

        public bool IsLarge => this.Mode.StartsWith("large", StringComparison.Ordinal);

        /// <summary>
        /// Whether every fix of every mutant is checked, or each fix context once (the same rule at the same place of
        /// an identical member): large mode checks every fix unless STREAMLINT_FUZZ_FIXES=distinct.
        /// </summary>
        public bool CheckEveryFix { get; }

        /// <summary>CI unless STREAMLINT_FUZZ=large; STREAMLINT_FUZZ_SEED=n changes the random seed (default 20251126).</summary>
        public static FuzzSettings FromEnvironment()
        {
            int seed = int.TryParse(Environment.GetEnvironmentVariable("STREAMLINT_FUZZ_SEED"), out int parsed) ? parsed : 20251126;
            bool distinctFixes = string.Equals(Environment.GetEnvironmentVariable("STREAMLINT_FUZZ_FIXES"), "distinct", StringComparison.OrdinalIgnoreCase);
            return string.Equals(Environment.GetEnvironmentVariable("STREAMLINT_FUZZ"), "large", StringComparison.OrdinalIgnoreCase)
                ? Large(seed, checkEveryFix: !distinctFixes)
                : Ci(seed);
        }

        public static FuzzSettings Ci(int seed) => new FuzzSettings("ci", seed, kind => CiLimits.TryGetValue(kind, out int n) ? n : 10, checkEveryFix: false);

        /// <summary>Every candidate of every kind, and many more combined (second-order) mutants.</summary>
        public static FuzzSettings Large(int seed, bool checkEveryFix) =>
            new FuzzSettings(checkEveryFix ? "large" : "large, distinct fixes", seed, kind => kind == Mutator.Combined ? 400 : int.MaxValue, checkEveryFix);
    }

    /// <summary>
    /// Derives mutants from a program deterministically: the same seed text and settings always give the same
    /// mutants in the same order. Mutations are text edits located with the syntax tree (and, for inserted calls,
    /// the semantic model), so broken programs come out as the IDE sees them while the user types.
    /// </summary>
    internal static class Mutator
    {
        public const string Truncate = "truncate";
        public const string TruncateAfterDot = "truncate-after-dot";
        public const string CutChain = "cut-chain";
        public const string DeleteToken = "delete-token";
        public const string DeleteGroup = "delete-group";
        public const string EmptyGroup = "empty-group";
        public const string SwapIdentifier = "swap-identifier";
        public const string LiteralNonConstant = "literal-nonconstant";
        public const string LiteralSwap = "literal-swap";
        public const string UnfinishedLambda = "unfinished-lambda";
        public const string DeleteStatement = "delete-statement";
        public const string DuplicateStatement = "duplicate-statement";
        public const string SwapStatements = "swap-statements";
        public const string InsertCall = "insert-call";
        public const string EditorConfig = "editorconfig";
        public const string Combined = "combined";
        public const string SqlText = "sql-text";

        private const string NonConstantString = "System.Environment.GetEnvironmentVariable(\"X\")!";

        /// <summary>Strings the rules look at: modes, sinks, option keys, column names, durations, and odd ones.</summary>
        private static readonly string[] DomainStrings =
        {
            "append", "update", "complete", "Append", "UPDATE", "bogus", "console", "kafka", "parquet", "memory", "noop",
            "foreachBatch", "delta", "checkpointLocation", "CHECKPOINTLOCATION", "spark.sql.streaming.checkpointLocation",
            "spark.sql.sources.default", "ts", "TS", "window", "page", "eventTime", "a.b", "`ts`", "*", "10 minutes", "0 seconds",
            "-1 minute", "", " ", "\\", "\"", "/", "é", "\u0000", new string('x', 300),
        };

        /// <summary>Calls that keep the receiver's type, by the receiver's type: inserted after an expression of that type.</summary>
        private static readonly ImmutableDictionary<string, string[]> TypePreservingCalls = new Dictionary<string, string[]>
        {
            ["Microsoft.Spark.Sql.DataFrame"] = new[]
            {
                ".WithWatermark(\"ts\", \"1 minute\")",
                ".WithWatermark(\"eventTime\", \"10 minutes\")",
                ".Filter(Microsoft.Spark.Sql.Functions.Col(\"page\").IsNotNull())",
                ".Select(\"*\")",
                ".Select(Microsoft.Spark.Sql.Functions.Col(\"ts\").Alias(\"t\"))",
                ".Distinct()",
                ".DropDuplicates(\"id\")",
                ".Repartition(2)",
                ".WithColumnRenamed(\"ts\", \"eventTime\")",
                ".WithColumn(\"ts\", Microsoft.Spark.Sql.Functions.CurrentTimestamp())",
                ".Drop(\"ts\")",
                ".GroupBy(\"page\").Count()",
                ".GroupBy(Microsoft.Spark.Sql.Functions.Window(Microsoft.Spark.Sql.Functions.Col(\"ts\"), \"1 minute\")).Count()",
                ".GroupBy(Microsoft.Spark.Sql.Functions.Window(Microsoft.Spark.Sql.Functions.Col(\"eventTime\"), \"5 minutes\"), Microsoft.Spark.Sql.Functions.Col(\"page\")).Agg(Microsoft.Spark.Sql.Functions.Count(Microsoft.Spark.Sql.Functions.Col(\"user\")))",
                ".Agg(Microsoft.Spark.Sql.Functions.Max(Microsoft.Spark.Sql.Functions.Col(\"amount\")))",
                ".Union(Microsoft.Spark.Sql.SparkSession.Active().ReadStream().Format(\"rate\").Load())",
            },
            ["Microsoft.Spark.Sql.Streaming.DataStreamWriter"] = new[]
            {
                ".OutputMode(\"append\")",
                ".OutputMode(\"update\")",
                ".OutputMode(\"complete\")",
                ".OutputMode(\"bogus\")",
                ".OutputMode(Microsoft.Spark.Sql.Streaming.OutputMode.Append)",
                ".OutputMode(Microsoft.Spark.Sql.Streaming.OutputMode.Update)",
                ".Format(\"console\")",
                ".Format(\"kafka\")",
                ".Format(\"parquet\")",
                ".Format(\"memory\")",
                ".Option(\"checkpointLocation\", \"/cp/inserted\")",
                ".Option(\"CHECKPOINTLOCATION\", \"/cp/upper\")",
                ".Option(\"truncate\", false)",
                ".QueryName(\"inserted\")",
                ".QueryName(\"\")",
                ".ForeachBatch((b, i) => { })",
                ".Foreach(null!)",
                ".Trigger(Microsoft.Spark.Sql.Streaming.Trigger.Once())",
                ".PartitionBy(\"page\")",
                ".Options(new System.Collections.Generic.Dictionary<string, string>())",
            },
            ["Microsoft.Spark.Sql.Streaming.DataStreamReader"] = new[]
            {
                ".Format(\"kafka\")",
                ".Format(\"rate\")",
                ".Option(\"subscribe\", \"other\")",
            },
            ["Microsoft.Spark.Sql.RelationalGroupedDataset"] = new[]
            {
                ".Pivot(\"country\")",
            },
            ["Microsoft.Spark.Sql.Column"] = new[]
            {
                ".Alias(\"a\")",
                ".Cast(\"timestamp\")",
                ".IsNotNull()",
            },
        }.ToImmutableDictionary();

        /// <summary>Analyzer option sets, valid and not, that every seed is analysed with.</summary>
        private static readonly ImmutableArray<ImmutableDictionary<string, string>> OptionSets = ImmutableArray.Create(
            Options(("streamlint.spark_version", "three")),
            Options(("streamlint.spark_version", "")),
            Options(("streamlint.spark_version", "99.1")),
            Options(("streamlint.spark_version", "3.5.1.2")),
            Options(("streamlint.spark_version", "2.4")),
            Options(("streamlint.SL1010.checkpoint_root", "C:\\cp\\\"quoted\"\\")),
            Options(("streamlint.SL1010.checkpoint_root", "   ")),
            Options(("streamlint.checkpoint_root", "s3://bucket/ü/{0}/")),
            Options(("streamlint.checkpoint_root", "/"), ("streamlint.SL1001.watermark_delay", "soon")),
            Options(("streamlint.checkpoint_root", new string('d', 2000))));

        public static IEnumerable<Mutant> Mutate(SourceCase seed, FuzzSettings settings)
        {
            string text = seed.Text;
            Compilation compilation = Harness.Compile(seed);
            SyntaxTree tree = compilation.SyntaxTrees.Single();
            SemanticModel model = compilation.GetSemanticModel(tree);
            CompilationUnitSyntax root = tree.GetCompilationUnitRoot();
            var seen = new HashSet<string>(StringComparer.Ordinal) { text };

            var firstOrder = new List<(string Kind, IReadOnlyList<ImmutableArray<Edit>> Candidates)>
            {
                (Truncate, Single(TruncationPoints(root).Select(p => new Edit(p, text.Length - p, string.Empty)))),
                (TruncateAfterDot, Single(Dots(root).Select(d => new Edit(d.Span.End, text.Length - d.Span.End, string.Empty)))),
                (CutChain, Single(ChainCuts(root))),
                (DeleteToken, Single(root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0).Select(t => new Edit(t.SpanStart, t.Span.Length, string.Empty)))),
                (DeleteGroup, Single(Groups(root).Select(g => new Edit(g.Open.SpanStart, g.Close.Span.End - g.Open.SpanStart, string.Empty)))),
                (EmptyGroup, Single(Groups(root).Where(g => g.Close.SpanStart > g.Open.Span.End).Select(g => new Edit(g.Open.Span.End, g.Close.SpanStart - g.Open.Span.End, string.Empty)))),
                (SwapIdentifier, Single(IdentifierSwaps(root, Random(settings, seed, SwapIdentifier)))),
                (LiteralNonConstant, LiteralsNonConstant(root)),
                (LiteralSwap, Single(LiteralSwaps(root, Random(settings, seed, LiteralSwap), settings.IsLarge ? 4 : 1))),
                (UnfinishedLambda, Single(UnfinishedLambdas(root, text.Length))),
                (DeleteStatement, Single(Statements(root).Select(s => new Edit(s.SpanStart, s.Span.Length, string.Empty)))),
                (DuplicateStatement, Single(Statements(root).Where(s => s is not LocalFunctionStatementSyntax).Select(s => new Edit(s.Span.End, 0, " " + s.ToString())))),
                (SwapStatements, Single(StatementSwaps(root, text))),
                (InsertCall, Single(InsertedCalls(root, model, Random(settings, seed, InsertCall), allCalls: settings.IsLarge))),
                (SqlText, Single(SqlTextEdits(root))),
            };

            foreach ((string kind, IReadOnlyList<ImmutableArray<Edit>> candidates) in firstOrder)
            {
                int index = 0;
                foreach (ImmutableArray<Edit> edits in Sample(candidates, settings.Limit(kind), Random(settings, seed, kind + "/sample")))
                {
                    string mutated = Edit.Apply(text, edits);
                    if (seen.Add(mutated))
                    {
                        yield return new Mutant(seed, kind, index++, mutated);
                    }
                }
            }

            // Options: the unmutated seed under option values, valid and not.
            int optionIndex = 0;
            foreach (ImmutableDictionary<string, string> options in OptionSets.Take(settings.Limit(EditorConfig)))
            {
                yield return new Mutant(seed, EditorConfig, optionIndex++, text, TestOptionsProvider.Create(options));
            }

            // Second order: two to four edits of the kinds that tend to keep a program compiling, combined.
            var composable = firstOrder
                .Where(k => k.Kind is InsertCall or LiteralSwap or LiteralNonConstant or DeleteStatement or DuplicateStatement)
                .SelectMany(k => k.Candidates.Where(c => c.Length == 1))
                .Select(c => c[0])
                .ToList();
            Random combine = Random(settings, seed, Combined);
            int combinedIndex = 0;
            for (int attempt = 0; attempt < settings.Limit(Combined) * 3 && combinedIndex < settings.Limit(Combined) && composable.Count > 1; attempt++)
            {
                int count = combine.Next(2, 5);
                var edits = new List<Edit>();
                for (int i = 0; i < count; i++)
                {
                    Edit candidate = composable[combine.Next(composable.Count)];
                    if (edits.All(e => candidate.End <= e.Start || candidate.Start >= e.End) && edits.All(e => !(candidate.Length == 0 && e.Length == 0 && candidate.Start == e.Start)))
                    {
                        edits.Add(candidate);
                    }
                }

                string mutated = Edit.Apply(text, edits);
                if (edits.Count > 1 && seen.Add(mutated))
                {
                    yield return new Mutant(seed, Combined, combinedIndex++, mutated);
                }
            }
        }

        /// <summary>A deterministic random source per seed and purpose (string.GetHashCode is randomised per process).</summary>
        private static Random Random(FuzzSettings settings, SourceCase seed, string purpose)
        {
            unchecked
            {
                uint hash = 2166136261;
                foreach (char c in seed.Name + "|" + purpose + "|" + settings.RandomSeed)
                {
                    hash = (hash ^ c) * 16777619;
                }

                return new Random((int)hash);
            }
        }

        /// <summary>Up to <paramref name="limit"/> candidates, drawn without replacement, in their original order.</summary>
        private static IEnumerable<T> Sample<T>(IReadOnlyList<T> candidates, int limit, Random random)
        {
            if (limit >= candidates.Count)
            {
                return candidates;
            }

            int[] indices = Enumerable.Range(0, candidates.Count).ToArray();
            for (int i = 0; i < limit; i++)
            {
                int j = random.Next(i, indices.Length);
                (indices[i], indices[j]) = (indices[j], indices[i]);
            }

            return indices.Take(limit).OrderBy(i => i).Select(i => candidates[i]);
        }

        private static IReadOnlyList<ImmutableArray<Edit>> Single(IEnumerable<Edit> edits) =>
            edits.Select(e => ImmutableArray.Create(e)).ToList();

        private static ImmutableDictionary<string, string> Options(params (string Key, string Value)[] values) =>
            values.ToImmutableDictionary(v => v.Key, v => v.Value);

        /// <summary>Where statements and members start and end: the text is cut there.</summary>
        private static IEnumerable<int> TruncationPoints(CompilationUnitSyntax root) =>
            root.DescendantNodes()
                .Where(n => n is StatementSyntax or MemberDeclarationSyntax)
                .SelectMany(n => new[] { n.SpanStart, n.Span.End })
                .Distinct()
                .OrderBy(p => p);

        private static IEnumerable<SyntaxToken> Dots(CompilationUnitSyntax root) =>
            root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.DotToken) && t.Parent is MemberAccessExpressionSyntax);

        /// <summary>A fluent chain left unfinished in place: everything from after a '.' to the end of its statement goes.</summary>
        private static IEnumerable<Edit> ChainCuts(CompilationUnitSyntax root)
        {
            foreach (SyntaxToken dot in Dots(root))
            {
                SyntaxNode? owner = dot.Parent!.Ancestors().FirstOrDefault(a => a is StatementSyntax or MemberDeclarationSyntax);
                SyntaxToken last = owner?.GetLastToken() ?? default;
                if (last.IsKind(SyntaxKind.SemicolonToken) && last.SpanStart > dot.Span.End)
                {
                    yield return new Edit(dot.Span.End, last.SpanStart - dot.Span.End, string.Empty);
                }
            }
        }

        /// <summary>Balanced ( ), { } and [ ] pairs: the open token and the close token of the same node.</summary>
        private static IEnumerable<(SyntaxToken Open, SyntaxToken Close)> Groups(CompilationUnitSyntax root)
        {
            foreach (SyntaxToken open in root.DescendantTokens())
            {
                SyntaxKind close = open.Kind() switch
                {
                    SyntaxKind.OpenParenToken => SyntaxKind.CloseParenToken,
                    SyntaxKind.OpenBraceToken => SyntaxKind.CloseBraceToken,
                    SyntaxKind.OpenBracketToken => SyntaxKind.CloseBracketToken,
                    _ => SyntaxKind.None,
                };
                if (close == SyntaxKind.None || open.Parent is null)
                {
                    continue;
                }

                SyntaxToken match = open.Parent.ChildTokens().FirstOrDefault(t => t.IsKind(close) && t.SpanStart > open.SpanStart);
                if (match.IsKind(close) && !match.IsMissing)
                {
                    yield return (open, match);
                }
            }
        }

        /// <summary>An identifier use replaced by another identifier of the same file, usually of another type or kind.</summary>
        private static IEnumerable<Edit> IdentifierSwaps(CompilationUnitSyntax root, Random random)
        {
            var uses = root.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => !n.IsVar).ToList();
            string[] names = uses.Select(n => n.Identifier.ValueText).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToArray();
            if (names.Length < 2)
            {
                yield break;
            }

            foreach (IdentifierNameSyntax use in uses)
            {
                string replacement = names[random.Next(names.Length)];
                if (replacement == use.Identifier.ValueText)
                {
                    replacement = names[(Array.IndexOf(names, replacement) + 1) % names.Length];
                }

                yield return new Edit(use.Identifier.SpanStart, use.Identifier.Span.Length, replacement);
            }
        }

        /// <summary>Each literal (and each interpolated string) made non-constant, one at a time; then all of them at once.</summary>
        private static IReadOnlyList<ImmutableArray<Edit>> LiteralsNonConstant(CompilationUnitSyntax root)
        {
            var edits = new List<Edit>();
            foreach (ExpressionSyntax expression in root.DescendantNodes().OfType<ExpressionSyntax>())
            {
                string? replacement = expression.Kind() switch
                {
                    SyntaxKind.StringLiteralExpression or SyntaxKind.InterpolatedStringExpression => NonConstantString,
                    SyntaxKind.NumericLiteralExpression => $"int.Parse({NonConstantString})",
                    SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression => $"bool.Parse({NonConstantString})",
                    SyntaxKind.CharacterLiteralExpression => $"{NonConstantString}[0]",
                    _ => null,
                };
                if (replacement is not null && !expression.Ancestors().OfType<InterpolatedStringExpressionSyntax>().Any())
                {
                    edits.Add(new Edit(expression.SpanStart, expression.Span.Length, replacement));
                }
            }

            var result = edits.Select(e => ImmutableArray.Create(e)).ToList();
            if (edits.Count > 1)
            {
                result.Add(edits.ToImmutableArray());
            }

            return result;
        }

        /// <summary>Methods whose string arguments are Spark SQL text the model reads.</summary>
        private static readonly HashSet<string> SqlMethods = new HashSet<string>(StringComparer.Ordinal) { "SelectExpr", "Expr", "Filter", "Where", "Sql", "CreateOrReplaceTempView" };

        /// <summary>
        /// Spark SQL text broken the ways real code breaks it: truncated, parentheses unbalanced either way, an unknown
        /// function around it, case changed, a quote left open. The reader must return unknown, never throw.
        /// </summary>
        private static IEnumerable<Edit> SqlTextEdits(CompilationUnitSyntax root)
        {
            foreach (LiteralExpressionSyntax literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
            {
                if (literal.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
                    || !SqlMethods.Contains(call.Expression switch
                    {
                        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                        IdentifierNameSyntax name => name.Identifier.ValueText,
                        _ => string.Empty,
                    }))
                {
                    continue;
                }

                string sql = literal.Token.ValueText;
                foreach (string mutated in new[]
                {
                    sql.Substring(0, sql.Length / 2),
                    sql + "(",
                    sql.Replace(")", string.Empty),
                    "no_such_function(" + sql + ")",
                    sql.ToUpperInvariant(),
                    sql + " '",
                    "((" + sql,
                })
                {
                    yield return new Edit(literal.SpanStart, literal.Span.Length, SyntaxFactory.Literal(mutated).ToString());
                }
            }
        }

        /// <summary>String literals replaced by strings the rules care about (<paramref name="perLiteral"/> random ones each).</summary>
        private static IEnumerable<Edit> LiteralSwaps(CompilationUnitSyntax root, Random random, int perLiteral)
        {
            foreach (LiteralExpressionSyntax literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
            {
                for (int i = 0; i < perLiteral; i++)
                {
                    string value = DomainStrings[random.Next(DomainStrings.Length)];
                    yield return new Edit(literal.SpanStart, literal.Span.Length, SyntaxFactory.Literal(value).ToString());
                }
            }
        }

        /// <summary>Lambdas with the body gone, the body's closing brace gone, or the file cut right after '=>'.</summary>
        private static IEnumerable<Edit> UnfinishedLambdas(CompilationUnitSyntax root, int length)
        {
            foreach (AnonymousFunctionExpressionSyntax lambda in root.DescendantNodes().OfType<AnonymousFunctionExpressionSyntax>())
            {
                SyntaxToken arrow = lambda switch
                {
                    LambdaExpressionSyntax l => l.ArrowToken,
                    _ => default,
                };
                if (arrow.IsKind(SyntaxKind.EqualsGreaterThanToken))
                {
                    yield return new Edit(arrow.Span.End, lambda.Span.End - arrow.Span.End, string.Empty);
                    yield return new Edit(arrow.Span.End, length - arrow.Span.End, string.Empty);
                }

                if (lambda.Block is { } block && !block.CloseBraceToken.IsMissing)
                {
                    yield return new Edit(block.CloseBraceToken.SpanStart, block.CloseBraceToken.Span.Length, string.Empty);
                    if (block.Statements.Count > 0)
                    {
                        yield return new Edit(block.Statements[0].Span.End, block.CloseBraceToken.Span.End - block.Statements[0].Span.End, string.Empty);
                    }
                }
            }
        }

        private static IEnumerable<StatementSyntax> Statements(CompilationUnitSyntax root) =>
            root.DescendantNodes().OfType<StatementSyntax>().Where(s => s is not BlockSyntax);

        private static IEnumerable<Edit> StatementSwaps(CompilationUnitSyntax root, string text)
        {
            foreach (BlockSyntax block in root.DescendantNodes().OfType<BlockSyntax>())
            {
                for (int i = 0; i + 1 < block.Statements.Count; i++)
                {
                    StatementSyntax first = block.Statements[i];
                    StatementSyntax second = block.Statements[i + 1];
                    string between = text.Substring(first.Span.End, second.SpanStart - first.Span.End);
                    yield return new Edit(first.SpanStart, second.Span.End - first.SpanStart, second.ToString() + between + first.ToString());
                }
            }
        }

        /// <summary>
        /// A type-preserving Spark call inserted after an expression of a Spark type (the program usually still compiles):
        /// one random call per expression, or every call when <paramref name="allCalls"/>.
        /// </summary>
        private static IEnumerable<Edit> InsertedCalls(CompilationUnitSyntax root, SemanticModel model, Random random, bool allCalls)
        {
            foreach (ExpressionSyntax expression in root.DescendantNodes().OfType<ExpressionSyntax>())
            {
                if (expression.Parent is MemberAccessExpressionSyntax access && access.Name == expression
                    || expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression
                    || expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression
                    || expression.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 }
                    || expression is MemberBindingExpressionSyntax
                    || expression.Parent is ConditionalAccessExpressionSyntax
                    || expression.Ancestors().Any(a => a is MemberBindingExpressionSyntax))
                {
                    continue;
                }

                if (model.GetSymbolInfo(expression).Symbol is ITypeSymbol or INamespaceSymbol)
                {
                    continue;
                }

                ITypeSymbol? type = model.GetTypeInfo(expression).Type;
                string? metadataName = type is null ? null : type.ContainingNamespace?.ToDisplayString() + "." + type.MetadataName;
                if (metadataName is not null && TypePreservingCalls.TryGetValue(metadataName, out string[]? calls))
                {
                    bool needsParentheses = expression is not (InvocationExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax);
                    foreach (string call in allCalls ? calls : new[] { calls[random.Next(calls.Length)] })
                    {
                        yield return needsParentheses
                            ? new Edit(expression.SpanStart, expression.Span.Length, "(" + expression + ")" + call)
                            : new Edit(expression.Span.End, 0, call);
                    }
                }
            }
        }
    }
}
