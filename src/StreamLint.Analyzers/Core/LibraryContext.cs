using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core.Flow;

namespace StreamLint.Core
{
    /// <summary>
    /// The services every family needs for one compilation — semantic models of other trees, declarations and call
    /// sites of same-compilation methods, text mentions, the members of a file that call a library — computed once
    /// and shared by all families through one instance per compilation. Per-tree facts live in
    /// <see cref="TreeText"/>, which outlives the compilation, so an IDE edit re-reads only the edited file.
    /// </summary>
    internal sealed class LibraryContext
    {
        private static readonly ConditionalWeakTable<Compilation, LibraryContext> Instances = new ConditionalWeakTable<Compilation, LibraryContext>();

        private readonly OnceCache<(SyntaxTree, LibraryScan), ImmutableArray<CodeMember>> members = new OnceCache<(SyntaxTree, LibraryScan), ImmutableArray<CodeMember>>();
        private readonly Cache<SyntaxNode, LocalDefinitions> localDefinitions = Cache<SyntaxNode, LocalDefinitions>.Large();
        private readonly Cache<string, bool> stringLiterals = new Cache<string, bool>(StringComparer.Ordinal);
        private readonly Cache<string, bool> identifiers = new Cache<string, bool>(StringComparer.Ordinal);
        private readonly Cache<SyntaxTree, SemanticModel> models = new Cache<SyntaxTree, SemanticModel>();
        private readonly Cache<(string Name, NameSet? Files), ImmutableArray<BoundCall>> boundCalls = new Cache<(string Name, NameSet? Files), ImmutableArray<BoundCall>>();

        private LibraryContext(Compilation compilation) => this.Compilation = compilation;

        public Compilation Compilation { get; }

        public static LibraryContext For(Compilation compilation) => Instances.GetValue(compilation, c => new LibraryContext(c));

        /// <summary>
        /// The members of a file that call the library <paramref name="scan"/> describes, found once for all its
        /// rules; none in files whose text names none of its words (<see cref="TreeText.IsRelevant"/>).
        /// </summary>
        public ImmutableArray<CodeMember> MembersIn(SemanticModel model, LibraryScan scan, CancellationToken cancellationToken)
        {
            SyntaxTree tree = model.SyntaxTree;
            if (!TreeText.For(tree).IsRelevant(scan.Words, cancellationToken))
            {
                return ImmutableArray<CodeMember>.Empty;
            }

            return this.members.GetOrAdd(
                (tree, scan),
                static (key, s) => CodeMember.Collect(s.Model, key.Item2, s.Token),
                (Model: model, Token: cancellationToken),
                cancellationToken);
        }

        /// <summary>Where the locals of an executable body get their values, indexed once per body.</summary>
        public LocalDefinitions DefinitionsFor(IOperation root) =>
            this.localDefinitions.GetOrAdd(root.Syntax, static (_, root) => new LocalDefinitions(root), root);

        /// <summary>
        /// Whether a string literal with exactly this value appears anywhere in the compilation. Any appearance counts:
        /// a setting made in code the models cannot follow must silence, never trigger, a rule. Computed once per
        /// value for the compilation from answers cached per tree.
        /// </summary>
        public bool MentionsStringLiteral(string value, CancellationToken cancellationToken) =>
            this.stringLiterals.GetOrAdd(value, v => this.Compilation.SyntaxTrees.Any(tree => TreeText.For(tree).HasStringLiteral(v, cancellationToken)));

        /// <summary>Whether an identifier appears anywhere in the compilation; computed once per name.</summary>
        public bool MentionsIdentifier(string name, CancellationToken cancellationToken) =>
            this.identifiers.GetOrAdd(name, n => this.Compilation.SyntaxTrees.Any(tree => TreeText.For(tree).HasIdentifier(n, cancellationToken)));

        /// <summary>
        /// The semantic model of another tree, for following a helper method's body or its call sites. The analyzer
        /// driver shares its models through the compilation's semantic model provider, so this does not rebind.
        /// </summary>
        public SemanticModel ModelFor(SyntaxTree tree) =>
#pragma warning disable RS1030 // Helper summaries and call sites live in other trees; models are cached per tree.
            this.models.GetOrAdd(tree, t => this.Compilation.GetSemanticModel(t));
#pragma warning restore RS1030

        /// <summary>
        /// The operation of a same-compilation method's declaration: its body, or the local function itself; null for
        /// metadata, abstract and bodiless methods.
        /// </summary>
        public IOperation? DeclarationOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.IsAbstract || method.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            SyntaxNode declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            return this.ModelFor(declaration.SyntaxTree).GetOperation(declaration, cancellationToken);
        }

        /// <summary>Every call in the compilation that binds to <paramref name="method"/>, in compilation order.</summary>
        public IEnumerable<IInvocationOperation> CallsOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            IMethodSymbol definition = method.OriginalDefinition;
            return this.CallsNamed(definition.Name, cancellationToken)
                .Where(call => SymbolEqualityComparer.Default.Equals(call.Invocation.TargetMethod.OriginalDefinition, definition))
                .Select(call => call.Invocation);
        }

        /// <summary>
        /// The invocations named <paramref name="name"/>, bound once per name, in compilation order. Each tree's calls
        /// of a name are found from its text (<see cref="TreeText.InvocationsNamed"/>) and kept for the next
        /// compilation holding the same tree; only those are bound — not every invocation of every file.
        /// </summary>
        public ImmutableArray<BoundCall> CallsNamed(string name, CancellationToken cancellationToken) =>
            this.CallsNamed(name, null, cancellationToken);

        /// <summary>
        /// As <see cref="CallsNamed(string, CancellationToken)"/>, in the files whose text names one of
        /// <paramref name="inFilesNaming"/> only (<see cref="TreeText.IsRelevant"/>): a library's operators with common
        /// names (Count, Join, To) are then bound where that library's code can be, not in every file that counts.
        /// </summary>
        public ImmutableArray<BoundCall> CallsNamed(string name, NameSet? inFilesNaming, CancellationToken cancellationToken) =>
            this.boundCalls.GetOrAdd((name, inFilesNaming), key =>
            {
                var bound = ImmutableArray.CreateBuilder<BoundCall>();
                int treeIndex = 0;
                foreach (SyntaxTree tree in this.Compilation.SyntaxTrees)
                {
                    TreeText text = TreeText.For(tree);
                    IReadOnlyList<InvocationExpressionSyntax> calls = key.Files is { } words && !text.IsRelevant(words, cancellationToken)
                        ? Array.Empty<InvocationExpressionSyntax>()
                        : text.InvocationsNamed(key.Name, cancellationToken);
                    if (calls.Count > 0)
                    {
                        SemanticModel model = this.ModelFor(tree);
                        foreach (InvocationExpressionSyntax call in calls)
                        {
                            if (model.GetOperation(call, cancellationToken) is IInvocationOperation invocation)
                            {
                                bound.Add(new BoundCall(treeIndex, call.SpanStart, invocation));
                            }
                        }
                    }

                    treeIndex++;
                }

                return bound.ToImmutable();
            });
    }

    /// <summary>A bound invocation with its place in the compilation (tree index, then position) for ordering.</summary>
    internal sealed class BoundCall
    {
        public BoundCall(int tree, int position, IInvocationOperation invocation)
        {
            this.Tree = tree;
            this.Position = position;
            this.Invocation = invocation;
        }

        public int Tree { get; }

        public int Position { get; }

        public IInvocationOperation Invocation { get; }
    }
}
