using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core.Options;
using StreamLint.Spark.Durations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1019 (opt-in with <c>streamlint.latency_budget</c>): a trigger interval above the budget, or an Append-mode
    /// windowed aggregation whose window length plus watermark delay (the earliest a window's result is written)
    /// is above it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LatencyBudgetExceededAnalyzer : SparkAnalyzer
    {
        public LatencyBudgetExceededAnalyzer()
            : base(Descriptors.SL1019_LatencyBudgetExceeded)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterStartedQueries(context, spark, Analyze);

        private static void Analyze(MemberContext context, StartedQuery query)
        {
            StreamLintOptions options = StreamLintOptions.For(context.Options, query.Start.Syntax.SyntaxTree);
            if (options.Get(SparkOptions.LatencyBudget) is not { } budget)
            {
                return;
            }

            // The trigger interval: the last Trigger(ProcessingTime(…)) call wins.
            if (query.Writer.Calls.Where(c => c.TargetMethod.Name == "Trigger").Select(c => OperationFacts.Argument(c, 0)).LastOrDefault()
                    is IInvocationOperation { TargetMethod.Name: "ProcessingTime" } trigger
                && IntervalMicros(OperationFacts.Argument(trigger, 0), options) is { } interval && interval > budget)
            {
                Report(context, query, trigger.Syntax, $"Trigger interval {OperationFacts.Argument(trigger, 0)!.Syntax}", options);
            }

            if (query.Facts.OutputMode != OutputModeFact.Append || query.Plan is not { Kind: Streamingness.Streaming } plan)
            {
                return;
            }

            foreach (AggregateNode aggregate in PlanQueries.TopmostAggregates(plan).IsDefault ? Enumerable.Empty<AggregateNode>() : PlanQueries.TopmostAggregates(plan))
            {
                if (aggregate.Keys.Select(k => k?.Window).OfType<WindowColumn>().FirstOrDefault() is not { TimeColumn: ColumnRef { Name: var column }, WindowDuration: { } window }
                    || Parse(window, options) is not { } windowMicros
                    || Watermark(aggregate, column) is not { Delay: { } delay }
                    || Parse(delay, options) is not { } delayMicros
                    || windowMicros + delayMicros <= budget)
                {
                    continue;
                }

                Report(context, query, aggregate.Syntax, $"In Append mode, the window of {window} plus the watermark delay of {delay} (the earliest a window's result is written)", options);
            }
        }

        private static WatermarkNode? Watermark(AggregateNode aggregate, string column)
        {
            for (PlanNode? node = aggregate.Child; node is not null; node = node.Child)
            {
                if (node is WatermarkNode watermark && string.Equals(watermark.Column, column, System.StringComparison.OrdinalIgnoreCase))
                {
                    return watermark;
                }
            }

            return null;
        }

        private static long? IntervalMicros(IOperation? argument, StreamLintOptions options) =>
            argument?.ConstantValue switch
            {
                { HasValue: true, Value: long milliseconds } => milliseconds * 1000,
                { HasValue: true, Value: int milliseconds } => milliseconds * 1000L,
                { HasValue: true, Value: string text } => Parse(text, options),
                _ => null,
            };

        private static long? Parse(string text, StreamLintOptions options) =>
            SparkInterval.Parse(text, options.Get(SparkOptions.SparkVersion), out _, out _) is { Months: 0 } interval ? interval.TotalMicros : null;

        private static void Report(MemberContext context, StartedQuery query, SyntaxNode site, string what, StreamLintOptions options) =>
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SL1019_LatencyBudgetExceeded,
                OperationFacts.NameLocation(context.LocalOr(site, query.Start.Syntax)),
                what,
                options.Text(SparkOptions.LatencyBudget)));
    }
}
