using System.Threading.Tasks;
using StreamLint.Tests.Infrastructure;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1019 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.LatencyBudgetExceededAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1019.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about. The budget is 1s unless a test says otherwise.
    /// </summary>
    public class SL1019SilentWhenTests
    {
        private const string Budget = "streamlint.latency_budget = 1s\n";

        private static Task VerifyAsync(string body, string editorConfig = Budget) =>
            SL1019.VerifyAnalyzerAsync(Body(body), editorConfig, Libraries.Spark);

        // streamlint.latency_budget is not set for the file, or its value does not parse.
        [Theory]
        [InlineData("")]
        [InlineData("streamlint.latency_budget = fast\n")]
        [InlineData("streamlint.latency_budget = 0s\n")]
        public Task BudgetNotSetOrNotParsing_Silent(string editorConfig) =>
            VerifyAsync(@"        events.WriteStream().Format(""console"").Trigger(Trigger.ProcessingTime(""10 seconds"")).Start();", editorConfig);

        [Fact]
        public Task BudgetNotSetOrNotParsing_Twin_ValidBudgetReported() =>
            VerifyAsync(@"        events.WriteStream().Format(""console"").Trigger(Trigger.{|SL1019:ProcessingTime|}(""10 seconds"")).Start();");

        // The trigger is the default (none set), Trigger.Once() or Trigger.Continuous(…).
        [Theory]
        [InlineData(@"events.WriteStream().Format(""console"").Start();")]
        [InlineData(@"events.WriteStream().Format(""console"").Trigger(Trigger.Once()).Start();")]
        [InlineData(@"events.WriteStream().Format(""console"").Trigger(Trigger.Continuous(""10 seconds"")).Start();")]
        public Task DefaultOnceOrContinuousTrigger_Silent(string statement) => VerifyAsync("        " + statement);

        [Fact]
        public Task DefaultOnceOrContinuousTrigger_Twin_ProcessingTimeReported() =>
            VerifyAsync(@"        events.WriteStream().Format(""console"").Trigger(Trigger.{|SL1019:ProcessingTime|}(""10 seconds"")).Start();");

        // The interval, window length or watermark delay is not a constant.
        [Fact]
        public Task IntervalNotConstant_Silent() =>
            VerifyAsync(@"        string interval = flag ? ""10 seconds"" : ""20 seconds"";
        events.WriteStream().Format(""console"").Trigger(Trigger.ProcessingTime(interval)).Start();");

        [Fact]
        public Task IntervalNotConstant_Twin_ConstantReported() =>
            VerifyAsync(@"        const string interval = ""10 seconds"";
        events.WriteStream().Format(""console"").Trigger(Trigger.{|SL1019:ProcessingTime|}(interval)).Start();");

        [Fact]
        public Task WatermarkDelayNotConstant_Silent() =>
            VerifyAsync(@"        string delay = flag ? ""1 minute"" : ""2 minutes"";
        events.WithWatermark(""ts"", delay).GroupBy(Window(Col(""ts""), ""1 minute"")).Count().WriteStream().Format(""console"").Start();");

        [Fact]
        public Task WatermarkDelayNotConstant_Twin_ConstantReported() =>
            VerifyAsync(@"        const string delay = ""1 minute"";
        events.WithWatermark(""ts"", delay).GroupBy(Window(Col(""ts""), ""1 minute"")).{|SL1019:Count|}().WriteStream().Format(""console"").Start();");

        // The aggregation runs in Update or Complete mode (only the trigger is checked then).
        [Theory]
        [InlineData("update")]
        [InlineData("complete")]
        public Task AggregationInUpdateOrCompleteMode_Silent(string mode) =>
            VerifyAsync(@"        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute"")).Count().WriteStream().OutputMode(""" + mode + @""").Format(""console"").Start();");

        [Fact]
        public Task AggregationInUpdateOrCompleteMode_Twin_AppendReported() =>
            VerifyAsync(@"        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute"")).{|SL1019:Count|}().WriteStream().OutputMode(""append"").Format(""console"").Start();");

        // The window's column has no watermark upstream, or the watermark is on another column.
        [Fact]
        public Task WatermarkOnAnotherColumn_Silent() =>
            VerifyAsync(@"        events.WithWatermark(""other"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute"")).Count().WriteStream().Format(""console"").Start();");

        [Fact]
        public Task WatermarkOnAnotherColumn_Twin_SameColumnReported() =>
            VerifyAsync(@"        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute"")).{|SL1019:Count|}().WriteStream().Format(""console"").Start();");

        // The aggregation's DataFrame cannot be traced to ReadStream() (a parameter nobody in the project passes).
        [Fact]
        public Task OriginUnknown_Silent() =>
            VerifyAsync(@"        given.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute"")).Count().WriteStream().Format(""console"").Start();");

        [Fact]
        public Task OriginUnknown_Twin_StreamReported() =>
            VerifyAsync(@"        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute"")).{|SL1019:Count|}().WriteStream().Format(""console"").Start();");
    }
}
