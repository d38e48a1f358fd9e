using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamLint.Spark
{
    /// <summary>
    /// Facts about one syntax tree's text, computed at most once per tree and shared by every compilation holding the
    /// tree (the IDE makes a new compilation on each edit but keeps the unchanged trees). They are text searches, not
    /// syntax walks where a text search can rule the answer out, and they only ever answer "certainly not": the
    /// semantic work then runs where it can matter.
    /// </summary>
    internal sealed class TreeText
    {
        private static readonly ConditionalWeakTable<SyntaxTree, TreeText> Instances = new ConditionalWeakTable<SyntaxTree, TreeText>();

        /// <summary>Names that code working with Microsoft.Spark's streaming API writes somewhere in the file.</summary>
        private static readonly HashSet<string> SparkWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "DataFrame", "DataStreamWriter", "DataStreamReader", "DataFrameWriter", "DataFrameReader", "SparkSession",
            "RelationalGroupedDataset", "Column", "Functions", "ReadStream", "WriteStream", "ForeachBatch", "IForeachWriter",
            "StreamingQuery", "Trigger", "WithWatermark", "GroupBy", "Spark",
        };

        /// <summary>The Spark words by their first (ASCII) character; null where none starts with it.</summary>
        private static readonly string[]?[] SparkWordsByFirst = Enumerable.Range(0, 128)
            .Select(c => SparkWords.Where(w => w[0] == c).ToArray() is { Length: > 0 } words ? words : null)
            .ToArray();

        private static readonly int MinSparkWordLength = SparkWords.Min(w => w.Length);

        private static readonly int MaxSparkWordLength = SparkWords.Max(w => w.Length);

        private static readonly bool[] IdentifierChar = Enumerable.Range(0, 128).Select(c => IsAsciiIdentifierPart((char)c)).ToArray();

        private readonly SyntaxTree tree;
        private readonly Cache<string, bool> stringConstants = new Cache<string, bool>(StringComparer.Ordinal);
        private readonly Cache<string, bool> identifiers = new Cache<string, bool>(StringComparer.Ordinal);
        private Dictionary<string, List<InvocationExpressionSyntax>>? invocationsByName;
        private int sparkRelevant; // 0 unknown, 1 yes, 2 no

        private TreeText(SyntaxTree tree) => this.tree = tree;

        public static TreeText For(SyntaxTree tree) => Instances.GetValue(tree, t => new TreeText(t));

        /// <summary>
        /// Whether a string literal token of this tree has exactly <paramref name="value"/> as its value. The tree's
        /// tokens are read only when its text contains the value, or an escape that could spell it.
        /// </summary>
        public bool HasStringLiteral(string value, CancellationToken cancellationToken) =>
            this.stringConstants.GetOrAdd(value, v => this.ScanForStringLiteral(v, cancellationToken));

        /// <summary>
        /// Whether an identifier token of this tree is <paramref name="name"/>. The tree's tokens are read only when
        /// its text contains the name, or a \u escape that could spell it.
        /// </summary>
        public bool HasIdentifier(string name, CancellationToken cancellationToken) =>
            this.identifiers.GetOrAdd(name, n => this.ScanForIdentifier(n, cancellationToken));

        /// <summary>
        /// Whether the file can hold Spark code at all: its text names a Microsoft.Spark type or a streaming method
        /// somewhere (as a whole word; comments and strings count too, which only costs time). Files without any —
        /// most of a typical project — are skipped by every Spark rule. One pass over the characters, no syntax walk:
        /// materialising every token of every file cost more than all the rules together.
        /// </summary>
        public bool IsSparkRelevant(CancellationToken cancellationToken)
        {
            if (this.sparkRelevant == 0)
            {
                this.sparkRelevant = NamesSparkWord(this.tree.GetText(cancellationToken).ToString()) ? 1 : 2;
            }

            return this.sparkRelevant == 1;
        }

        private static bool NamesSparkWord(string text)
        {
            if (text.IndexOf("\\u", StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", StringComparison.Ordinal) >= 0)
            {
                return true; // an identifier may be spelled with escapes: assume it can hold anything
            }

            int i = 0;
            int length = text.Length;
            while (i < length)
            {
                char c = text[i];
                if (c >= 128 || !IdentifierChar[c])
                {
                    i++;
                    continue;
                }

                int start = i;
                do
                {
                    i++;
                }
                while (i < length && text[i] < 128 && IdentifierChar[text[i]]);

                int wordLength = i - start;
                if (wordLength >= MinSparkWordLength && wordLength <= MaxSparkWordLength && c < 128 && SparkWordsByFirst[c] is { } words)
                {
                    foreach (string word in words)
                    {
                        if (word.Length == wordLength && string.CompareOrdinal(text, start, word, 0, wordLength) == 0)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>The invocations of this tree whose invoked simple name is <paramref name="name"/>, in source order; the tree is indexed once.</summary>
        public IReadOnlyList<InvocationExpressionSyntax> InvocationsNamed(string name, CancellationToken cancellationToken)
        {
            Dictionary<string, List<InvocationExpressionSyntax>>? index = Volatile.Read(ref this.invocationsByName);
            if (index is null)
            {
                Interlocked.CompareExchange(ref this.invocationsByName, this.BuildInvocationIndex(cancellationToken), null);
                index = this.invocationsByName!;
            }

            return index.TryGetValue(name, out List<InvocationExpressionSyntax>? calls) ? calls : (IReadOnlyList<InvocationExpressionSyntax>)Array.Empty<InvocationExpressionSyntax>();
        }

        private Dictionary<string, List<InvocationExpressionSyntax>> BuildInvocationIndex(CancellationToken cancellationToken)
        {
            var index = new Dictionary<string, List<InvocationExpressionSyntax>>(StringComparer.Ordinal);
            foreach (SyntaxNode node in this.tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax call)
                {
                    continue;
                }

                string? name = call.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };
                if (name is null)
                {
                    continue;
                }

                if (!index.TryGetValue(name, out List<InvocationExpressionSyntax>? list))
                {
                    index[name] = list = new List<InvocationExpressionSyntax>();
                }

                list.Add(call);
            }

            return index;
        }

        private bool ScanForIdentifier(string name, CancellationToken cancellationToken)
        {
            string text = this.tree.GetText(cancellationToken).ToString();
            if (text.IndexOf(name, StringComparison.Ordinal) < 0
                && text.IndexOf("\\u", StringComparison.Ordinal) < 0
                && text.IndexOf("\\U", StringComparison.Ordinal) < 0)
            {
                return false;
            }

            foreach (SyntaxToken token in this.tree.GetRoot(cancellationToken).DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        private bool ScanForStringLiteral(string value, CancellationToken cancellationToken)
        {
            string text = this.tree.GetText(cancellationToken).ToString();
            if (text.IndexOf(value, StringComparison.Ordinal) < 0
                && text.IndexOf("\\u", StringComparison.Ordinal) < 0
                && text.IndexOf("\\U", StringComparison.Ordinal) < 0
                && text.IndexOf("\\x", StringComparison.Ordinal) < 0)
            {
                return false;
            }

            foreach (SyntaxToken token in this.tree.GetRoot(cancellationToken).DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken) && string.Equals(token.ValueText, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Only ASCII letters, digits and '_' rule a match out: any other neighbour keeps it a candidate.</summary>
        private static bool IsAsciiIdentifierPart(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
