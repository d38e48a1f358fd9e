using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1004: a WithWatermark that cannot bound anything — on a proven batch DataFrame (a no-op), after the
    /// aggregation it should bound, or on a column the following time-windowed aggregation does not group on.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IneffectiveWatermarkAnalyzer : SparkAnalyzer
    {
        /// <summary>Property: the column the aggregation windows on (the fix moves the watermark onto it).</summary>
        public const string GroupedColumnProperty = "GroupedColumn";

        public IneffectiveWatermarkAnalyzer()
            : base(Descriptors.SL1004_IneffectiveWatermark)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterSparkCalls(
                context,
                spark,
                invocation => (invocation.TargetMethod.Name == "WithWatermark" && spark.Symbols.Is(invocation.TargetMethod.ContainingType, spark.Symbols.DataFrame))
                    || (SparkApi.Aggregations.Contains(invocation.TargetMethod.Name) && spark.Symbols.Is(invocation.TargetMethod.ContainingType, spark.Symbols.RelationalGroupedDataset)),
                (c, invocation) =>
                {
                    if (invocation.TargetMethod.Name == "WithWatermark")
                    {
                        AnalyzeWatermark(c, invocation, spark);
                    }
                    else
                    {
                        AnalyzeAggregation(c, invocation, spark);
                    }
                });

        private static void AnalyzeWatermark(MemberContext context, IInvocationOperation invocation, SparkCompilation spark)
        {
            if (spark.Evaluator.EvaluateBoundDataFrame(invocation, context.CancellationToken) is not WatermarkNode watermark)
            {
                return;
            }

            string? reason = null;
            if (watermark.Child.Kind == Streamingness.Batch)
            {
                reason = "the DataFrame is a batch DataFrame, where Spark ignores watermarks";
            }
            else if (watermark.Child.Kind == Streamingness.Streaming
                && PlanQueries.TopmostAggregates(watermark.Child) is { IsDefaultOrEmpty: false } aggregates
                && aggregates.All(a => a.Kind == Streamingness.Streaming && a.Child.Watermarks is { IsCertain: true, IsEmpty: true }))
            {
                reason = $"it is set after the aggregation '{aggregates[0].Function}', whose state it was meant to bound; call it before GroupBy, on the event-time column";
            }

            if (reason is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL1004_IneffectiveWatermark, OperationFacts.NameLocation(invocation.Syntax), watermark.Column, reason));
            }
        }

        /// <summary>A windowed aggregation whose window column is not the one watermarked on its (unary) lineage.</summary>
        private static void AnalyzeAggregation(MemberContext context, IInvocationOperation invocation, SparkCompilation spark)
        {
            if (spark.Evaluator.EvaluateBoundDataFrame(invocation, context.CancellationToken) is not AggregateNode { Kind: Streamingness.Streaming } aggregate
                || aggregate.Keys.Select(k => k?.Window).OfType<WindowColumn>().Select(w => w.TimeColumn).FirstOrDefault() is not ColumnRef { Name: var windowColumn }
                || aggregate.Child.Watermarks is not { IsCertain: true } watermarks
                || watermarks.Contains(windowColumn)
                || aggregate.Keys.Any(k => k?.AttributeSource is { } source && watermarks.Contains(source)))
            {
                return;
            }

            for (PlanNode? node = aggregate.Child; node is not null; node = node.Child)
            {
                if (node is WatermarkNode watermark && !string.Equals(watermark.Column, windowColumn, System.StringComparison.OrdinalIgnoreCase)
                    && context.Contains(watermark.Syntax))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL1004_IneffectiveWatermark,
                        OperationFacts.NameLocation(watermark.Syntax),
                        ImmutableDictionary<string, string?>.Empty.Add(GroupedColumnProperty, windowColumn),
                        watermark.Column,
                        $"the aggregation '{aggregate.Function}' windows on '{windowColumn}', not on '{watermark.Column}', so its state is never evicted"));
                    return;
                }

                if (node is AggregateNode)
                {
                    return;
                }
            }
        }
    }
}
