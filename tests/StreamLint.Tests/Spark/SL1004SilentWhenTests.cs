using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1004.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1004SilentWhenTests
    {
        private const string Counted = @".GroupBy(Functions.Col(""key"")).Count()";

        private const string Windowed = @".GroupBy(Functions.Window(Functions.Col(""timestamp""), ""10 minutes"")).Count()";

        // The DataFrame's origin is unknown: a parameter of a method nobody in the project calls.
        [Fact]
        public async Task OriginUnknown_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1004", @"        given.WithWatermark(""timestamp"", ""10 minutes"");"));

        [Fact]
        public async Task OriginUnknown_Twin_BatchReported() =>
            Assert.Equal(1, await ReportedAsync("SL1004", @"        dim.WithWatermark(""timestamp"", ""10 minutes"");"));

        // The column name is not a constant.
        [Fact]
        public async Task ColumnNotConstant_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1004", @"        events.WithWatermark(given.Columns()[0], ""10 minutes"")" + Windowed + ";"));

        [Fact]
        public async Task ColumnNotConstant_Twin_OtherConstantColumnReported() =>
            Assert.Equal(1, await ReportedAsync("SL1004", @"        events.WithWatermark(""offset"", ""10 minutes"")" + Windowed + ";"));

        // Case 2: an operator StreamLint does not interpret stands between the aggregation and the watermark.
        [Fact]
        public async Task UninterpretedAfterAggregation_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1004", @"        events" + Counted + @".SelectExpr(given.Columns()[0]).WithWatermark(""window"", ""10 minutes"");"));

        [Fact]
        public async Task UninterpretedAfterAggregation_Twin_ProjectionReported() =>
            Assert.Equal(1, await ReportedAsync("SL1004", @"        events" + Counted + @".Select(""key"", ""count"").WithWatermark(""key"", ""10 minutes"");"));

        // Case 2: a watermark was already set before the aggregation.
        [Fact]
        public async Task WatermarkBeforeAggregation_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1004", @"        events.WithWatermark(""timestamp"", ""10 minutes"")" + Windowed + @".WithWatermark(""window"", ""10 minutes"");"));

        [Fact]
        public async Task WatermarkBeforeAggregation_Twin_NoEarlierWatermarkReported() =>
            Assert.Equal(1, await ReportedAsync("SL1004", @"        events" + Windowed + @".WithWatermark(""window"", ""10 minutes"");"));

        // Case 3: the aggregation has no time window.
        [Fact]
        public async Task NoTimeWindow_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1004", @"        events.WithWatermark(""offset"", ""10 minutes"")" + Counted + ";"));

        // Case 3: the window is over a computed expression.
        [Fact]
        public async Task WindowOverComputedExpression_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1004", @"        events.WithWatermark(""offset"", ""10 minutes"").GroupBy(Functions.Window(Functions.ToTimestamp(Functions.Col(""timestamp"")), ""10 minutes"")).Count();"));

        // Case 3: another grouping key carries the watermark.
        [Fact]
        public async Task OtherKeyWatermarked_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1004", @"        events.WithWatermark(""offset"", ""10 minutes"").GroupBy(Functions.Window(Functions.Col(""timestamp""), ""10 minutes""), Functions.Col(""offset"")).Count();"));

        // Case 3: the WithWatermark is in a different method (a helper) than the aggregation.
        [Fact]
        public async Task WatermarkInHelper_Silent() =>
            Assert.Equal(0, await ReportedAsync(
                "SL1004",
                @"        Watermarked(events)" + Windowed + ";",
                @"    static DataFrame Watermarked(DataFrame frame) => frame.WithWatermark(""offset"", ""10 minutes"");"));

        [Fact]
        public async Task WatermarkInHelper_Twin_SameMethodReported() =>
            Assert.Equal(1, await ReportedAsync("SL1004", @"        events.WithWatermark(""offset"", ""10 minutes"")" + Windowed + ";"));

        // Case 3: an operator StreamLint does not interpret stands between the watermark and the aggregation.
        [Fact]
        public async Task UninterpretedBeforeAggregation_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1004", @"        events.WithWatermark(""offset"", ""10 minutes"").SelectExpr(given.Columns()[0])" + Windowed + ";"));
    }
}
