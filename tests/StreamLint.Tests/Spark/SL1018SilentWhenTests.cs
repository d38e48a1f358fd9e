using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1018.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about. Every body sets
    /// spark.sql.shuffle.partitions, so only the single-partition Warning is in play.
    /// </summary>
    public class SL1018SilentWhenTests
    {
        private const string Partitions = "        spark.Conf().Set(\"spark.sql.shuffle.partitions\", \"8\");\n";
        private const string Members = "    static DataFrame Single(DataFrame df) => df.Repartition(1);";

        private static Task<int> CountAsync(string statement) => ReportedAsync("SL1018", Partitions + "        " + statement, Members);

        // The query's DataFrame is a batch DataFrame or its origin is unknown.
        [Fact]
        public async Task BatchOrUnknownOrigin_Silent() =>
            Assert.Equal(0, await CountAsync(@"given.Repartition(1).WriteStream().Format(""console"").Start();"));

        [Fact]
        public async Task BatchOrUnknownOrigin_Twin_StreamReported() =>
            Assert.Equal(1, await CountAsync(@"events.Repartition(1).WriteStream().Format(""console"").Start();"));

        // The number of partitions is not the constant 1.
        [Theory]
        [InlineData(@"events.Repartition(8).WriteStream().Format(""console"").Start();")]
        [InlineData(@"events.Coalesce(flag ? 1 : 4).WriteStream().Format(""console"").Start();")]
        public async Task PartitionsNotTheConstantOne_Silent(string statement) =>
            Assert.Equal(0, await CountAsync(statement));

        [Theory]
        [InlineData(@"events.Repartition(1).WriteStream().Format(""console"").Start();")]
        [InlineData(@"events.Coalesce(1).WriteStream().Format(""console"").Start();")]
        public async Task PartitionsNotTheConstantOne_Twin_OneReported(string statement) =>
            Assert.Equal(1, await CountAsync(statement));

        // The Repartition(1) / Coalesce(1) call is in a different method than Start, for example in a helper.
        [Fact]
        public async Task SinglePartitionInAHelper_Silent() =>
            Assert.Equal(0, await CountAsync(@"Single(events).WriteStream().Format(""console"").Start();"));

        [Fact]
        public async Task SinglePartitionInAHelper_Twin_SameMethodReported() =>
            Assert.Equal(1, await CountAsync(@"events.Repartition(1).WriteStream().Format(""console"").Start();"));

        // An aggregation has a grouping key that is not a time window.
        [Fact]
        public async Task GroupingKeyBesidesTheWindow_Silent() =>
            Assert.Equal(0, await CountAsync(@"events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute""), Col(""page"")).Count().WriteStream().OutputMode(""update"").Format(""console"").Start();"));

        [Fact]
        public async Task GroupingKeyBesidesTheWindow_Twin_WindowOnlyReported() =>
            Assert.Equal(1, await CountAsync(@"events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute"")).Count().WriteStream().OutputMode(""update"").Format(""console"").Start();"));
    }
}
