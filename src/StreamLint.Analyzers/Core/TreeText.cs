using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamLint.Core
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

        private const int UnicodeEscape = 1;
        private const int HexEscape = 2;

        private static readonly bool[] IdentifierChar = Enumerable.Range(0, 128).Select(c => IsAsciiIdentifierPart((char)c)).ToArray();

        // Reused by each thread's call-candidate scans: only the array kept for the tree is allocated, not a growing list per file.
        [ThreadStatic]
        private static List<int>? positionsOfThread;

        private readonly SyntaxTree tree;
        // Made on first use: a compilation-wide question creates the TreeText of every tree, and most trees are asked one kind.
        private Cache<string, bool>? stringConstants;
        private Cache<string, bool>? identifiers;
        private Cache<string, IReadOnlyList<InvocationExpressionSyntax>>? invocationsByName;
        private readonly PerNameSet<bool> relevance = new PerNameSet<bool>();
        private readonly PerNameSet<int[]?> callCandidates = new PerNameSet<int[]?>();
        private InvocationIndex? invocations;
        private int escapes = -1; // EscapesIn: not read yet

        private TreeText(SyntaxTree tree) => this.tree = tree;

        public static TreeText For(SyntaxTree tree) => Instances.GetValue(tree, t => new TreeText(t));

        private static Cache<string, TValue> Made<TValue>(ref Cache<string, TValue>? cache) =>
            Volatile.Read(ref cache) ?? Interlocked.CompareExchange(ref cache, new Cache<string, TValue>(StringComparer.Ordinal), null) ?? cache!;

        /// <summary>
        /// Whether a string literal token of this tree has exactly <paramref name="value"/> as its value. The tree's
        /// tokens are read only when its text contains the value, or an escape that could spell it.
        /// </summary>
        public bool HasStringLiteral(string value, CancellationToken cancellationToken) =>
            Made(ref this.stringConstants).GetOrAdd(value, static (v, s) => s.Text.ScanForStringLiteral(v, s.Token), (Text: this, Token: cancellationToken));

        /// <summary>
        /// Whether an identifier token of this tree is <paramref name="name"/>. The tree's tokens are read only when
        /// its text contains the name, or a \u escape that could spell it.
        /// </summary>
        public bool HasIdentifier(string name, CancellationToken cancellationToken) =>
            Made(ref this.identifiers).GetOrAdd(name, static (n, s) => s.Text.ScanForIdentifier(n, s.Token), (Text: this, Token: cancellationToken));

        /// <summary>
        /// Whether the file can hold a library's code at all: its text names one of <paramref name="words"/> somewhere
        /// (as a whole word; comments and strings count too, which only costs time). Files without any — most of a
        /// typical project — are skipped by every rule of that library. One pass over the characters, no syntax
        /// walk: materialising every token of every file costs more than the rules themselves. The pass answers for
        /// every word set asked about so far (each family's), so a file is read once, not once per family.
        /// </summary>
        public bool IsRelevant(NameSet words, CancellationToken cancellationToken)
        {
            if (this.relevance.TryGetValue(words, out bool known))
            {
                return known;
            }

            NameSet[] sets = RelevanceSets.With(words);
            string text = this.tree.GetText(cancellationToken).ToString();
            bool[] answers = NamesAnyWord(text, this.MaySpellWithEscapes(text), sets);
            bool answer = false;
            for (int i = 0; i < sets.Length; i++)
            {
                bool stored = this.relevance.GetOrAdd(sets[i], answers[i]);
                if (sets[i] == words)
                {
                    answer = stored;
                }
            }

            return answer;
        }

        /// <summary>For each set, whether the text names one of its words.</summary>
        private static bool[] NamesAnyWord(string text, bool escapes, NameSet[] sets)
        {
            var found = new bool[sets.Length];
            if (escapes)
            {
                for (int s = 0; s < found.Length; s++)
                {
                    found[s] = true; // an identifier may be spelled with escapes: assume it can hold anything
                }

                return found;
            }

            int missing = sets.Length;
            for (int i = 0; missing > 0 && NextWord(text, ref i, out int start);)
            {
                for (int s = 0; s < sets.Length; s++)
                {
                    if (!found[s] && sets[s].Contains(text, start, i - start))
                    {
                        found[s] = true;
                        missing--;
                    }
                }
            }

            return found;
        }

        /// <summary>
        /// Positions, in order, where the text has an identifier in <paramref name="names"/> followed (after
        /// whitespace) by <c>(</c>, <c>&lt;</c> or a comment: every place a call to such a method can be written. Comments and
        /// strings may add positions, never remove one; null when identifiers may be spelled with \u escapes.
        /// Cached per name set (each library's member names).
        /// </summary>
        public int[]? CallCandidates(NameSet names, CancellationToken cancellationToken) =>
            this.callCandidates.GetOrAdd(names, n =>
            {
                string text = this.tree.GetText(cancellationToken).ToString();
                return this.MaySpellWithEscapes(text) ? null : FindCallCandidates(text, n);
            });

        private static int[] FindCallCandidates(string text, NameSet names)
        {
            List<int> positions = positionsOfThread ??= new List<int>();
            positions.Clear();
            for (int i = 0; NextWord(text, ref i, out int start);)
            {
                if ((text[start] < '0' || text[start] > '9') && CallMayFollow(text, i) && names.Contains(text, start, i - start))
                {
                    positions.Add(start);
                }
            }

            return positions.ToArray();
        }

        /// <summary>Moves <paramref name="position"/> past the next run of identifier characters, which starts at <paramref name="start"/>; false at the end.</summary>
        private static bool NextWord(string text, ref int position, out int start)
        {
            int length = text.Length;
            while (position < length && (text[position] >= 128 || !IdentifierChar[text[position]]))
            {
                position++;
            }

            start = position;
            while (position < length && text[position] < 128 && IdentifierChar[text[position]])
            {
                position++;
            }

            return position > start;
        }

        /// <summary>
        /// Whether what follows <paramref name="end"/> (after whitespace) can open a call's arguments: <c>(</c>, type
        /// arguments <c>&lt;</c>, or <c>/</c>, a comment before them (the tree decides).
        /// </summary>
        private static bool CallMayFollow(string text, int end)
        {
            while (end < text.Length && char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            return end < text.Length && text[end] is '(' or '<' or '/';
        }

        /// <summary>Whether the text has a \u or \U escape, with which an identifier or a string can be spelled.</summary>
        private bool MaySpellWithEscapes(string text) => (this.EscapesIn(text) & UnicodeEscape) != 0;

        /// <summary>The escapes the text's backslashes start (<see cref="UnicodeEscape"/>, <see cref="HexEscape"/>), read once per tree.</summary>
        private int EscapesIn(string text)
        {
            int known = Volatile.Read(ref this.escapes);
            if (known < 0)
            {
                known = ScanEscapes(text);
                Volatile.Write(ref this.escapes, known);
            }

            return known;
        }

        private static int ScanEscapes(string text)
        {
            int found = 0;
            for (int i = text.IndexOf('\\'); i >= 0 && i + 1 < text.Length && found != (UnicodeEscape | HexEscape); i = text.IndexOf('\\', i + 1))
            {
                found |= text[i + 1] switch
                {
                    'u' or 'U' => UnicodeEscape,
                    'x' => HexEscape,
                    _ => 0,
                };
            }

            return found;
        }

        /// <summary>Every invocation of this tree, in source order; the tree is read once.</summary>
        public IReadOnlyList<InvocationExpressionSyntax> Invocations(CancellationToken cancellationToken) =>
            this.Index(cancellationToken).All;

        /// <summary>The invocations of this tree whose invoked simple name is <paramref name="name"/>, in source order.</summary>
        /// <remarks>
        /// Found from the text: the places where the name is written as a whole word followed by <c>(</c> or
        /// <c>&lt;</c> are looked up in the tree, so a file is not walked node by node (most files hold no call of a
        /// given helper, and those that do hold few). Where identifiers may be spelled with \u escapes, the whole
        /// tree's invocations are indexed instead. Cached per name.
        /// </remarks>
        public IReadOnlyList<InvocationExpressionSyntax> InvocationsNamed(string name, CancellationToken cancellationToken) =>
            Made(ref this.invocationsByName).GetOrAdd(name, static (n, s) => s.Text.FindInvocations(n, s.Token), (Text: this, Token: cancellationToken));

        private IReadOnlyList<InvocationExpressionSyntax> FindInvocations(string name, CancellationToken cancellationToken)
        {
            string text = this.tree.GetText(cancellationToken).ToString();
            if (this.MaySpellWithEscapes(text))
            {
                return this.Index(cancellationToken).ByName.TryGetValue(name, out List<InvocationExpressionSyntax>? indexed)
                    ? indexed
                    : (IReadOnlyList<InvocationExpressionSyntax>)Array.Empty<InvocationExpressionSyntax>();
            }

            List<InvocationExpressionSyntax>? calls = null;
            SyntaxNode? root = null;
            for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                int end = at + name.Length;
                if ((at > 0 && IsAsciiIdentifierPart(text[at - 1])) || (end < text.Length && IsAsciiIdentifierPart(text[end])) || !CallMayFollow(text, end))
                {
                    continue;
                }

                root ??= this.tree.GetRoot(cancellationToken);
                if (InvocationNamedAt(root, at, name) is { } call)
                {
                    (calls ??= new List<InvocationExpressionSyntax>()).Add(call);
                }
            }

            return calls ?? (IReadOnlyList<InvocationExpressionSyntax>)Array.Empty<InvocationExpressionSyntax>();
        }

        /// <summary>The invocation whose invoked name is the identifier token at <paramref name="position"/>, if any.</summary>
        private static InvocationExpressionSyntax? InvocationNamedAt(SyntaxNode root, int position, string name)
        {
            SyntaxToken token = root.FindToken(position);
            if (token.SpanStart != position || token.ValueText != name || token.Parent is not SimpleNameSyntax simple)
            {
                return null;
            }

            SyntaxNode callee = simple.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Name == simple => access,
                MemberBindingExpressionSyntax binding when binding.Name == simple => binding,
                _ => simple,
            };
            return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;
        }

        /// <summary>The simple name a call invokes (<c>x.Name()</c>, <c>x?.Name()</c>, <c>Name()</c>, <c>x.Name&lt;T&gt;()</c>); null otherwise.</summary>
        public static string? InvokedName(InvocationExpressionSyntax call) => call.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };

        private InvocationIndex Index(CancellationToken cancellationToken)
        {
            InvocationIndex? index = Volatile.Read(ref this.invocations);
            if (index is null)
            {
                Interlocked.CompareExchange(ref this.invocations, new InvocationIndex(this.tree.GetRoot(cancellationToken)), null);
                index = this.invocations!;
            }

            return index;
        }

        private bool ScanForIdentifier(string name, CancellationToken cancellationToken)
        {
            string text = this.tree.GetText(cancellationToken).ToString();
            if (text.IndexOf(name, StringComparison.Ordinal) < 0 && !this.MaySpellWithEscapes(text))
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
            if (text.IndexOf(value, StringComparison.Ordinal) < 0 && this.EscapesIn(text) == 0)
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

        /// <summary>
        /// The word sets relevance has been asked about in this process: each family's few words, so three. A set
        /// beyond the first eight is scanned for on its own rather than added to every file's pass.
        /// </summary>
        private static class RelevanceSets
        {
            private const int Max = 8;
            private static NameSet[] sets = Array.Empty<NameSet>();

            public static NameSet[] With(NameSet words)
            {
                while (true)
                {
                    NameSet[] known = Volatile.Read(ref sets);
                    if (Array.IndexOf(known, words) >= 0)
                    {
                        return known;
                    }

                    if (known.Length >= Max)
                    {
                        return new[] { words };
                    }

                    var grown = new NameSet[known.Length + 1];
                    known.CopyTo(grown, 0);
                    grown[known.Length] = words;
                    if (Interlocked.CompareExchange(ref sets, grown, known) == known)
                    {
                        return grown;
                    }
                }
            }
        }

        /// <summary>
        /// Answers per name set. A file is asked about by a few sets per library, so a short array is enough, and
        /// two families asking in turn never evict each other's answer. It is read without a lock: every analyzer of a
        /// family asks the same tree the same question at about the same moment, and behind a lock those threads
        /// queued in a real build (docs/performance.md). An answer is added by replacing the array; when two threads
        /// compute the same answer, the first one stored is kept.
        /// </summary>
        private sealed class PerNameSet<T>
        {
            private KeyValuePair<NameSet, T>[] entries = Array.Empty<KeyValuePair<NameSet, T>>();

            public bool TryGetValue(NameSet names, out T value)
            {
                if (Find(Volatile.Read(ref this.entries), names) is { } hit)
                {
                    value = hit.Value;
                    return true;
                }

                value = default!;
                return false;
            }

            public T GetOrAdd(NameSet names, Func<NameSet, T> compute) =>
                this.TryGetValue(names, out T known) ? known : this.GetOrAdd(names, compute(names));

            /// <summary>Stores <paramref name="value"/> unless an answer is stored; returns the stored answer.</summary>
            public T GetOrAdd(NameSet names, T value)
            {
                KeyValuePair<NameSet, T>[] known = Volatile.Read(ref this.entries);
                while (true)
                {
                    if (Find(known, names) is { } stored)
                    {
                        return stored.Value; // answered already, or by another thread first: one answer per name set
                    }

                    var grown = new KeyValuePair<NameSet, T>[known.Length + 1];
                    known.CopyTo(grown, 0);
                    grown[known.Length] = new KeyValuePair<NameSet, T>(names, value);
                    KeyValuePair<NameSet, T>[] seen = Interlocked.CompareExchange(ref this.entries, grown, known);
                    if (seen == known)
                    {
                        return value;
                    }

                    known = seen;
                }
            }

            private static KeyValuePair<NameSet, T>? Find(KeyValuePair<NameSet, T>[] entries, NameSet names)
            {
                foreach (KeyValuePair<NameSet, T> entry in entries)
                {
                    if (entry.Key == names)
                    {
                        return entry;
                    }
                }

                return null;
            }
        }

        private sealed class InvocationIndex
        {
            public InvocationIndex(SyntaxNode root)
            {
                foreach (SyntaxNode node in root.DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax call)
                    {
                        continue;
                    }

                    this.All.Add(call);
                    if (InvokedName(call) is { } name)
                    {
                        if (!this.ByName.TryGetValue(name, out List<InvocationExpressionSyntax>? list))
                        {
                            this.ByName[name] = list = new List<InvocationExpressionSyntax>();
                        }

                        list.Add(call);
                    }
                }
            }

            public List<InvocationExpressionSyntax> All { get; } = new List<InvocationExpressionSyntax>();

            public Dictionary<string, List<InvocationExpressionSyntax>> ByName { get; } = new Dictionary<string, List<InvocationExpressionSyntax>>(StringComparer.Ordinal);
        }
    }
}
