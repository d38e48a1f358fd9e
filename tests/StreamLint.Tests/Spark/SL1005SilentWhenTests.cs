using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1005.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1005SilentWhenTests
    {
        private static string Join(string left, string right, string condition, string type) =>
            "        " + left + ".Join(" + right + ", " + condition + @", """ + type + @""").WriteStream().Format(""console"").Start();";

        private const string OnKey = @"events[""key""] == clicks[""key""]";

        // An input is a batch DataFrame or its origin is unknown.
        [Theory]
        [InlineData("dim")]
        [InlineData("given")]
        public async Task BatchOrUnknownInput_Silent(string right) =>
            Assert.Equal(0, await ReportedAsync("SL1005", Join("events", right, @"events[""key""] == " + right + @"[""key""]", "left_outer")));

        [Fact]
        public async Task BatchOrUnknownInput_Twin_StreamStreamReported() =>
            Assert.Equal(1, await ReportedAsync("SL1005", Join("events", "clicks", OnKey, "left_outer")));

        // The join type is inner, cross or left anti, or is not a constant.
        [Theory]
        [InlineData("inner")]
        [InlineData("cross")]
        [InlineData("left_anti")]
        public async Task JoinTypeNotOuterOrSemi_Silent(string type) =>
            Assert.Equal(0, await ReportedAsync("SL1005", Join("events", "clicks", OnKey, type)));

        [Fact]
        public async Task JoinTypeNotConstant_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1005", "        events.Join(clicks, " + OnKey + @", given.Columns()[0]).WriteStream().Format(""console"").Start();"));

        // The nullable side has a watermark and the condition compares something by range.
        [Fact]
        public async Task NullableSideWatermarkedWithRange_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1005", @"        var right = clicks.WithWatermark(""timestamp"", ""10 minutes"");
" + Join("events", "right", @"events[""key""] == right[""key""] & right[""timestamp""] >= events[""timestamp""]", "left_outer")));

        [Fact]
        public async Task NullableSideWatermarkedWithRange_Twin_NoRangeReported() =>
            Assert.Equal(1, await ReportedAsync("SL1005", @"        var right = clicks.WithWatermark(""timestamp"", ""10 minutes"");
" + Join("events", "right", @"events[""key""] == right[""key""]", "left_outer")));

        // The other side has a watermark and the condition cannot be read.
        [Fact]
        public async Task ConditionUnreadable_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1005", @"        var left = events.WithWatermark(""timestamp"", ""10 minutes"");
" + Join("left", "clicks", @"Functions.Expr(""lower(key) = value"")", "left_outer")));

        // A WithWatermark exists upstream but an operator StreamLint does not interpret stands between it and the join.
        [Fact]
        public async Task UninterpretedAfterWatermark_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1005", @"        var right = clicks.WithWatermark(""timestamp"", ""10 minutes"").SelectExpr(given.Columns()[0]);
" + Join("events", "right", @"events[""key""] == right[""key""]", "left_outer")));
    }
}
