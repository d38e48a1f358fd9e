using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark
{
    /// <summary>
    /// Everything the Spark rules share for one compilation: the resolved symbols and the pipeline model's caches,
    /// so several rules looking at the same query evaluate its lineage once.
    /// </summary>
    internal sealed class SparkCompilation
    {
        private static readonly ConditionalWeakTable<Compilation, SparkCompilation?> Instances = new ConditionalWeakTable<Compilation, SparkCompilation?>();

        private readonly Compilation compilation;
        private readonly Cache<SyntaxTree, ImmutableArray<SparkMember>> members = new Cache<SyntaxTree, ImmutableArray<SparkMember>>();
        private readonly Cache<SyntaxNode, LocalDefinitions> localDefinitions = new Cache<SyntaxNode, LocalDefinitions>();
        private readonly Cache<string, bool> confKeysSet = new Cache<string, bool>(StringComparer.Ordinal);
        private readonly Cache<string, bool> identifiers = new Cache<string, bool>(StringComparer.Ordinal);
        private ImmutableArray<CheckpointSetting> checkpoints; // default until computed (one reference: no torn reads)
        private readonly Cache<SyntaxTree, SemanticModel> models = new Cache<SyntaxTree, SemanticModel>();
        private readonly Cache<string, ImmutableArray<BoundCandidate>> boundCandidates = new Cache<string, ImmutableArray<BoundCandidate>>(StringComparer.Ordinal);
        private readonly Cache<IMethodSymbol, ImmutableArray<HelperCallSite>> callSites =
            new Cache<IMethodSymbol, ImmutableArray<HelperCallSite>>(SymbolEqualityComparer.Default);

        private SparkCompilation(Compilation compilation, SparkSymbols symbols)
        {
            this.compilation = compilation;
            this.Symbols = symbols;
            this.Evaluator = new PipelineEvaluator(this);
        }

        public SparkSymbols Symbols { get; }

        public PipelineEvaluator Evaluator { get; }

        /// <summary>Null when the compilation does not reference Microsoft.Spark.</summary>
        public static SparkCompilation? For(Compilation compilation) =>
            Instances.GetValue(compilation, c => SparkSymbols.TryCreate(c) is { } symbols ? new SparkCompilation(c, symbols) : null);

        /// <summary>
        /// The members of a file that call Microsoft.Spark, with their calls, found once for all rules; none in files
        /// that name no Spark API (<see cref="IsSparkRelevant"/>).
        /// </summary>
        public ImmutableArray<SparkMember> MembersIn(SemanticModel model, CancellationToken cancellationToken)
        {
            SyntaxTree tree = model.SyntaxTree;
            if (!this.IsSparkRelevant(tree, cancellationToken))
            {
                return ImmutableArray<SparkMember>.Empty;
            }

            return this.members.GetOrAdd(tree, _ => SparkMember.Collect(model, this, cancellationToken));
        }

        public LocalDefinitions DefinitionsFor(IOperation root) =>
            this.localDefinitions.GetOrAdd(root.Syntax, _ => new LocalDefinitions(root));

        /// <summary>
        /// Whether a Spark configuration key appears as a string constant anywhere in the compilation (for example
        /// <c>Builder().Config("spark.sql.streaming.checkpointLocation", …)</c> in another file). Any appearance counts:
        /// a conf key set in code the model cannot follow must silence, never trigger, a rule. Computed once per key
        /// for the compilation, from answers cached per syntax tree (<see cref="TreeText"/>): an IDE edit re-reads
        /// the edited tree only, not the whole project.
        /// </summary>
        public bool MentionsConfKey(string key, CancellationToken cancellationToken) =>
            this.confKeysSet.GetOrAdd(key, k => this.compilation.SyntaxTrees.Any(tree => TreeText.For(tree).HasStringLiteral(k, cancellationToken)));

        /// <summary>Whether an identifier (e.g. AwaitAnyTermination) appears anywhere in the compilation; computed once per name.</summary>
        public bool MentionsIdentifier(string name, CancellationToken cancellationToken) =>
            this.identifiers.GetOrAdd(name, n => this.compilation.SyntaxTrees.Any(tree => TreeText.For(tree).HasIdentifier(n, cancellationToken)));

        /// <summary>
        /// Whether a file can hold Spark code at all (<see cref="TreeText.IsSparkRelevant"/>); cached per tree, so an
        /// IDE edit re-reads only the edited file.
        /// </summary>
        public bool IsSparkRelevant(SyntaxTree tree, CancellationToken cancellationToken) =>
            TreeText.For(tree).IsSparkRelevant(cancellationToken);

        /// <summary>
        /// Every <c>Option("checkpointLocation", constant)</c> on a DataStreamWriter in the compilation, found once,
        /// binding only the calls named Option (<see cref="BoundCandidates"/>).
        /// </summary>
        public ImmutableArray<CheckpointSetting> CheckpointSettings(CancellationToken cancellationToken)
        {
            ImmutableArray<CheckpointSetting> known = this.checkpoints;
            if (!known.IsDefault)
            {
                return known;
            }

            var found = ImmutableArray.CreateBuilder<CheckpointSetting>();
            foreach (BoundCandidate candidate in this.BoundCandidates("Option", cancellationToken))
            {
                IInvocationOperation option = candidate.Invocation;
                if (option.Arguments.Length == 2
                    && this.Symbols.Is(option.TargetMethod.ContainingType, this.Symbols.DataStreamWriter)
                    && string.Equals(Operations.ConstantString(Operations.Argument(option, 0)), "checkpointLocation", StringComparison.OrdinalIgnoreCase)
                    && Operations.ConstantString(Operations.Argument(option, 1)) is { } path)
                {
                    found.Add(new CheckpointSetting(path.TrimEnd('/'), option));
                }
            }

            ImmutableArray<CheckpointSetting> result = found.ToImmutable();
            this.checkpoints = result;
            return result;
        }

        /// <summary>
        /// The semantic model of another tree, for following a helper method's body or its call sites. The analyzer
        /// driver shares its models through the compilation's semantic model provider, so this does not rebind.
        /// </summary>
        public SemanticModel ModelFor(SyntaxTree tree) =>
#pragma warning disable RS1030 // Helper summaries and call sites live in other trees; models are cached per tree.
            this.models.GetOrAdd(tree, t => this.compilation.GetSemanticModel(t));
#pragma warning restore RS1030

        /// <summary>
        /// The operation of a same-compilation method's declaration: its body, or the local function itself; null for
        /// metadata, abstract and bodiless methods. Shared by helper summaries and ForeachBatch functions.
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

        /// <summary>
        /// Every place in the compilation that calls <paramref name="method"/> or passes it to ForeachBatch, found once
        /// per method: a syntactic pass by name, then binding only the candidates.
        /// </summary>
        public ImmutableArray<HelperCallSite> CallSitesOf(IMethodSymbol method, CancellationToken cancellationToken) =>
            this.callSites.GetOrAdd(method.OriginalDefinition, m => this.FindCallSites(m, cancellationToken));

        /// <summary>
        /// The call sites of <paramref name="method"/>: the calls named like it that bind to it, and the ForeachBatch
        /// calls that pass it as a method group, in compilation order. The candidates of a name are found from each
        /// tree's text and bound once, for every method of that name — not one pass over every tree per helper
        /// method, which made SL1007 quadratic in the number of helpers (about 1 s at 10k lines, 6 s at 50k).
        /// </summary>
        private ImmutableArray<HelperCallSite> FindCallSites(IMethodSymbol method, CancellationToken cancellationToken)
        {
            IEnumerable<BoundCandidate> candidates = this.BoundCandidates(method.Name, cancellationToken);
            if (method.Name != "ForeachBatch")
            {
                candidates = candidates.Concat(this.BoundCandidates("ForeachBatch", cancellationToken))
                    .OrderBy(c => c.Tree).ThenBy(c => c.Position);
            }

            var sites = ImmutableArray.CreateBuilder<HelperCallSite>();
            foreach (BoundCandidate candidate in candidates)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.Invocation.TargetMethod.OriginalDefinition, method))
                {
                    sites.Add(new HelperCallSite(candidate.Invocation, isForeachBatch: false));
                }
                else if (candidate.Invocation.TargetMethod.Name == "ForeachBatch"
                    && candidate.Invocation.Arguments.Length == 1
                    && Operations.Unwrap(candidate.Invocation.Arguments[0].Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation reference }
                    && SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, method))
                {
                    sites.Add(new HelperCallSite(candidate.Invocation, isForeachBatch: true));
                }
            }

            return sites.ToImmutable();
        }

        /// <summary>
        /// The invocations named <paramref name="name"/>, bound once per name, in compilation order. Each tree's calls
        /// of a name are found once (<see cref="TreeText.InvocationsNamed"/>) and kept for the next compilation that
        /// holds the same tree.
        /// </summary>
        private ImmutableArray<BoundCandidate> BoundCandidates(string name, CancellationToken cancellationToken) =>
            this.boundCandidates.GetOrAdd(name, n =>
            {
                var bound = ImmutableArray.CreateBuilder<BoundCandidate>();
                int treeIndex = 0;
                foreach (SyntaxTree tree in this.compilation.SyntaxTrees)
                {
                    IReadOnlyList<InvocationExpressionSyntax> calls = TreeText.For(tree).InvocationsNamed(n, cancellationToken);
                    if (calls.Count > 0)
                    {
                        SemanticModel model = this.ModelFor(tree);
                        foreach (InvocationExpressionSyntax call in calls)
                        {
                            if (model.GetOperation(call, cancellationToken) is IInvocationOperation invocation)
                            {
                                bound.Add(new BoundCandidate(treeIndex, call.SpanStart, invocation));
                            }
                        }
                    }

                    treeIndex++;
                }

                return bound.ToImmutable();
            });

        private readonly struct BoundCandidate
        {
            public BoundCandidate(int tree, int position, IInvocationOperation invocation)
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
}
