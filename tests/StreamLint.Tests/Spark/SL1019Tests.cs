using System.Linq;
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

        private const string SlowTrigger = @"        events.WriteStream().Format(""console"").Trigger(Trigger.ProcessingTime(""10 minutes"")).Start();";

        /// <summary>The option is the opt-in: the descriptor ships enabled, and the same query is silent without a budget…</summary>
        [Fact]
        public async Task OptIn_NoBudget_Silent()
        {
            Assert.True(Repository.Descriptors.Single(d => d.Id == "SL1019").IsEnabledByDefault);
            await SL1019.VerifyAnalyzerAsync(Body(SlowTrigger), string.Empty, Libraries.Spark);
        }

        /// <summary>…and reported, at Warning, once <c>streamlint.latency_budget</c> is set.</summary>
        [Fact]
        public Task OptIn_Budget_ReportedAtWarning() =>
            SL1019.VerifyAnalyzerAsync(
                Body(SlowTrigger.Replace("Trigger.ProcessingTime", "Trigger.{|#0:ProcessingTime|}")),
                "streamlint.latency_budget = 1m\n",
                Libraries.Spark,
                new DiagnosticResult("SL1019", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Trigger interval \"10 minutes\"", "1m"));
    }
}
