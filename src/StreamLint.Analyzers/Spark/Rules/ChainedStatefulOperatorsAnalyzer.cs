using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1021: a stateful operator (aggregation, deduplication, stream-stream join) downstream of a streaming
    /// aggregation. Spark up to 3.3 rejects it in every output mode; from 3.4 (SPARK-40940) it is allowed in Append
    /// mode and rejected in Update and Complete by the global-watermark correctness check. Reads
    /// <c>streamlint.spark_version</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ChainedStatefulOperatorsAnalyzer : SparkAnalyzer
    {
        public const string MultipleAggregationsMessage = "Multiple streaming aggregations are not supported with streaming DataFrames/Datasets";
        public const string DedupAfterAggregationMessage = "dropDuplicates is not supported after aggregation on a streaming DataFrame/Dataset";
        public const string GlobalWatermarkMessage = "Detected pattern of possible 'correctness' issue due to global watermark. The query contains stateful operation which can emit rows older than the current watermark plus allowed late record delay, which are \"late rows\" in downstream stateful operations and these rows can be discarded. Please refer the programming guide doc for more details. If you understand the possible risk of correctness issue and still need to run the query, you can disable this check by setting the config `spark.sql.streaming.statefulOperator.checkCorrectness.enabled` to false.";


        public ChainedStatefulOperatorsAnalyzer()
            : base(Descriptors.SL1021_ChainedStatefulOperators)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterStartedQueries(context, spark, Analyze);

        private static void Analyze(MemberContext context, StartedQuery query)
        {
            OutputModeFact mode = query.Facts.OutputMode;
            if (query.Plan is not { Kind: Streamingness.Streaming } plan || mode is OutputModeFact.Unknown or OutputModeFact.Invalid)
            {
                return;
            }

            SparkTarget target = SparkTarget.For(context.Options, query.Start.Syntax.SyntaxTree);
            foreach (PlanNode node in PlanQueries.Nodes(plan))
            {
                if (!IsStateful(node) || PlanQueries.StreamingAggregateBelow(node) is not { } upstream
                    || Rejection(node, mode, target) is not { } message)
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL1021_ChainedStatefulOperators,
                    OperationFacts.NameLocation(context.LocalOr(node.Syntax, query.Start.Syntax)),
                    Describe.Operator(node),
                    upstream.Function,
                    !target.ChainedStatefulInAppend ? $"{target.Version} (before 3.4)" : $"{target.Version} in {OutputModes.Display(mode)} mode",
                    message));
            }
        }

        private static bool IsStateful(PlanNode node) =>
            node is AggregateNode { Kind: Streamingness.Streaming } or DeduplicateNode { Kind: Streamingness.Streaming }
            || PlanQueries.IsStreamStreamJoin(node);

        /// <summary>Spark's message for this chain, or null when Spark accepts it (or the model cannot prove it rejects it).</summary>
        private static string? Rejection(PlanNode node, OutputModeFact mode, SparkTarget target)
        {
            if (!target.ChainedStatefulInAppend)
            {
                return node switch
                {
                    AggregateNode => MultipleAggregationsMessage,
                    DeduplicateNode => DedupAfterAggregationMessage,

                    // The global-watermark check throws from 3.1 (3.0 only logged it); a stream-stream join in
                    // Update/Complete is rejected for its own reason (SL1008).
                    _ => mode == OutputModeFact.Append && target.GlobalWatermarkCheckThrows ? GlobalWatermarkMessage : null,
                };
            }

            if (mode == OutputModeFact.Append)
            {
                return null;
            }

            // 3.4+: a deduplication counts as stateful here only when one of its keys is an event-time column.
            return node is DeduplicateNode { Columns: { } columns } dedup
                ? (columns.Any(dedup.Child.Watermarks.ContainsProven) || (columns.IsEmpty && dedup.Child.Watermarks.HasProven) ? GlobalWatermarkMessage : null)
                : node is DeduplicateNode ? null : GlobalWatermarkMessage;
        }
    }
}
