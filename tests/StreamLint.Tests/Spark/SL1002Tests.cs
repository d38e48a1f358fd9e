using System.Threading.Tasks;
using StreamLint.CodeFixes.Spark;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.UnboundedStreamingStateAnalyzer,
    StreamLint.CodeFixes.Spark.UnboundedStreamingStateCodeFix>;

using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    public class SL1002Tests
    {
        [Fact]
        public Task WindowedAggregation_UpdateWithoutWatermark_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.GroupBy(Window(Col(""ts""), ""5 minutes""), Col(""page"")).{|SL1002:Count|}()
            .WriteStream().OutputMode(""update"").Format(""console"").Start();"));

        [Fact]
        public Task WindowedAggregation_UpdateWithWatermark_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.WithWatermark(""ts"", ""10 minutes"").GroupBy(Window(Col(""ts""), ""5 minutes""), Col(""page"")).Count()
            .WriteStream().OutputMode(OutputMode.Update).Format(""console"").Start();"));

        [Fact]
        public Task WindowedAggregation_Complete_ReportsEvenWithWatermark() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.WithWatermark(""ts"", ""10 minutes"").GroupBy(Window(Col(""ts""), ""5 minutes"")).{|#0:Count|}()
            .WriteStream().OutputMode(""complete"").Format(""console"").Start();"),
                Verify.Diagnostic("SL1002").WithLocation(0).WithArguments("Streaming aggregation 'Count'", "Complete output mode keeps every group's result forever, whatever the watermark"));

        [Fact]
        public Task UnwindowedKeyedAggregation_NotReportedByDefault() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();
        events.GroupBy(""page"").Count().WriteStream().OutputMode(""complete"").Format(""console"").Start();"));

        [Fact]
        public Task UnwindowedKeyedAggregation_ReportedWhenOptedIn() =>
            Verify.VerifyAnalyzerAsync(
                Body(@"        events.GroupBy(""page"").{|SL1002:Count|}().WriteStream().OutputMode(""update"").Format(""console"").Start();"),
                "streamlint.SL1002.flag_unwindowed_aggregations = true\n",
                Libraries.Spark);

        [Fact]
        public Task AppendMode_LeftToSL1001() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.GroupBy(Window(Col(""ts""), ""5 minutes"")).Count().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task BatchAggregation_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(@"        dim.GroupBy(Window(Col(""ts""), ""5 minutes"")).Count().WriteStream().OutputMode(""complete"").Format(""console"").Start();"));

        [Fact]
        public Task DropDuplicatesWithoutEventTime_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.WithWatermark(""ts"", ""1 hour"").{|#0:DropDuplicates|}(""id"");
        events.{|SL1002:DropDuplicates|}(""id"", ""page"");
        events.{|SL1002:Distinct|}();
        events.{|SL1002:DropDuplicates|}();"),
                Verify.Diagnostic("SL1002").WithLocation(0).WithArguments("DropDuplicates(\"id\")", "its columns include no watermarked event-time column (watermarked: ts), so every key ever seen is kept"));

        [Fact]
        public Task DropDuplicatesWithEventTime_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.WithWatermark(""ts"", ""1 hour"").DropDuplicates(""id"", ""TS"");
        events.WithWatermark(""ts"", ""1 hour"").Distinct();
        events.WithWatermark(""ts"", ""1 hour"").DropDuplicates();
        dim.DropDuplicates(""id"");
        given.DropDuplicates(""id"");
        events.SelectExpr(""*"").WithWatermark(""ts"", ""1 hour"").SelectExpr(""id"", ""ts AS t"").DropDuplicates(""id"", ""t"");
        events.SelectExpr(""*"").WithWatermark(""ts"", ""1 hour"").SelectExpr(""id"", ""CAST(ts AS TIMESTAMP) AS t"").DropDuplicates(""id"", ""t"");
        events.SelectExpr(""*"").WithWatermark(""ts"", ""1 hour"").SelectExpr(""id"", ""ts AS t"", ""upper(("").DropDuplicates(""id"");"));

        [Fact]
        public Task DropDuplicatesAfterSqlProjection_WithoutEventTime_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.SelectExpr(""*"").WithWatermark(""ts"", ""1 hour"").SelectExpr(""id"", ""ts AS t"").{|SL1002:DropDuplicates|}(""id"");
        events.WithWatermark(""ts"", ""1 hour"").SelectExpr(""`id`"", ""ts"").{|SL1002:DropDuplicates|}(""ID"");"));

        [Fact]
        public Task InnerStreamStreamJoin_WithoutWatermarks_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.{|SL1002:Join|}(clicks, ""id"");
        events.WithWatermark(""ts"", ""1 hour"").{|SL1002:Join|}(clicks, events[""id""] == clicks[""id""]);"));

        [Fact]
        public Task InnerStreamStreamJoin_WatermarksWithoutRange_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        var left = events.WithWatermark(""ts"", ""1 hour"");
        var right = clicks.WithWatermark(""clickTs"", ""2 hours"");
        left.{|SL1002:Join|}(right, left[""id""] == right[""id""]);"));

        [Fact]
        public Task InnerStreamStreamJoin_ExprWithoutRange_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        var left = events.WithWatermark(""ts"", ""1 hour"");
        var right = clicks.WithWatermark(""clickTs"", ""2 hours"");
        left.{|SL1002:Join|}(right, Expr(""l.id = r.id""));"));

        [Fact]
        public Task WindowedWordCount_CompleteMode_Reports() =>
            Verify.VerifyAnalyzerAsync(StreamLint.Tests.Infrastructure.SparkCode.Usings + @"
class WordCount
{
    void Run(SparkSession spark)
    {
        DataFrame lines = spark.ReadStream().Format(""socket"").Option(""host"", ""localhost"").Option(""port"", 9999).Option(""includeTimestamp"", true).Load();
        DataFrame words = lines.Select(Explode(Split(lines[""value""], "" "")).Alias(""word""), lines[""timestamp""]);
        DataFrame counts = words.GroupBy(Window(words[""timestamp""], ""10 minutes"", ""5 minutes""), words[""word""]).{|SL1002:Count|}().OrderBy(""window"");
        counts.WriteStream().OutputMode(""complete"").Format(""console"").Option(""truncate"", false).Start().AwaitTermination();
    }
}");

        [Fact]
        public Task InnerStreamStreamJoin_WatermarksAndRange_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(@"        var left = events.WithWatermark(""ts"", ""1 hour"");
        var right = clicks.WithWatermark(""clickTs"", ""2 hours"");
        left.Join(right, (left[""id""] == right[""id""]) & (right[""clickTs""] >= left[""ts""]) & (right[""clickTs""] <= left[""ts""] + Expr(""interval 1 hour"")));
        left.Join(right, Expr(""id = id2 AND clickTs >= ts""));
        left.Join(right, Expr(""l.id = r.id AND r.clickTs BETWEEN l.ts AND l.ts + interval 1 hour""));
        left.Join(right, Expr(""id = id2 OR clickTs >= ts""));
        events.Join(dim, ""id"");"));

        [Fact]
        public Task Fix_AddsWatermarkBeforeGroupBy() =>
            Verify.VerifyCodeFixAsync(
                Body(@"        events.GroupBy(Window(Col(""ts""), ""5 minutes"")).{|SL1002:Count|}().WriteStream().OutputMode(""update"").Format(""console"").Start();"),
                Body(@"        events.WithWatermark(""ts"", ""10 minutes"").GroupBy(Window(Col(""ts""), ""5 minutes"")).Count().WriteStream().OutputMode(""update"").Format(""console"").Start();"),
                UnboundedStreamingStateCodeFix.AddWatermarkKey);

        [Fact]
        public Task Fix_AddsEventTimeColumnToDedup() =>
            Verify.VerifyCodeFixAsync(
                Body(@"        var deduped = events.WithWatermark(""ts"", ""1 hour"").{|SL1002:DropDuplicates|}(""id"");"),
                Body(@"        var deduped = events.WithWatermark(""ts"", ""1 hour"").DropDuplicates(""id"", ""ts"");"),
                UnboundedStreamingStateCodeFix.AddDedupColumnKey);
    }
}
