using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Streamiz.Config;
using StreamLint.Streamiz.Topology;

namespace StreamLint.Streamiz
{
    /// <summary>
    /// The Streamiz family's context for one compilation: resolved symbols, the topology model and its caches, and
    /// the compilation-wide StreamConfig facts, computed once and shared by every rule.
    /// </summary>
    public sealed class StreamizCompilation
    {
        private static readonly ConditionalWeakTable<Compilation, StreamizCompilation?> Instances = new ConditionalWeakTable<Compilation, StreamizCompilation?>();

        /// <summary>The operators that make a topology keep state or write to Kafka.</summary>
        private static readonly string[] StatefulOrSinkNames =
        {
            "Count", "Aggregate", "Reduce", "Join", "LeftJoin", "OuterJoin", "Process", "Transform", "TransformValues", "DropDuplicate", "To", "ToTable",
        };

        private readonly Cache<SyntaxTree, ImmutableArray<StreamizMember>> members = new Cache<SyntaxTree, ImmutableArray<StreamizMember>>();
        private readonly Once<StreamConfigFacts> configs = new Once<StreamConfigFacts>();
        private readonly Once<ImmutableArray<StatefulUse>> statefulUses = new Once<ImmutableArray<StatefulUse>>();

        private StreamizCompilation(Compilation compilation, StreamizSymbols symbols)
        {
            this.Library = LibraryContext.For(compilation);
            this.Symbols = symbols;
            this.Flow = new ValueFlow(this.Library, symbols);
            this.Evaluator = new TopologyEvaluator(symbols, this.Flow);
        }

        internal LibraryContext Library { get; }

        internal StreamizSymbols Symbols { get; }

        internal ValueFlow Flow { get; }

        internal TopologyEvaluator Evaluator { get; }

        /// <summary>Null when the compilation does not reference Streamiz.Kafka.Net.</summary>
        internal static StreamizCompilation? For(Compilation compilation) =>
            Instances.GetValue(compilation, c => StreamizSymbols.TryCreate(c) is { } symbols ? new StreamizCompilation(c, symbols) : null);

        internal ImmutableArray<StreamizMember> MembersIn(SemanticModel model, CancellationToken cancellationToken)
        {
            ImmutableArray<CodeMember> code = this.Library.MembersIn(model, this.Symbols.Scan, cancellationToken);
            return code.IsEmpty
                ? ImmutableArray<StreamizMember>.Empty
                : this.members.GetOrAdd(model.SyntaxTree, static (_, code) => code.Select(m => new StreamizMember(m)).ToImmutableArray(), code);
        }

        /// <summary>The StreamConfig facts of the compilation, computed once.</summary>
        internal StreamConfigFacts Configs(CancellationToken cancellationToken) =>
            this.configs.Get(() => StreamConfigFacts.Compute(this, cancellationToken), cancellationToken);

        /// <summary>
        /// Every operator in the compilation that keeps state or writes to Kafka, with the builders its topology is read
        /// from (empty when unknown); computed once. Only files that can hold Streamiz code are read, as for the rules'
        /// members (<see cref="LibraryContext.MembersIn"/>).
        /// </summary>
        internal ImmutableArray<StatefulUse> StatefulUses(CancellationToken cancellationToken) =>
            this.statefulUses.Get(() => this.FindStatefulUses(cancellationToken), cancellationToken);

        private ImmutableArray<StatefulUse> FindStatefulUses(CancellationToken cancellationToken)
        {
            var uses = ImmutableArray.CreateBuilder<StatefulUse>();
            foreach (string name in StatefulOrSinkNames)
            {
                foreach (BoundCall bound in this.Library.CallsNamed(name, StreamizApi.Words, cancellationToken))
                {
                    IInvocationOperation call = bound.Invocation;
                    if (!this.Symbols.Scan.IsLibraryCall(call.TargetMethod) || this.Symbols.Is(call.TargetMethod.ContainingType, this.Symbols.StreamBuilder)
                        || call.TargetMethod.ContainingType.Name is not ("IKStream" or "IKTable" or "IKGroupedStream" or "ITimeWindowedKStream" or "IKGroupedTable"))
                    {
                        continue;
                    }

                    bool stateful = name is "Process" or "Transform" or "TransformValues"
                        ? this.Evaluator.HasStateStore(call, null, cancellationToken) == true
                        : true;
                    if (!stateful)
                    {
                        continue;
                    }

                    TopologyNode? node = this.Evaluator.EvaluateCall(call, cancellationToken);
                    uses.Add(new StatefulUse(call, node?.Builders ?? ImmutableArray<SyntaxNode>.Empty));
                }
            }

            return uses.ToImmutable();
        }
    }

    /// <summary>An operator that keeps state or writes to Kafka, and the builders of its topology (empty: unknown).</summary>
    internal sealed class StatefulUse
    {
        public StatefulUse(IInvocationOperation call, ImmutableArray<SyntaxNode> builders)
        {
            this.Call = call;
            this.Builders = builders;
        }

        public IInvocationOperation Call { get; }

        public ImmutableArray<SyntaxNode> Builders { get; }
    }
}
