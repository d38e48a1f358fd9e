using System.Threading.Tasks;
using StreamLint.CodeFixes.Spark;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.IneffectiveWatermarkAnalyzer,
    StreamLint.CodeFixes.Spark.IneffectiveWatermarkCodeFix>;

namespace StreamLint.Tests.Spark
{
    public class SL1004Tests
    {
        [Fact]
        public Task WatermarkOnBatch_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        dim.{|#0:WithWatermark|}(""ts"", ""1 minute"");"),
                Verify.Diagnostic("SL1004").WithLocation(0).WithArguments("ts", "the DataFrame is a batch DataFrame, where Spark ignores watermarks"));

        [Fact]
        public Task WatermarkAfterAggregation_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.GroupBy(""ts"").Count().{|SL1004:WithWatermark|}(""ts"", ""1 minute"");
        var counts = events.GroupBy(Window(Col(""ts""), ""1 minute"")).Count();
        counts.{|SL1004:WithWatermark|}(""window"", ""1 minute"");"));

        [Fact]
        public Task WatermarkOnOtherColumnThanWindow_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.{|SL1004:WithWatermark|}(""ingestTime"", ""1 minute"").GroupBy(Window(Col(""eventTime""), ""5 minutes"")).Count();"));

        [Fact]
        public Task CorrectWatermarks_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""5 minutes"")).Count();
        events.WithWatermark(""TS"", ""1 minute"").GroupBy(Window(Col(""ts""), ""5 minutes"")).Count();
        events.WithWatermark(""ts"", ""1 minute"").WithColumnRenamed(""ts"", ""eventTime"").GroupBy(Window(Col(""eventTime""), ""5 minutes"")).Count();
        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Col(""page"")).Count();
        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute"")).Count().WithWatermark(""window"", ""1 minute"");
        given.WithWatermark(""ts"", ""1 minute"");
        events.WithWatermark(""a"", ""1 minute"").WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""5 minutes"")).Count();"));

        [Fact]
        public Task Fix_MovesWatermarkOntoWindowColumn() =>
            Verify.VerifyCodeFixAsync(
                Body(@"        events.{|SL1004:WithWatermark|}(""ingestTime"", ""1 minute"").GroupBy(Window(Col(""eventTime""), ""5 minutes"")).Count();"),
                Body(@"        events.WithWatermark(""eventTime"", ""1 minute"").GroupBy(Window(Col(""eventTime""), ""5 minutes"")).Count();"),
                IneffectiveWatermarkCodeFix.UseGroupedColumnKey);
    }
}
