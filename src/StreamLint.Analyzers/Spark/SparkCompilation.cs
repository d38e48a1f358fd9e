using System;
using System.Collections.Concurrent;
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
        private readonly ConcurrentDictionary<SyntaxNode, LocalDefinitions> localDefinitions = new ConcurrentDictionary<SyntaxNode, LocalDefinitions>();
        private readonly ConcurrentDictionary<string, bool> confKeysSet = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> identifiers = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private ImmutableArray<CheckpointSetting>? checkpoints;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<HelperCallSite>> callSites =
            new ConcurrentDictionary<IMethodSymbol, ImmutableArray<HelperCallSite>>(SymbolEqualityComparer.Default);

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
            this.confKeysSet.GetOrAdd(key, k => this.AnyTreeHasStringLiteral(k, cancellationToken));

        /// <summary>Whether an identifier (e.g. AwaitAnyTermination) appears anywhere in the compilation; computed once per name.</summary>
        public bool MentionsIdentifier(string name, CancellationToken cancellationToken) =>
            this.identifiers.GetOrAdd(name, n => this.compilation.SyntaxTrees.Any(tree =>
                tree.GetRoot(cancellationToken).DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == n)));

        /// <summary>
        /// Every <c>Option("checkpointLocation", constant)</c> on a DataStreamWriter in the compilation, found once: a
        /// syntactic pass over calls named Option, then binding only those.
        /// </summary>
        public ImmutableArray<CheckpointSetting> CheckpointSettings(CancellationToken cancellationToken)
        {
            if (this.checkpoints is { } known)
            {
                return known;
            }

            var found = ImmutableArray.CreateBuilder<CheckpointSetting>();
            foreach (SyntaxTree tree in this.compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (InvocationExpressionSyntax call in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (call.ArgumentList.Arguments.Count != 2 || call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Option" })
                    {
                        continue;
                    }

                    model ??= this.ModelFor(tree);
                    if (model.GetOperation(call, cancellationToken) is IInvocationOperation option
                        && this.Symbols.Is(option.TargetMethod.ContainingType, this.Symbols.DataStreamWriter)
                        && string.Equals(Operations.ConstantString(Operations.Argument(option, 0)), "checkpointLocation", StringComparison.OrdinalIgnoreCase)
                        && Operations.ConstantString(Operations.Argument(option, 1)) is { } path)
                    {
                        found.Add(new CheckpointSetting(path.TrimEnd('/'), option));
                    }
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
        /// Every place in the compilation that calls <paramref name="method"/> or passes it to ForeachBatch, found once
        /// per method: a syntactic pass by name, then binding only the candidates.
        /// </summary>
        public ImmutableArray<HelperCallSite> CallSitesOf(IMethodSymbol method, CancellationToken cancellationToken) =>
            this.callSites.GetOrAdd(method.OriginalDefinition, m => this.FindCallSites(m, cancellationToken));

        private ImmutableArray<HelperCallSite> FindCallSites(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var sites = ImmutableArray.CreateBuilder<HelperCallSite>();
            foreach (SyntaxTree tree in this.compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
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
                    if (name != method.Name && name != "ForeachBatch")
                    {
                        continue;
                    }

                    model ??= this.ModelFor(tree);
                    if (model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation)
                    {
                        continue;
                    }

                    if (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method))
                    {
                        sites.Add(new HelperCallSite(invocation, isForeachBatch: false));
                    }
                    else if (name == "ForeachBatch"
                        && invocation.Arguments.Length == 1
                        && Operations.Unwrap(invocation.Arguments[0].Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation reference }
                        && SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, method))
                    {
                        sites.Add(new HelperCallSite(invocation, isForeachBatch: true));
                    }
                }
            }

            return sites.ToImmutable();
        }

        private bool AnyTreeHasStringLiteral(string value, CancellationToken cancellationToken)
        {
            foreach (SyntaxTree tree in this.compilation.SyntaxTrees)
            {
                if (TreeText.For(tree).HasStringLiteral(value, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
