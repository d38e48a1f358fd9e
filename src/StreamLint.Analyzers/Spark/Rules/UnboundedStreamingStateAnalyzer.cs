using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core.Options;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1002: a stateful operator whose state is never evicted — (a) a time-windowed aggregation in Update mode with
    /// no watermark on the window column; (b) a time-windowed aggregation in Complete mode; (c) Distinct/DropDuplicates
    /// whose columns include no watermarked event-time column; (d) an inner stream-stream join without a watermark on
    /// both sides and a time-range condition. Keyed aggregations without a window are reported only when
    /// <c>streamlint.SL1002.flag_unwindowed_aggregations = true</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnboundedStreamingStateAnalyzer : SparkAnalyzer
    {
        /// <summary>Property: the watermarked column the dedup fix adds, or the window column the watermark fix uses.</summary>
        public const string ColumnProperty = "Column";

        /// <summary>Property: which fix applies ("AddDedupColumn" or "AddWatermark").</summary>
        public const string FixProperty = "Fix";

        public UnboundedStreamingStateAnalyzer()
            : base(Descriptors.SL1002_UnboundedStreamingState)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark)
        {
            RegisterStartedQueries(context, spark, (c, query) => AnalyzeAggregations(c, query));
            RegisterSparkCalls(
                context,
                spark,
                invocation => invocation.TargetMethod.Name is "Distinct" or "DropDuplicates" or "Join"
                    && spark.Symbols.Is(invocation.TargetMethod.ContainingType, spark.Symbols.DataFrame),
                (c, invocation) => AnalyzeCall(c, invocation, spark));
        }

        private static void AnalyzeAggregations(MemberContext context, StartedQuery query)
        {
            OutputModeFact mode = query.Facts.OutputMode;
            if (mode is not (OutputModeFact.Update or OutputModeFact.Complete) || query.Plan is not { Kind: Streamingness.Streaming } plan)
            {
                return;
            }

            bool flagUnwindowed = StreamLintOptions.For(context.Options, query.Start.Syntax.SyntaxTree).Get(SparkOptions.FlagUnwindowedAggregations);
            foreach (AggregateNode aggregate in PlanQueries.Nodes(plan).OfType<AggregateNode>())
            {
                if (aggregate.Child.Kind != Streamingness.Streaming || aggregate.Keys.IsEmpty || (!aggregate.IsWindowed && !flagUnwindowed))
                {
                    continue;
                }

                string? reason = null;
                var properties = ImmutableDictionary<string, string?>.Empty;
                var additional = ImmutableArray<Location>.Empty;
                if (mode == OutputModeFact.Complete)
                {
                    reason = "Complete output mode keeps every group's result forever, whatever the watermark";
                }
                else if (WithoutWatermarkedKey(aggregate))
                {
                    string? windowColumn = aggregate.Keys.Select(k => k?.Window).OfType<WindowColumn>().Select(w => (w.TimeColumn as ColumnRef)?.Name).FirstOrDefault();
                    reason = windowColumn is null
                        ? "no grouping key carries a watermark, so no group is ever closed in Update mode"
                        : $"no watermark is set on the window column '{windowColumn}', so no window is ever closed in Update mode";
                    if (windowColumn is not null && aggregate.GroupingCall is { } grouping && context.Contains(grouping))
                    {
                        properties = properties.Add(FixProperty, "AddWatermark").Add(ColumnProperty, windowColumn);
                        additional = ImmutableArray.Create(grouping.GetLocation());
                    }
                }

                if (reason is not null)
                {
                    bool local = context.Contains(aggregate.Syntax);
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL1002_UnboundedStreamingState,
                        OperationFacts.NameLocation(local ? aggregate.Syntax : query.Start.Syntax),
                        local ? additional : ImmutableArray<Location>.Empty,
                        local ? properties : ImmutableDictionary<string, string?>.Empty,
                        Describe.Operator(aggregate),
                        reason));
                }
            }
        }

        private static void AnalyzeCall(MemberContext context, IInvocationOperation invocation, SparkCompilation spark)
        {
            PlanNode? node = spark.Evaluator.EvaluateBoundDataFrame(invocation, context.CancellationToken);
            string? reason = null;
            var properties = ImmutableDictionary<string, string?>.Empty;
            switch (node)
            {
                case DeduplicateNode { Kind: Streamingness.Streaming, Columns: { } columns, Child.Watermarks: { IsCertain: true } watermarks }:
                    if (columns.IsEmpty && watermarks.IsEmpty)
                    {
                        reason = "no column of the stream is watermarked, so every distinct row ever seen is kept";
                    }
                    else if (!columns.IsEmpty && !columns.Any(watermarks.Contains))
                    {
                        reason = watermarks.IsEmpty
                            ? "its columns include no watermarked event-time column, so every key ever seen is kept"
                            : $"its columns include no watermarked event-time column (watermarked: {string.Join(", ", watermarks.Columns!)}), so every key ever seen is kept";
                        if (watermarks.Columns!.Count == 1)
                        {
                            properties = properties.Add(FixProperty, "AddDedupColumn").Add(ColumnProperty, watermarks.Columns.Single());
                        }
                    }

                    break;

                case JoinNode { JoinType: JoinTypes.Inner or JoinTypes.Cross } join when PlanQueries.IsStreamStreamJoin(join):
                    ColumnSet left = join.Left.Watermarks;
                    ColumnSet right = join.Right!.Watermarks;
                    if ((left.IsCertain && left.IsEmpty) || (right.IsCertain && right.IsEmpty))
                    {
                        reason = "both inputs need a watermark (and the condition a time range) for Spark to drop buffered rows that can no longer match";
                    }
                    else if (left.IsCertain && right.IsCertain && join.Condition is { HasRange: false })
                    {
                        reason = "the join condition has no time-range constraint between the two sides, so buffered rows are never too old to match";
                    }

                    break;
            }

            if (reason is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL1002_UnboundedStreamingState,
                    OperationFacts.NameLocation(invocation.Syntax),
                    properties,
                    Describe.Operator(node!),
                    reason));
            }
        }

        private static bool WithoutWatermarkedKey(AggregateNode aggregate)
        {
            ColumnSet watermarks = aggregate.Child.Watermarks;
            return watermarks.IsCertain
                && aggregate.Keys.All(k => k is ColumnRef or AliasColumn or WindowColumn && k.AttributeSource is { } source && !watermarks.Contains(source));
        }
    }
}
