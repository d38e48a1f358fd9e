using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1001.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1001SilentWhenTests
    {
        private const string Count = @".GroupBy(Functions.Window(Functions.Col(""timestamp""), ""10 minutes"")).Count()";

        // The DataFrame is a batch DataFrame (Read(), ...).
        [Fact]
        public async Task BatchDataFrame_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1001", @"        dim" + Count + @".WriteStream().Format(""console"").Start();"));

        [Fact]
        public async Task BatchDataFrame_Twin_StreamReported() =>
            Assert.Equal(1, await ReportedAsync("SL1001", @"        events" + Count + @".WriteStream().Format(""console"").Start();"));

        // ... or its origin is unknown: a parameter of a method nobody in the project calls.
        [Fact]
        public async Task OriginUnknown_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1001", @"        given" + Count + @".WriteStream().Format(""console"").Start();"));

        // ... or a spark.Sql over a view registered nowhere in the project.
        [Fact]
        public async Task SqlOverUnregisteredView_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1001", @"        spark.Sql(""SELECT * FROM elsewhere"")" + Count + @".WriteStream().Format(""console"").Start();"));

        [Fact]
        public async Task SqlOverUnregisteredView_Twin_RegisteredViewReported() =>
            Assert.Equal(1, await ReportedAsync("SL1001", @"        events.CreateOrReplaceTempView(""ev"");
        spark.Sql(""SELECT * FROM ev"")" + Count + @".WriteStream().Format(""console"").Start();"));

        // The mode is Update or Complete, or is not a constant.
        [Theory]
        [InlineData(@"""update""")]
        [InlineData(@"""complete""")]
        [InlineData("given.Columns()[0]")]
        public async Task ModeNotAppend_Silent(string mode) =>
            Assert.Equal(0, await ReportedAsync("SL1001", @"        events" + Count + @".WriteStream().OutputMode(" + mode + @").Format(""console"").Start();"));

        // ... including a writer that escapes into code that may set another mode.
        [Fact]
        public async Task ModeOfEscapingWriter_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1001", @"        var writer = events" + Count + @".WriteStream().OutputMode(""append"");
        System.Action configure = () => writer.OutputMode(""update"");
        configure();
        writer.Format(""console"").Start();"));

        [Fact]
        public async Task ModeOfEscapingWriter_Twin_WriterKeptLocalReported() =>
            Assert.Equal(1, await ReportedAsync("SL1001", @"        var writer = events" + Count + @".WriteStream().OutputMode(""append"");
        writer.Format(""console"").Start();"));

        [Fact]
        public async Task ModeNotAppend_Twin_AppendReported() =>
            Assert.Equal(1, await ReportedAsync("SL1001", @"        events" + Count + @".WriteStream().OutputMode(""append"").Format(""console"").Start();"));

        // A grouping key is watermarked, or is a Window over a watermarked column.
        [Fact]
        public async Task KeyWatermarked_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1001", @"        events.WithWatermark(""timestamp"", ""10 minutes"")" + Count + @".WriteStream().Format(""console"").Start();"));

        [Fact]
        public async Task KeyWatermarked_Twin_OtherColumnWatermarkedReported() =>
            Assert.Equal(1, await ReportedAsync("SL1001", @"        events.WithWatermark(""offset"", ""10 minutes"")" + Count + @".WriteStream().Format(""console"").Start();"));

        // A grouping key is a computed expression, a nested or quoted name, or anything else it cannot follow.
        [Theory]
        [InlineData(@"Functions.Expr(""window(timestamp, '10 minutes')"")")]
        [InlineData(@"Functions.Window(Functions.ToTimestamp(Functions.Col(""timestamp"")), ""10 minutes"")")]
        [InlineData(@"Functions.Col(""payload.ts"")")]
        public async Task KeyNotFollowed_Silent(string key) =>
            Assert.Equal(0, await ReportedAsync("SL1001", @"        events.WithWatermark(""timestamp"", ""10 minutes"").GroupBy(" + key + @").Count().WriteStream().Format(""console"").Start();"));

        [Fact]
        public async Task KeyNotFollowed_Twin_PlainColumnWithAnotherWatermarkReported() =>
            Assert.Equal(1, await ReportedAsync("SL1001", @"        events.WithWatermark(""timestamp"", ""10 minutes"").GroupBy(Functions.Col(""key"")).Count().WriteStream().Format(""console"").Start();"));

        // A watermark exists upstream but an operator StreamLint does not interpret stands between it and the aggregation.
        [Fact]
        public async Task UninterpretedBetweenWatermarkAndAggregation_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1001", @"        events.WithWatermark(""timestamp"", ""10 minutes"").SelectExpr(given.Columns()[0])" + Count + @".WriteStream().Format(""console"").Start();"));

        [Fact]
        public async Task UninterpretedBetweenWatermarkAndAggregation_Twin_NoWatermarkAnywhereReported() =>
            Assert.Equal(1, await ReportedAsync("SL1001", @"        events.SelectExpr(given.Columns()[0])" + Count + @".WriteStream().Format(""console"").Start();"));

        // An operator it does not interpret stands between the aggregation and the sink.
        [Fact]
        public async Task UninterpretedBetweenAggregationAndSink_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1001", @"        events" + Count + @".SelectExpr(given.Columns()[0]).WriteStream().Format(""console"").Start();"));

        [Fact]
        public async Task UninterpretedBetweenAggregationAndSink_Twin_DirectSinkReported() =>
            Assert.Equal(1, await ReportedAsync("SL1001", @"        events" + Count + @".Select(""window"", ""count"").WriteStream().Format(""console"").Start();"));
    }
}
