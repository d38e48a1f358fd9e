using System.Threading.Tasks;
using StreamLint.CodeFixes.Spark;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.AppendAggregationWithoutWatermarkAnalyzer,
    StreamLint.CodeFixes.Spark.AppendAggregationWithoutWatermarkCodeFix>;

using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    public class SL1001Tests
    {
        private const string Usings = @"using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;
";

        private static string Code(string body, string members = "") => Usings + @"
class Job
{
    void Run(SparkSession spark, bool flag, DataFrame given, Column someKey)
    {
        DataFrame events = spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""clicks"").Load();
" + body + @"
    }
" + members + @"
}";

        [Fact]
        public Task WindowWithoutWatermark_DefaultMode_Reports() =>
            Verify.VerifyAnalyzerAsync(
                Code(@"        events.GroupBy(Window(Col(""ts""), ""5 minutes""), Col(""page"")).{|#0:Count|}().WriteStream().Format(""console"").Start();"),
                Verify.Diagnostic("SL1001").WithLocation(0).WithArguments("Count", " (Spark's default when no OutputMode is set)"));

        [Theory]
        [InlineData("\"append\"")]
        [InlineData("\"Append\"")]
        [InlineData("\"APPEND\"")]
        [InlineData("OutputMode.Append")]
        [InlineData("Microsoft.Spark.Sql.Streaming.OutputMode.Append")]
        public Task ExplicitAppend_Reports(string mode) =>
            Verify.VerifyAnalyzerAsync(
                Code($@"        events.GroupBy(""page"").{{|#0:Count|}}().WriteStream().OutputMode({mode}).Format(""console"").Start();"),
                Verify.Diagnostic("SL1001").WithLocation(0).WithArguments("Count", string.Empty));

        [Theory]
        [InlineData("\"update\"")]
        [InlineData("\"Complete\"")]
        [InlineData("OutputMode.Update")]
        [InlineData("OutputMode.Complete")]
        public Task UpdateOrComplete_Silent(string mode) =>
            Verify.VerifyAnalyzerAsync(Code($@"        events.GroupBy(""page"").Count().WriteStream().OutputMode({mode}).Format(""console"").Start();"));

        [Theory]
        [InlineData("Agg(Sum(Col(\"amount\")))", "Agg")]
        [InlineData("Sum(\"amount\")", "Sum")]
        [InlineData("Avg(\"amount\")", "Avg")]
        [InlineData("Max(\"amount\")", "Max")]
        [InlineData("Mean(\"amount\")", "Mean")]
        [InlineData("Min(\"amount\")", "Min")]
        public Task EveryAggregationFunction_Reports(string aggregation, string name) =>
            Verify.VerifyAnalyzerAsync(Code($@"        events.GroupBy(Col(""page"")).{{|SL1001:{name}|}}{aggregation.Substring(name.Length)}.WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task GlobalAggregation_Reports() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.{|SL1001:Agg|}(Count(Col(""page""))).WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task PivotThenCount_Reports() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.GroupBy(""page"").Pivot(""country"").{|SL1001:Count|}().WriteStream().Format(""console"").Start();"));

        [Theory]
        [InlineData("ts")]
        [InlineData("TS")]
        public Task WatermarkOnWindowColumn_Silent(string watermarked) =>
            Verify.VerifyAnalyzerAsync(Code($@"        events.WithWatermark(""{watermarked}"", ""10 minutes"")
            .GroupBy(Window(Col(""ts""), ""5 minutes""), Col(""page""))
            .Count()
            .WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task WatermarkedColumnAsPlainKey_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.WithWatermark(""ts"", ""10 minutes"").GroupBy(""ts"", ""page"").Count().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task WatermarkOnAnotherColumn_Reports() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.WithWatermark(""ingested"", ""10 minutes"")
            .GroupBy(Window(Col(""ts""), ""5 minutes""))
            .{|SL1001:Count|}()
            .WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task WatermarkAfterAggregation_Reports() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.GroupBy(Window(Col(""ts""), ""5 minutes""))
            .{|SL1001:Count|}()
            .WithWatermark(""window"", ""10 minutes"")
            .WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task FunctionsQualifiedAndIndexerKeys() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.GroupBy(Functions.Window(events[""ts""], ""1 minute"")).{|SL1001:Count|}().WriteStream().Format(""console"").Start();
        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Functions.Window(events[""ts""], ""1 minute"")).Count().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task KeyFromLocalColumn_IsFollowed() =>
            Verify.VerifyAnalyzerAsync(Code(@"        Column minute = Window(Col(""ts""), ""1 minute"");
        events.GroupBy(minute).{|SL1001:Count|}().WriteStream().Format(""console"").Start();
        events.WithWatermark(""ts"", ""5 minutes"").GroupBy(minute).Count().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task Reassignment_WatermarkAddedLater_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        var df = events.Filter(Col(""page"").IsNotNull());
        df = df.WithWatermark(""ts"", ""10 minutes"");
        var counts = df.GroupBy(Window(Col(""ts""), ""5 minutes"")).Count();
        counts.WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task Reassignment_WithoutWatermark_Reports() =>
            Verify.VerifyAnalyzerAsync(Code(@"        var df = events;
        df = df.Filter(Col(""page"").IsNotNull());
        var counts = df.GroupBy(Window(Col(""ts""), ""5 minutes"")).{|SL1001:Count|}();
        counts.WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task WatermarkOnOnlyOneBranch_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        DataFrame df = events;
        if (flag)
        {
            df = df.WithWatermark(""ts"", ""10 minutes"");
        }

        df.GroupBy(Window(Col(""ts""), ""5 minutes"")).Count().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task NoWatermarkOnEitherBranch_Reports() =>
            Verify.VerifyAnalyzerAsync(Code(@"        DataFrame df;
        if (flag)
        {
            df = events.Filter(Col(""page"").IsNotNull());
        }
        else
        {
            df = events.Filter(Col(""country"").IsNotNull());
        }

        df.GroupBy(Window(Col(""ts""), ""5 minutes"")).{|SL1001:Count|}().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task StreamingOnOneBranchBatchOnOther_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        DataFrame df = flag ? events : spark.Read().Parquet(""/replay"");
        df.GroupBy(""page"").Count().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task ReassignedInLoop_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        DataFrame df = events;
        for (int i = 0; i < 3; i++)
        {
            df.GroupBy(""page"").Count().WriteStream().Format(""console"").Start();
            df = df.WithWatermark(""ts"", ""1 minute"");
        }"));

        [Fact]
        public Task StoredWriter_ModeSetInStatement() =>
            Verify.VerifyAnalyzerAsync(Code(@"        var counts = events.GroupBy(""page"").{|SL1001:Count|}();
        var appendWriter = counts.WriteStream();
        appendWriter.OutputMode(""append"");
        appendWriter.Format(""console"");
        appendWriter.Start();
        var updateWriter = counts.WriteStream();
        updateWriter.OutputMode(""update"");
        updateWriter.Start();"));

        [Fact]
        public Task StoredWriterStartedTwice_ReportsOnce() =>
            Verify.VerifyAnalyzerAsync(Code(@"        var counts = events.GroupBy(""page"").{|SL1001:Count|}();
        var writer = counts.WriteStream().Format(""console"");
        writer.Start();
        writer.Start();"));

        [Fact]
        public Task ModeFromUnknownValue_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        string mode = System.Environment.GetEnvironmentVariable(""MODE"")!;
        events.GroupBy(""page"").Count().WriteStream().OutputMode(mode).Start();"));

        [Fact]
        public Task DistinctAndDropDuplicates_AreNotAggregations() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.Distinct().WriteStream().Format(""console"").Start();
        events.DropDuplicates(""id"").WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task BatchDataFrame_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        spark.Read().Parquet(""/in"").GroupBy(""page"").Count().Write().Format(""parquet"").Save(""/out"");
        spark.Read().Parquet(""/in"").GroupBy(""page"").Count().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task UnknownProvenance_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        given.GroupBy(""page"").Count().WriteStream().Format(""console"").Start();
        spark.Sql(""SELECT * FROM clicks"").GroupBy(""page"").Count().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task ComputedOrUnknownKeys_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.GroupBy(Col(""ts"").Cast(""date"")).Count().WriteStream().Format(""console"").Start();
        events.GroupBy(someKey).Count().WriteStream().Format(""console"").Start();
        events.GroupBy(Window(CurrentTimestamp(), ""1 minute"")).Count().WriteStream().Format(""console"").Start();
        events.GroupBy(Expr(""window(CAST(ts AS TIMESTAMP), '1 minute')""), Expr(""lower(page)"")).Count().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task WindowKeyWrittenInSql_WithoutWatermark_Reports() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.GroupBy(Expr(""window(ts, '1 minute')"")).{|SL1001:Count|}().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task WatermarkCarriedThroughRenameAndAlias_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.WithWatermark(""ts"", ""1 minute"").WithColumnRenamed(""ts"", ""eventTime"")
            .GroupBy(Window(Col(""eventTime""), ""1 minute"")).Count().WriteStream().Format(""console"").Start();
        events.WithWatermark(""ts"", ""1 minute"").Select(Col(""ts"").Alias(""t""), Col(""page""))
            .GroupBy(Window(Col(""t""), ""1 minute"")).Count().WriteStream().Format(""console"").Start();
        events.WithWatermark(""ts"", ""1 minute"").WithColumn(""t2"", Col(""ts"")).Filter(Col(""page"").IsNotNull())
            .GroupBy(Col(""t2"")).Count().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task WatermarkDroppedByProjection_Reports() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.WithWatermark(""ts"", ""1 minute"").Select(Col(""page""))
            .GroupBy(Col(""page"")).{|SL1001:Count|}().WriteStream().Format(""console"").Start();
        events.WithWatermark(""ts"", ""1 minute"").Drop(""ts"").WithColumn(""ts"", CurrentTimestamp())
            .GroupBy(Window(Col(""ts""), ""1 minute"")).{|SL1001:Count|}().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task UninterpretedOperatorsBetween_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.WithWatermark(""ts"", ""1 minute"").SelectExpr(""ts AS t"", ""page"")
            .GroupBy(Window(Col(""t""), ""1 minute"")).Count().WriteStream().Format(""console"").Start();
        events.WithWatermark(""ts"", ""1 minute"").Join(spark.Read().Parquet(""/dim""), ""page"")
            .GroupBy(Window(Col(""ts""), ""1 minute"")).Count().WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task TopLevelStatements_Reports() =>
            Verify.VerifyAnalyzerAsync(Usings + @"
static class Program
{
    static void Main()
    {
        SparkSession spark = SparkSession.Builder().GetOrCreate();
        var lines = spark.ReadStream().Format(""socket"").Option(""host"", ""localhost"").Option(""port"", 9999).Option(""includeTimestamp"", true).Load();
        var words = lines.Select(Explode(Split(lines[""value""], "" "")).Alias(""word""), lines[""timestamp""]);
        var counts = words.GroupBy(Window(words[""timestamp""], ""10 minutes"", ""5 minutes""), words[""word""]).{|SL1001:Count|}();
        counts.WriteStream().OutputMode(""append"").Format(""console"").Option(""truncate"", false).Start().AwaitTermination();
    }
}");

        [Fact]
        public Task LibraryNotReferenced_Silent() =>
            Verify.VerifyAnalyzerAsync(
                @"class DataFrame { public DataFrame GroupBy(string c) => this; public DataFrame Count() => this; public DataFrame WriteStream() => this; public object Start() => null!; }
class C { void M(DataFrame d) => d.GroupBy(""x"").Count().WriteStream().Start(); }",
                editorConfig: null,
                Libraries.None);

        [Fact]
        public Task FixAddWatermark_InsertsBeforeGroupBy() =>
            Verify.VerifyCodeFixAsync(
                Code(@"        var counts = events
            .Filter(Col(""page"").IsNotNull())
            .GroupBy(Window(Col(""ts""), ""5 minutes""), Col(""page""))
            .{|SL1001:Count|}();
        counts.WriteStream().Format(""parquet"").Start(""/out"");"),
                Code(@"        var counts = events
            .Filter(Col(""page"").IsNotNull())
            .WithWatermark(""ts"", ""10 minutes"")
            .GroupBy(Window(Col(""ts""), ""5 minutes""), Col(""page""))
            .Count();
        counts.WriteStream().Format(""parquet"").Start(""/out"");"),
                AppendAggregationWithoutWatermarkCodeFix.AddWatermarkKey);

        [Fact]
        public Task FixAddWatermark_NotOfferedWithoutWindow() =>
            Verify.VerifyNoCodeFixAsync(
                Code(@"        events.GroupBy(""page"").{|SL1001:Count|}().WriteStream().Format(""console"").Start();"),
                AppendAggregationWithoutWatermarkCodeFix.AddWatermarkKey);

        [Fact]
        public Task FixUpdateMode_ReplacesStringAndEnum() =>
            Verify.VerifyCodeFixAsync(
                Code(@"        events.GroupBy(""page"").{|SL1001:Count|}().WriteStream().OutputMode(""append"").Format(""console"").Start();
        events.GroupBy(""country"").{|SL1001:Count|}().WriteStream().OutputMode(OutputMode.Append).Format(""kafka"").Start();"),
                Code(@"        events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();
        events.GroupBy(""country"").Count().WriteStream().OutputMode(OutputMode.Update).Format(""kafka"").Start();"),
                AppendAggregationWithoutWatermarkCodeFix.UseUpdateModeKey);

        [Fact]
        public Task FixUpdateMode_InsertsWhenDefault() =>
            Verify.VerifyCodeFixAsync(
                Code(@"        var writer = events.GroupBy(""page"").{|SL1001:Count|}().WriteStream();
        writer.ForeachBatch((batch, id) => { });
        writer.Start();"),
                Code(@"        var writer = events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"");
        writer.ForeachBatch((batch, id) => { });
        writer.Start();"),
                AppendAggregationWithoutWatermarkCodeFix.UseUpdateModeKey);

        [Fact]
        public Task FixUpdateMode_NotOfferedForFileSink() =>
            Verify.VerifyNoCodeFixAsync(
                Code(@"        events.GroupBy(""page"").{|SL1001:Count|}().WriteStream().Format(""parquet"").Start(""/out"");"),
                AppendAggregationWithoutWatermarkCodeFix.UseUpdateModeKey);
    }
}
