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
using StreamLint.Core;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark
{
    /// <summary>
    /// The Spark family's context for one compilation: the resolved symbols, the pipeline model and its caches, so
    /// several rules looking at the same query evaluate its lineage once. Neutral services (models, call sites, text
    /// mentions, the per-file member scan) come from the compilation's <see cref="LibraryContext"/>.
    /// </summary>
    public sealed class SparkCompilation
    {
        private static readonly ConditionalWeakTable<Compilation, SparkCompilation?> Instances = new ConditionalWeakTable<Compilation, SparkCompilation?>();

        private readonly Cache<SyntaxTree, ImmutableArray<SparkMember>> members = new Cache<SyntaxTree, ImmutableArray<SparkMember>>();
        private readonly Cache<IMethodSymbol, ImmutableArray<HelperCallSite>> callSites =
            new Cache<IMethodSymbol, ImmutableArray<HelperCallSite>>(SymbolEqualityComparer.Default);
        private readonly Once<ImmutableArray<CheckpointSetting>> checkpoints = new Once<ImmutableArray<CheckpointSetting>>();

        private SparkCompilation(Compilation compilation, SparkSymbols symbols)
        {
            this.Library = LibraryContext.For(compilation);
            this.Symbols = symbols;
            this.Evaluator = new PipelineEvaluator(this);
        }

        internal LibraryContext Library { get; }

        internal SparkSymbols Symbols { get; }

        internal PipelineEvaluator Evaluator { get; }

        /// <summary>Null when the compilation does not reference Microsoft.Spark.</summary>
        internal static SparkCompilation? For(Compilation compilation) =>
            Instances.GetValue(compilation, c => SparkSymbols.TryCreate(c) is { } symbols ? new SparkCompilation(c, symbols) : null);

        /// <summary>The members of a file that call Microsoft.Spark, with their Spark calls, found once for all rules.</summary>
        internal ImmutableArray<SparkMember> MembersIn(SemanticModel model, CancellationToken cancellationToken)
        {
            ImmutableArray<CodeMember> code = this.Library.MembersIn(model, this.Symbols.Scan, cancellationToken);
            return code.IsEmpty
                ? ImmutableArray<SparkMember>.Empty
                : this.members.GetOrAdd(model.SyntaxTree, static (_, s) => s.Code.Select(m => new SparkMember(m, s.Symbols)).ToImmutableArray(), (Code: code, this.Symbols));
        }

        /// <summary>
        /// Whether a Spark configuration key appears as a string constant anywhere in the compilation (for example
        /// <c>Builder().Config("spark.sql.streaming.checkpointLocation", …)</c> in another file). Any appearance counts:
        /// a conf key set in code the model cannot follow must silence, never trigger, a rule.
        /// </summary>
        internal bool MentionsConfKey(string key, CancellationToken cancellationToken) =>
            this.Library.MentionsStringLiteral(key, cancellationToken);

        /// <summary>
        /// Every <c>Option("checkpointLocation", constant)</c> on a DataStreamWriter in the compilation, found once,
        /// binding only the calls named Option.
        /// </summary>
        internal ImmutableArray<CheckpointSetting> CheckpointSettings(CancellationToken cancellationToken) =>
            this.checkpoints.Get(() => this.FindCheckpointSettings(cancellationToken), cancellationToken);

        private ImmutableArray<CheckpointSetting> FindCheckpointSettings(CancellationToken cancellationToken)
        {
            var found = ImmutableArray.CreateBuilder<CheckpointSetting>();
            foreach (BoundCall candidate in this.Library.CallsNamed("Option", cancellationToken))
            {
                if (SparkApi.CheckpointOptionPath(candidate.Invocation, this.Symbols) is { } path)
                {
                    found.Add(new CheckpointSetting(path.TrimEnd('/'), candidate.Invocation));
                }
            }

            return found.ToImmutable();
        }

        /// <summary>
        /// Every place in the compilation that calls <paramref name="method"/> or passes it to ForeachBatch as a
        /// method group, in compilation order; found once per method.
        /// </summary>
        internal ImmutableArray<HelperCallSite> CallSitesOf(IMethodSymbol method, CancellationToken cancellationToken) =>
            this.callSites.GetOrAdd(method.OriginalDefinition, m => this.FindCallSites(m, cancellationToken));

        private ImmutableArray<HelperCallSite> FindCallSites(IMethodSymbol method, CancellationToken cancellationToken)
        {
            IEnumerable<BoundCall> candidates = this.Library.CallsNamed(method.Name, cancellationToken);
            if (method.Name != SparkApi.ForeachBatch)
            {
                candidates = candidates.Concat(this.Library.CallsNamed(SparkApi.ForeachBatch, cancellationToken))
                    .OrderBy(c => c.Tree).ThenBy(c => c.Position);
            }

            var sites = ImmutableArray.CreateBuilder<HelperCallSite>();
            foreach (BoundCall candidate in candidates)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.Invocation.TargetMethod.OriginalDefinition, method))
                {
                    sites.Add(new HelperCallSite(candidate.Invocation, isForeachBatch: false));
                }
                else if (SparkApi.ForeachBatchMethodGroup(candidate.Invocation) is { } reference
                    && SymbolEqualityComparer.Default.Equals(reference.OriginalDefinition, method))
                {
                    sites.Add(new HelperCallSite(candidate.Invocation, isForeachBatch: true));
                }
            }

            return sites.ToImmutable();
        }
    }
}
