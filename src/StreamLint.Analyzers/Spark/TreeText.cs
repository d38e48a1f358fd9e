using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace StreamLint.Spark
{
    /// <summary>
    /// Facts about one syntax tree's text, computed at most once per tree and shared by every compilation holding the
    /// tree (the IDE makes a new compilation on each edit but keeps the unchanged trees). They are text searches, not
    /// syntax walks, and only ever answer "certainly not": the semantic work then runs where it can matter.
    /// </summary>
    internal sealed class TreeText
    {
        private static readonly ConditionalWeakTable<SyntaxTree, TreeText> Instances = new ConditionalWeakTable<SyntaxTree, TreeText>();
        private static readonly string[] StartNames = { "Start", "ToTable" };

        /// <summary>Names that code working with Microsoft.Spark's streaming API writes somewhere in the file.</summary>
        private static readonly HashSet<string> SparkWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "DataFrame", "DataStreamWriter", "DataStreamReader", "DataFrameWriter", "DataFrameReader", "SparkSession",
            "RelationalGroupedDataset", "Column", "Functions", "ReadStream", "WriteStream", "ForeachBatch", "IForeachWriter",
            "StreamingQuery", "Trigger", "WithWatermark", "GroupBy", "Spark",
        };

        private readonly SyntaxTree tree;
        private readonly ConcurrentDictionary<string, bool> stringConstants = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> identifiers = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private StartIndex? startIndex;
        private Dictionary<string, List<InvocationExpressionSyntax>>? invocationsByName;
        private int sparkRelevant; // 0 unknown, 1 yes, 2 no

        private TreeText(SyntaxTree tree) => this.tree = tree;

        public static TreeText For(SyntaxTree tree) => Instances.GetValue(tree, t => new TreeText(t));

        /// <summary>
        /// The positions in <paramref name="span"/> where an identifier <c>Start</c> or <c>ToTable</c> may begin, in
        /// order; false when they cannot be listed from the text (identifiers written with \u escapes).
        /// </summary>
        public bool TryGetStartCandidates(TextSpan span, CancellationToken cancellationToken, out ArraySegment<int> candidates)
        {
            StartIndex? index = this.startIndex;
            if (index is null)
            {
                Interlocked.CompareExchange(ref this.startIndex, this.BuildStartIndex(cancellationToken), null);
                index = this.startIndex!;
            }

            if (index.AnyEscape)
            {
                candidates = default;
                return false;
            }

            int[] positions = index.Positions;
            int first = LowerBound(positions, span.Start);
            int end = LowerBound(positions, span.End);
            candidates = new ArraySegment<int>(positions, first, end - first);
            return true;
        }

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
        /// Whether the file can hold Spark code at all: it names a Microsoft.Spark type or a streaming method somewhere.
        /// Files without any (most of a typical project) are skipped by every Spark rule; one token scan per tree.
        /// </summary>
        public bool IsSparkRelevant(CancellationToken cancellationToken)
        {
            if (this.sparkRelevant == 0)
            {
                bool relevant = false;
                foreach (SyntaxToken token in this.tree.GetRoot(cancellationToken).DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && SparkWords.Contains(token.ValueText))
                    {
                        relevant = true;
                        break;
                    }
                }

                this.sparkRelevant = relevant ? 1 : 2;
            }

            return this.sparkRelevant == 1;
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

        private StartIndex BuildStartIndex(CancellationToken cancellationToken)
        {
            string text = this.tree.GetText(cancellationToken).ToString();
            if (text.IndexOf("\\u", StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", StringComparison.Ordinal) >= 0)
            {
                return new StartIndex(Array.Empty<int>(), anyEscape: true);
            }

            var positions = new List<int>();
            foreach (string name in StartNames)
            {
                for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
                {
                    int end = at + name.Length;
                    if ((at == 0 || !IsAsciiIdentifierPart(text[at - 1])) && (end == text.Length || !IsAsciiIdentifierPart(text[end])))
                    {
                        positions.Add(at);
                    }
                }
            }

            positions.Sort();
            return new StartIndex(positions.ToArray(), anyEscape: false);
        }

        private static int LowerBound(int[] sorted, int value)
        {
            int i = Array.BinarySearch(sorted, value);
            return i < 0 ? ~i : i;
        }

        /// <summary>Only ASCII letters, digits and '_' rule a match out: any other neighbour keeps it a candidate.</summary>
        private static bool IsAsciiIdentifierPart(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';

        private sealed class StartIndex
        {
            public StartIndex(int[] positions, bool anyEscape)
            {
                this.Positions = positions;
                this.AnyEscape = anyEscape;
            }

            /// <summary>Sorted start positions of Start / ToTable candidates.</summary>
            public int[] Positions { get; }

            public bool AnyEscape { get; }
        }
    }
}
