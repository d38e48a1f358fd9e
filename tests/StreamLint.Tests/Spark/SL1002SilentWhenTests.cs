using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1002.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1002SilentWhenTests
    {
        private const string Windowed = @".GroupBy(Functions.Window(Functions.Col(""timestamp""), ""10 minutes"")).Count()";

        private static string Update(string frame) =>
            "        " + frame + Windowed + @".WriteStream().OutputMode(""update"").Format(""console"").Start();";

        // A DataFrame is a batch DataFrame, or its origin is unknown.
        [Theory]
        [InlineData("dim")]
        [InlineData("given")]
        public async Task BatchOrUnknownOrigin_Silent(string frame) =>
            Assert.Equal(0, await ReportedAsync("SL1002", Update(frame)));

        [Fact]
        public async Task BatchOrUnknownOrigin_Twin_StreamReported() =>
            Assert.Equal(1, await ReportedAsync("SL1002", Update("events")));

        // The output mode is Append or not a constant.
        [Theory]
        [InlineData(@"""append""")]
        [InlineData("given.Columns()[0]")]
        public async Task ModeAppendOrUnknown_Silent(string mode) =>
            Assert.Equal(0, await ReportedAsync("SL1002", "        events" + Windowed + ".WriteStream().OutputMode(" + mode + @").Format(""console"").Start();"));

        // In Update mode, a grouping key is a computed expression or a Window over one.
        [Fact]
        public async Task WindowOverComputedKey_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1002", @"        events.GroupBy(Functions.Window(Functions.ToTimestamp(Functions.Col(""timestamp"")), ""10 minutes"")).Count().WriteStream().OutputMode(""update"").Format(""console"").Start();"));

        // DropDuplicates is given column names that are not constants.
        [Fact]
        public async Task DropDuplicatesColumnsNotConstant_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1002", @"        events.DropDuplicates(given.Columns()[0]).WriteStream().Format(""console"").Start();"));

        [Fact]
        public async Task DropDuplicatesColumnsNotConstant_Twin_ConstantColumnReported() =>
            Assert.Equal(1, await ReportedAsync("SL1002", @"        events.DropDuplicates(""key"").WriteStream().Format(""console"").Start();"));

        // A watermark exists upstream, but an operator StreamLint does not interpret stands between it and the operator.
        [Fact]
        public async Task UninterpretedAfterWatermark_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1002", "        events.WithWatermark(\"timestamp\", \"10 minutes\").SelectExpr(given.Columns()[0])" + Windowed + @".WriteStream().OutputMode(""update"").Format(""console"").Start();"));

        [Fact]
        public async Task UninterpretedAfterWatermark_Twin_NoWatermarkAnywhereReported() =>
            Assert.Equal(1, await ReportedAsync("SL1002", "        events.SelectExpr(given.Columns()[0])" + Windowed + @".WriteStream().OutputMode(""update"").Format(""console"").Start();"));

        // Both join inputs have a watermark but the condition cannot be read, or the join type is not a constant.
        [Fact]
        public async Task JoinConditionUnreadable_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1002", @"        var left = events.WithWatermark(""timestamp"", ""10 minutes"");
        var right = clicks.WithWatermark(""timestamp"", ""10 minutes"");
        left.Join(right, Functions.Expr(""lower(key) = value OR key IS NULL"")).WriteStream().Format(""console"").Start();"));

        [Fact]
        public async Task JoinTypeNotConstant_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1002", @"        events.Join(clicks, events[""key""] == clicks[""key""], given.Columns()[0]).WriteStream().Format(""console"").Start();"));

        [Fact]
        public async Task JoinUnbounded_Twin_InnerJoinWithoutWatermarksReported() =>
            Assert.Equal(1, await ReportedAsync("SL1002", @"        events.Join(clicks, events[""key""] == clicks[""key""], ""inner"").WriteStream().Format(""console"").Start();"));

        // The join is an outer or semi join (SL1005's), a left anti join, or a CrossJoin call.
        [Theory]
        [InlineData(@"events.Join(clicks, events[""key""] == clicks[""key""], ""left_outer"")")]
        [InlineData(@"events.Join(clicks, events[""key""] == clicks[""key""], ""left_anti"")")]
        [InlineData("events.CrossJoin(clicks)")]
        public async Task OtherJoinKinds_Silent(string join) =>
            Assert.Equal(0, await ReportedAsync("SL1002", "        " + join + @".WriteStream().Format(""console"").Start();"));
    }
}
