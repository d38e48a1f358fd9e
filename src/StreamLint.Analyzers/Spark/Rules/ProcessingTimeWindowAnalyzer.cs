using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1003: a time window or watermark on a streaming DataFrame built on processing time — CurrentTimestamp()
    /// (directly or through a column defined from it), the socket source's includeTimestamp column, argument-less
    /// UnixTimestamp(), Expr("current_timestamp()"). A Kafka source's timestamp column is event time and not flagged.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProcessingTimeWindowAnalyzer : SparkAnalyzer
    {
        public ProcessingTimeWindowAnalyzer()
            : base(Descriptors.SL1003_ProcessingTimeWindow)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterSparkCalls(
                context,
                spark,
                invocation => (invocation.TargetMethod.Name is "GroupBy" or "Rollup" or "Cube" or "WithWatermark"
                        && spark.Symbols.Is(invocation.TargetMethod.ContainingType, spark.Symbols.DataFrame))
                    || (invocation.TargetMethod.Name == "Sql" && spark.Symbols.Is(invocation.TargetMethod.ContainingType, spark.Symbols.SparkSession)),
                (c, invocation) => Analyze(c, invocation, spark));

        private static void Analyze(MemberContext context, IInvocationOperation invocation, SparkCompilation spark)
        {
            if (invocation.TargetMethod.Name == "WithWatermark")
            {
                if (spark.Evaluator.EvaluateBoundDataFrame(invocation, context.CancellationToken) is WatermarkNode { Kind: Streamingness.Streaming } watermark
                    && watermark.Child.ProcessingTime.Contains(watermark.Column))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL1003_ProcessingTimeWindow,
                        OperationFacts.NameLocation(invocation.Syntax),
                        "WithWatermark",
                        watermark.Column));
                }

                return;
            }

            if (invocation.TargetMethod.Name == "Sql")
            {
                AnalyzeSql(context, invocation, spark);
                return;
            }

            if (spark.Evaluator.EvaluateBoundGrouped(invocation, context.CancellationToken) is not { Child.Kind: Streamingness.Streaming } grouped)
            {
                return;
            }

            foreach (ColumnExpr? key in grouped.Keys)
            {
                if (key?.Window is { } window && Projection.ReadsProcessingTime(window.TimeColumn, grouped.Child.ProcessingTime) == true)
                {
                    SyntaxNode site = context.LocalOr(window.Syntax, invocation.Syntax);
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL1003_ProcessingTimeWindow,
                        OperationFacts.NameLocation(site),
                        window.IsSession ? "Session_Window(…)" : "Window(…)",
                        Describe.Column(window.TimeColumn)));
                }
            }
        }

        /// <summary>
        /// <c>spark.Sql("… GROUP BY window(col, …)")</c>: the aggregations the query text itself makes (its nodes point at
        /// the Sql call), judged like GroupBy over the view's lineage.
        /// </summary>
        private static void AnalyzeSql(MemberContext context, IInvocationOperation invocation, SparkCompilation spark)
        {
            if (spark.Evaluator.EvaluateBoundDataFrame(invocation, context.CancellationToken) is not { } plan)
            {
                return;
            }

            foreach (AggregateNode aggregate in PlanQueries.Nodes(plan).OfType<AggregateNode>())
            {
                if (!ReferenceEquals(aggregate.Syntax, invocation.Syntax) || aggregate.Child.Kind != Streamingness.Streaming)
                {
                    continue;
                }

                foreach (ColumnExpr? key in aggregate.Keys)
                {
                    if (key?.Window is { } window && Projection.ReadsProcessingTime(window.TimeColumn, aggregate.Child.ProcessingTime) == true)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SL1003_ProcessingTimeWindow,
                            OperationFacts.NameLocation(invocation.Syntax),
                            window.IsSession ? "session_window(…) in SQL text" : "window(…) in SQL text",
                            Describe.Column(window.TimeColumn)));
                    }
                }
            }
        }
    }
}
