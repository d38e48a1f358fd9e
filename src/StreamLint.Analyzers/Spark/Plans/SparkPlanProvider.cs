using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Core.Plans;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Plans
{
    /// <summary>
    /// The Spark family's plans: one report per started query, read from the same model the rules use
    /// (<see cref="SparkCompilation.MembersIn"/>, <see cref="SparkMember.Queries"/>, <see cref="PlanNode"/>,
    /// <see cref="BuilderFacts"/>, <see cref="ForeachBatchFunction"/>). What the model does not know stays unknown.
    /// </summary>
    public sealed class SparkPlanProvider : IPlanProvider
    {
        private static readonly ImmutableHashSet<string> FileSinks =
            ImmutableHashSet.Create(System.StringComparer.OrdinalIgnoreCase, "parquet", "json", "csv", "orc", "text", "delta", "avro");

        public IEnumerable<PlanReport> Plans(Compilation compilation, CancellationToken cancellationToken)
        {
            if (SparkCompilation.For(compilation) is not { } spark)
            {
                yield break;
            }

            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                SemanticModel model = spark.Library.ModelFor(tree);
                foreach (SparkMember member in spark.MembersIn(model, cancellationToken))
                {
                    ImmutableArray<StartedQuery> queries = member.Queries(spark, cancellationToken);
                    for (int i = 0; i < queries.Length; i++)
                    {
                        yield return Report(queries[i], i + 1, queries.Length, member, spark, cancellationToken);
                    }
                }
            }
        }

        private static PlanReport Report(StartedQuery query, int index, int count, SparkMember member, SparkCompilation spark, CancellationToken cancellationToken)
        {
            BuilderFacts facts = query.Facts;
            PlanNode? plan = query.Plan;
            var nodes = plan is null ? new List<PlanNode>() : PlanQueries.Nodes(plan).Reverse().ToList();

            var watermarks = nodes.OfType<WatermarkNode>().ToList();
            string? eventTime = watermarks.Count > 0
                ? string.Join(", ", watermarks.Select(w => w.Column).Distinct())
                : nodes.OfType<AggregateNode>().SelectMany(a => a.Keys.OfType<WindowColumn>()).Select(w => (w.TimeColumn as ColumnRef)?.Name).FirstOrDefault(n => n is not null);
            string? watermark = watermarks.Count > 0 ? string.Join(", ", watermarks.Select(w => w.Delay ?? "unknown delay").Distinct()) : null;

            string? checkpoint = Checkpoint(facts, spark, cancellationToken);
            string? sinkFormat = SinkFormat(query, spark, cancellationToken);
            string? target = query.IsToTable || facts.Sink is not ("foreachBatch" or "foreach")
                ? OperationFacts.ConstantString(OperationFacts.Argument(query.Start, 0)) ?? (facts.Options.TryGetValue("path", out IOperation? path) ? OperationFacts.ConstantString(path) : null)
                : null;
            if (sinkFormat == "kafka" && facts.Options.TryGetValue("topic", out IOperation? topic))
            {
                target = "topic " + (OperationFacts.ConstantString(topic) ?? "?");
            }

            SyntaxNode start = query.Start.Syntax;
            string owner = member.Code.Owner is { } symbol && !symbol.Name.StartsWith("<", System.StringComparison.Ordinal)
                ? (symbol.ContainingType is { } type ? type.Name + "." : string.Empty) + symbol.Name
                : "top-level statements";
            string name = facts.QueryName ?? (count > 1 ? $"{owner} query {index}" : $"{owner} query");

            var extent = new List<PlanLocation> { LocationOf(start) };
            extent.AddRange(nodes.Select(n => LocationOf(n.Syntax)));
            if (facts.ForeachBatchCall is { } foreachBatch)
            {
                extent.Add(LocationOf(foreachBatch.Syntax));
            }

            return new PlanReport(
                "spark",
                PlanKinds.Query,
                name,
                LocationOf(OperationFacts.NameLocation(start)),
                plan is null ? new[] { new PlanSource(null, null, null, null) } : nodes.OfType<SourceNode>().Select(s => Source(s, spark)).Concat(nodes.OfType<ParameterNode>().Select(_ => new PlanSource(null, null, null, null))).ToList(),
                Steps(nodes),
                eventTime,
                watermark,
                facts.OutputMode is OutputModeFact.Unknown or OutputModeFact.Invalid ? null : OutputModes.Display(facts.OutputMode),
                Trigger(query),
                new PlanSink(sinkFormat, target),
                checkpoint,
                Guarantee(query, sinkFormat, checkpoint, spark, cancellationToken),
                extent);
        }

        private static PlanLocation LocationOf(SyntaxNode node) => LocationOf(node.GetLocation());

        private static PlanLocation LocationOf(Location location)
        {
            FileLinePositionSpan span = location.GetLineSpan();
            return new PlanLocation(span.Path ?? string.Empty, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, location.SourceSpan.Start, location.SourceSpan.Length);
        }

        private static string? SinkFormat(StartedQuery query, SparkCompilation spark, CancellationToken cancellationToken)
        {
            if (query.IsToTable)
            {
                return "table";
            }

            if (!query.Facts.FormatKnown)
            {
                return null;
            }

            return query.Facts.Sink ?? (spark.MentionsConfKey("spark.sql.sources.default", cancellationToken) ? null : "parquet");
        }

        private static string Checkpoint(BuilderFacts facts, SparkCompilation spark, CancellationToken cancellationToken)
        {
            if (facts.Options.TryGetValue(SparkApi.CheckpointOption, out IOperation? value))
            {
                return OperationFacts.ConstantString(value) ?? "set (path not constant)";
            }

            if (spark.MentionsConfKey(SparkApi.CheckpointConfKey, cancellationToken))
            {
                return "session default (" + SparkApi.CheckpointConfKey + ")";
            }

            return facts.OptionsComplete ? "none" : "unknown";
        }

        private static string? Trigger(StartedQuery query)
        {
            if (query.Writer.Calls.LastOrDefault(c => c.TargetMethod.Name == "Trigger") is not { } trigger)
            {
                return query.Writer.Complete ? "default (micro-batch as soon as possible)" : null;
            }

            if (OperationFacts.Argument(trigger, 0) is not IInvocationOperation kind)
            {
                return null;
            }

            return OperationFacts.ConstantString(OperationFacts.Argument(kind, 0)) is { } interval ? $"{kind.TargetMethod.Name}({interval})" : kind.TargetMethod.Name;
        }

        private static PlanSource Source(SourceNode source, SparkCompilation spark)
        {
            bool? streaming = source.Kind switch
            {
                Streamingness.Streaming => true,
                Streamingness.Batch => false,
                _ => null,
            };
            string? path = null;
            if (source.Syntax.SyntaxTree is { } tree
                && spark.Library.ModelFor(tree).GetOperation(source.Syntax) is IInvocationOperation call)
            {
                path = OperationFacts.ConstantString(OperationFacts.Argument(call, 0));
                if (call.TargetMethod.Name == "Table")
                {
                    return new PlanSource("table", null, path, streaming);
                }
            }

            if (source.Reader is not { } reader || !reader.Facts.FormatKnown)
            {
                return new PlanSource(null, null, path, streaming);
            }

            BuilderFacts facts = reader.Facts;
            string? topic = null;
            foreach (string key in new[] { "subscribe", "subscribePattern", "assign" })
            {
                if (facts.Options.TryGetValue(key, out IOperation? value))
                {
                    topic = OperationFacts.ConstantString(value) ?? "?";
                    break;
                }
            }

            if (path is null && facts.Options.TryGetValue("path", out IOperation? option))
            {
                path = OperationFacts.ConstantString(option);
            }

            return new PlanSource(facts.Format ?? "parquet", topic, path, streaming);
        }

        private static List<PlanStep> Steps(List<PlanNode> nodes)
        {
            var steps = new List<PlanStep>();
            int projections = 0, filters = 0;
            void Flush()
            {
                if (projections + filters == 0)
                {
                    return;
                }

                var parts = new List<string>();
                if (projections > 0)
                {
                    parts.Add(projections == 1 ? "1 projection" : $"{projections} projections");
                }

                if (filters > 0)
                {
                    parts.Add(filters == 1 ? "1 filter" : $"{filters} filters");
                }

                steps.Add(new PlanStep(PlanStepKinds.Transform, string.Join(", ", parts)));
                projections = filters = 0;
            }

            foreach (PlanNode node in nodes)
            {
                switch (node)
                {
                    case SourceNode or ParameterNode:
                        continue;
                    case UnaryNode { Projection: not null }:
                        projections++;
                        continue;
                    case UnaryNode { Operator: "Filter" or "Where" }:
                        filters++;
                        continue;
                }

                Flush();
                steps.Add(Step(node));
            }

            Flush();
            return steps;
        }

        private static PlanStep Step(PlanNode node)
        {
            bool streaming = node is CombineNode combine
                ? combine.Left.Kind == Streamingness.Streaming && combine.Right?.Kind == Streamingness.Streaming
                : node.Child?.Kind == Streamingness.Streaming;
            switch (node)
            {
                case WatermarkNode watermark:
                    return new PlanStep(PlanStepKinds.Watermark, $"watermark {watermark.Column} {watermark.Delay ?? "(delay unknown)"}");
                case AggregateNode aggregate:
                    string text = aggregate.Keys.IsEmpty
                        ? $"global aggregation ({aggregate.Function})"
                        : $"aggregation ({aggregate.Function}) by {string.Join(", ", aggregate.Keys.Select(Column))}";
                    return streaming ? new PlanStep(PlanStepKinds.Aggregate, text, true, AggregateBound(aggregate)) : new PlanStep(PlanStepKinds.Aggregate, text);
                case DeduplicateNode dedup:
                    string dedupText = dedup.Operator + (dedup.Columns is { } columns ? (columns.IsEmpty ? " (all columns)" : " by " + string.Join(", ", columns)) : string.Empty);
                    return streaming ? new PlanStep(PlanStepKinds.Deduplicate, dedupText, true, DeduplicateBound(dedup)) : new PlanStep(PlanStepKinds.Deduplicate, dedupText);
                case JoinNode join:
                    string joinText = $"{join.JoinType ?? "unknown"} join" + (join.Condition is { } condition ? " on " + string.Join(", ", condition.KeyColumns) + (condition.HasRange ? " with a time range" : string.Empty) : string.Empty);
                    return streaming ? new PlanStep(PlanStepKinds.Join, "stream-stream " + joinText, true, JoinBound(join)) : new PlanStep(PlanStepKinds.Join, joinText);
                case CombineNode other:
                    return new PlanStep(PlanStepKinds.Union, other.Operator);
                case UnaryNode unary:
                    return new PlanStep(PlanStepKinds.Other, unary.Operator + (unary.Partitions is { } partitions ? $"({partitions})" : string.Empty));
                case OpaqueNode opaque:
                    return new PlanStep(PlanStepKinds.Other, opaque.Operator + " (not interpreted)");
                case MergeNode merge:
                    return new PlanStep(PlanStepKinds.Other, $"one of {merge.Alternatives.Length} plans (branches)");
                default:
                    return new PlanStep(PlanStepKinds.Other, node.GetType().Name);
            }
        }

        /// <summary>What evicts an aggregation's state: a watermark on a grouping key (the fact SL1001/SL1002 read).</summary>
        private static string AggregateBound(AggregateNode aggregate)
        {
            ColumnSet watermarks = aggregate.Child.Watermarks;
            if (!watermarks.IsCertain)
            {
                return "unknown";
            }

            if (aggregate.Keys.IsEmpty)
            {
                return "unbounded: a global aggregation keeps one running result (small, but never evicted)";
            }

            string? delay = Delay(aggregate.Child, watermarks);
            foreach (ColumnExpr? key in aggregate.Keys)
            {
                if (key?.AttributeSource is { } source && watermarks.Contains(source))
                {
                    return key is WindowColumn window
                        ? $"watermark {delay ?? "?"} + window {window.WindowDuration ?? "?"}"
                        : $"watermark {delay ?? "?"}";
                }
            }

            return aggregate.Keys.Any(k => k is null or ComputedColumn) ? "unknown" : "unbounded: no watermark on a grouping key";
        }

        private static string DeduplicateBound(DeduplicateNode dedup)
        {
            ColumnSet watermarks = dedup.Child.Watermarks;
            if (!watermarks.IsCertain || dedup.Columns is null)
            {
                return "unknown";
            }

            IEnumerable<string> columns = dedup.Columns.Value.IsEmpty ? watermarks.Columns! : dedup.Columns.Value;
            return columns.Any(watermarks.Contains)
                ? $"watermark {Delay(dedup.Child, watermarks) ?? "?"}"
                : "unbounded: no watermarked event-time column among the deduplication columns";
        }

        private static string JoinBound(JoinNode join)
        {
            if (join.Condition is not { } condition || !join.Left.Watermarks.IsCertain || join.Right is not { Watermarks.IsCertain: true } right)
            {
                return "unknown";
            }

            if (join.Left.Watermarks.IsEmpty || right.Watermarks.IsEmpty)
            {
                return "unbounded: a watermark is missing on one side";
            }

            return condition.HasRange
                ? $"watermarks {Delay(join.Left, join.Left.Watermarks) ?? "?"} / {Delay(right, right.Watermarks) ?? "?"} + time-range condition"
                : "unbounded: no time-range condition between the sides";
        }

        /// <summary>The delay of the nearest watermark below <paramref name="node"/> on one of <paramref name="columns"/>.</summary>
        private static string? Delay(PlanNode node, ColumnSet columns) =>
            PlanQueries.Nodes(node).OfType<WatermarkNode>().FirstOrDefault(w => columns.Contains(w.Column))?.Delay;

        private static string Column(ColumnExpr? column) => column switch
        {
            null => "?",
            ColumnRef reference => reference.Name,
            AliasColumn alias => Column(alias.Inner),
            WindowColumn window => $"window({Column(window.TimeColumn)}, {window.WindowDuration ?? "?"})",
            ComputedColumn computed => computed.Function + "(…)",
            _ => "?",
        };

        private static PlanGuarantee Guarantee(StartedQuery query, string? sink, string checkpoint, SparkCompilation spark, CancellationToken cancellationToken)
        {
            if (sink is null)
            {
                return new PlanGuarantee(GuaranteeLevel.Unknown, "the sink's format cannot be read from the code");
            }

            if (SparkApi.ThrowAwayCheckpointSinks.Contains(sink))
            {
                return new PlanGuarantee(GuaranteeLevel.NotApplicable, $"{sink} is a debug sink");
            }

            if (checkpoint == "unknown")
            {
                return new PlanGuarantee(GuaranteeLevel.Unknown, "whether a checkpoint is set cannot be read from the code");
            }

            if (checkpoint == "none")
            {
                return sink is "foreach" or "foreachBatch"
                    ? new PlanGuarantee(GuaranteeLevel.None, "no checkpoint: a restart begins again from startingOffsets and loses progress and state (records skipped or written twice)")
                    : new PlanGuarantee(GuaranteeLevel.None, "no checkpoint: Spark refuses to start this sink without one");
            }

            if (sink == "table" || FileSinks.Contains(sink))
            {
                return new PlanGuarantee(GuaranteeLevel.ExactlyOnce, $"{(sink == "table" ? "table" : sink + " file")} sink with a checkpoint: each batch is committed once in the sink's log");
            }

            switch (sink)
            {
                case "kafka":
                    return new PlanGuarantee(GuaranteeLevel.AtLeastOnce, "Spark's Kafka sink may write a batch again after a failure");
                case "foreach":
                    return new PlanGuarantee(GuaranteeLevel.AtLeastOnce, "foreach: a batch may be processed again after a failure");
                case "foreachBatch":
                    if (query.Facts.ForeachBatchCall is not { } call || ForeachBatchFunction.TryCreate(call, spark, cancellationToken) is not { } function)
                    {
                        return new PlanGuarantee(GuaranteeLevel.Unknown, "the ForeachBatch function cannot be followed");
                    }

                    if (function.UsesBatchId(spark, cancellationToken))
                    {
                        return new PlanGuarantee(GuaranteeLevel.ExactlyOnce, "ForeachBatch keys its writes by batchId");
                    }

                    if (function.AppendingWrite(spark, cancellationToken) is not null)
                    {
                        return new PlanGuarantee(GuaranteeLevel.AtLeastOnce, "ForeachBatch appends without batchId: a replayed batch is written twice");
                    }

                    return function.WritesOnlyIdempotently(spark, cancellationToken)
                        ? new PlanGuarantee(GuaranteeLevel.ExactlyOnce, "ForeachBatch writes idempotently (overwrite, MERGE or txnVersion)")
                        : new PlanGuarantee(GuaranteeLevel.Unknown, "the ForeachBatch function's writes cannot be read");
                default:
                    return new PlanGuarantee(GuaranteeLevel.Unknown, $"no delivery guarantee is known for the {sink} sink");
            }
        }
    }
}
