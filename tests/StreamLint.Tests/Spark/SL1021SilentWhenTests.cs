using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using StreamLint.Tests.Infrastructure;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1021.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1021SilentWhenTests
    {
        private const string Update = @".WriteStream().OutputMode(""update"").Format(""console"").Start();";

        private static async Task<int> ReportedAsync(string statement, string sparkVersion = "3.5")
        {
            ImmutableArray<Diagnostic> reported = await Analysis.RunAsync(
                Repository.Analyzers.Single(a => a.SupportedDiagnostics.Any(d => d.Id == "SL1021")),
                Body("        " + statement),
                sparkVersion);
            return reported.Count(d => d.Id == "SL1021");
        }

        // The DataFrame is a batch DataFrame or its origin is unknown.
        [Theory]
        [InlineData("given")]
        [InlineData("dim")]
        public async Task BatchOrUnknownOrigin_Silent(string frame) =>
            Assert.Equal(0, await ReportedAsync(frame + @".GroupBy(""page"").Count().GroupBy(""count"").Count()" + Update));

        [Fact]
        public async Task BatchOrUnknownOrigin_Twin_StreamReported() =>
            Assert.Equal(1, await ReportedAsync(@"events.GroupBy(""page"").Count().GroupBy(""count"").Count()" + Update));

        // The output mode is not a constant, or is a string Spark does not accept.
        [Theory]
        [InlineData(@"flag ? ""update"" : ""complete""")]
        [InlineData(@"""updat""")]
        public async Task OutputModeNotConstantOrInvalid_Silent(string mode) =>
            Assert.Equal(0, await ReportedAsync(@"events.GroupBy(""page"").Count().GroupBy(""count"").Count().WriteStream().OutputMode(" + mode + @").Format(""console"").Start();"));

        [Theory]
        [InlineData(@"""update""")]
        [InlineData(@"""complete""")]
        [InlineData(@"OutputMode.Update")]
        public async Task OutputModeNotConstantOrInvalid_Twin_ConstantModeReported(string mode) =>
            Assert.Equal(1, await ReportedAsync(@"events.GroupBy(""page"").Count().GroupBy(""count"").Count().WriteStream().OutputMode(" + mode + @").Format(""console"").Start();"));

        // The earlier aggregation is not on a stream: aggregating a batch DataFrame and joining it to a stream is fine.
        [Fact]
        public async Task EarlierAggregationOnABatch_Silent() =>
            Assert.Equal(0, await ReportedAsync(@"events.Join(dim.GroupBy(""id"").Count(), ""id"").GroupBy(""page"").Count()" + Update));

        [Fact]
        public async Task EarlierAggregationOnABatch_Twin_AggregationOnTheStreamReported() =>
            Assert.True(await ReportedAsync(@"events.GroupBy(""id"").Count().Join(dim, ""id"").GroupBy(""page"").Count()" + Update) > 0);

        // On 3.4 and later, a deduplication's columns carry a watermark StreamLint cannot see (the window column of a
        // windowed aggregation).
        [Fact]
        public async Task DedupOnTheWindowColumnOfAnAggregation_Silent() =>
            Assert.Equal(0, await ReportedAsync(@"events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute""), Col(""page"")).Count().DropDuplicates(""page"", ""window"")" + Update));

        [Fact]
        public async Task DedupOnTheWindowColumnOfAnAggregation_Twin_SameChainOnSpark33Reported() =>
            Assert.Equal(1, await ReportedAsync(@"events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute""), Col(""page"")).Count().DropDuplicates(""page"", ""window"")" + Update, "3.3"));

        // DropDuplicates is given column names that are not constants (on Spark 3.4 and later).
        [Fact]
        public async Task DedupColumnsNotConstant_Silent() =>
            Assert.Equal(0, await ReportedAsync(@"string column = flag ? ""ts"" : ""page"";
        events.GroupBy(""page"", ""ts"").Count().WithWatermark(""ts"", ""1 minute"").DropDuplicates(column)" + Update));

        [Fact]
        public async Task DedupColumnsNotConstant_Twin_ConstantWatermarkedColumnReported() =>
            Assert.Equal(1, await ReportedAsync(@"string column = flag ? ""ts"" : ""page"";
        events.GroupBy(""page"", ""ts"").Count().WithWatermark(""ts"", ""1 minute"").DropDuplicates(""ts"")" + Update));

        // On Spark 3.0 a stream-stream join after an aggregation in Append mode only makes Spark log a warning.
        [Fact]
        public async Task JoinAfterAggregationInAppendOnSpark30_Silent() =>
            Assert.Equal(0, await ReportedAsync(@"events.GroupBy(""id"").Count().Join(clicks, ""id"").WriteStream().Format(""console"").Start();", "3.0"));

        [Fact]
        public async Task JoinAfterAggregationInAppendOnSpark30_Twin_Spark31Reported() =>
            Assert.Equal(1, await ReportedAsync(@"events.GroupBy(""id"").Count().Join(clicks, ""id"").WriteStream().Format(""console"").Start();", "3.1"));
    }
}
