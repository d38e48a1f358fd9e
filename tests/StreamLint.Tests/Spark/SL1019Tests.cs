using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StreamLint.CodeFixes.Spark;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1019 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.LatencyBudgetExceededAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    public class SL1019Tests
    {
        [Fact]
        public Task SilentWithoutBudget() =>
            SL1019.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Format(""console"").Trigger(Trigger.ProcessingTime(""10 minutes"")).Start();"));

        [Fact]
        public Task TriggerAndAppendDelayAboveBudget() =>
            SL1019.VerifyAnalyzerAsync(
                Body(@"        events.WriteStream().Format(""console"").Trigger(Trigger.{|SL1019:ProcessingTime|}(""10 seconds"")).Start();
        events.WriteStream().Format(""console"").Trigger(Trigger.{|SL1019:ProcessingTime|}(5000)).Start();
        events.WriteStream().Format(""console"").Trigger(Trigger.ProcessingTime(""500 milliseconds"")).Start();
        events.WithWatermark(""ts"", ""1 second"").GroupBy(Window(Col(""ts""), ""1 minute"")).{|SL1019:Count|}().WriteStream().Format(""console"").Start();
        events.WithWatermark(""ts"", ""1 second"").GroupBy(Window(Col(""ts""), ""1 minute"")).Count().WriteStream().OutputMode(""update"").Format(""console"").Start();"),
                "streamlint.latency_budget = 2s\n",
                Libraries.Spark);

    }
}
