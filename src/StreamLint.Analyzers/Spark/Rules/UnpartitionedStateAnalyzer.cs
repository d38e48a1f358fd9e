using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1018: state that cannot be spread over executors — Repartition(1)/Coalesce(1) in a streaming query; a
    /// streaming aggregation keyed by nothing but a time window (or by nothing); and, as information, a stateful
    /// query while spark.sql.shuffle.partitions is set nowhere in the compilation (its default is frozen into the
    /// checkpoint on the first run).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnpartitionedStateAnalyzer : SparkAnalyzer
    {
        public const string ShufflePartitionsConfKey = "spark.sql.shuffle.partitions";

        /// <summary>Property present on the Repartition(1)/Coalesce(1) diagnostic: the fix removes that call.</summary>
        public const string RemoveCallProperty = "RemoveCall";

        public UnpartitionedStateAnalyzer()
            : base(Descriptors.SL1018_UnpartitionedState)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterStartedQueries(context, spark, (c, query) => Analyze(c, query, spark));

        private static void Analyze(MemberContext context, StartedQuery query, SparkCompilation spark)
        {
            if (query.Plan is not { Kind: Streamingness.Streaming } plan)
            {
                return;
            }

            bool stateful = false;
            foreach (PlanNode node in PlanQueries.Nodes(plan))
            {
                switch (node)
                {
                    case UnaryNode { Operator: "Repartition" or "Coalesce", Partitions: 1, Kind: Streamingness.Streaming } single when context.Contains(single.Syntax):
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SL1018_UnpartitionedState,
                            OperationFacts.NameLocation(single.Syntax),
                            System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(RemoveCallProperty, "true"),
                            $"{single.Operator}(1) in a streaming query funnels every row of each micro-batch through a single partition, one task on one executor core, before it reaches the sink"));
                        break;
                    case AggregateNode { Kind: Streamingness.Streaming } aggregate:
                        stateful = true;
                        if (aggregate.Keys.All(k => k?.Window is not null))
                        {
                            Report(context, query, aggregate, aggregate.Keys.IsEmpty
                                ? $"Streaming aggregation '{aggregate.Function}' has no grouping key: all of its state lives in a single partition"
                                : $"Streaming aggregation '{aggregate.Function}' is keyed only by a time window: each window's state lives in a single partition");
                        }

                        break;
                    case DeduplicateNode { Kind: Streamingness.Streaming }:
                        stateful = true;
                        break;
                    case JoinNode join when PlanQueries.IsStreamStreamJoin(join):
                        stateful = true;
                        break;
                }
            }

            if (stateful && !ThrowAwayCheckpoint(query, spark, context) && !spark.MentionsConfKey(ShufflePartitionsConfKey, context.CancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL1018_UnpartitionedState,
                    OperationFacts.NameLocation(query.Start.Syntax),
                    DiagnosticSeverity.Info,
                    additionalLocations: null,
                    properties: null,
                    "Stateful streaming query started while spark.sql.shuffle.partitions is set nowhere in the project: the number of state partitions (default 200) is frozen into the checkpoint on the first run and cannot be changed later"));
            }
        }

        /// <summary>
        /// A console, memory or noop query without a checkpointLocation (option or conf): Spark gives it a temporary
        /// checkpoint, so nothing is frozen for a later run.
        /// </summary>
        private static bool ThrowAwayCheckpoint(StartedQuery query, SparkCompilation spark, MemberContext context) =>
            !query.IsToTable && query.Facts.FormatKnown && query.Facts.Sink is { } sink && SparkApi.ThrowAwayCheckpointSinks.Contains(sink)
            && !query.Facts.MayHaveOption(SparkApi.CheckpointOption)
            && !spark.MentionsConfKey(SparkApi.CheckpointConfKey, context.CancellationToken);

        private static void Report(MemberContext context, StartedQuery query, PlanNode node, string message) =>
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SL1018_UnpartitionedState,
                OperationFacts.NameLocation(context.LocalOr(node.Syntax, query.Start.Syntax)),
                message));
    }
}
