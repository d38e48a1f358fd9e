using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1006.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1006SilentWhenTests
    {
        // The DataFrame is a batch DataFrame: Read(), Range, or the batch DataFrame of ForeachBatch.
        [Theory]
        [InlineData(@"        dim.Show();")]
        [InlineData(@"        spark.Range(10).Show();")]
        [InlineData(@"        events.WriteStream().ForeachBatch((batch, id) => batch.Show()).Start();")]
        public async Task BatchDataFrame_Silent(string body) =>
            Assert.Equal(0, await ReportedAsync("SL1006", body));

        [Theory]
        [InlineData(@"        events.Show();")]
        [InlineData(@"        events.WriteStream().ForeachBatch((batch, id) => events.Show()).Start();")]
        public async Task BatchDataFrame_Twin_StreamReported(string body) =>
            Assert.Equal(1, await ReportedAsync("SL1006", body));

        // Its origin is unknown: a parameter of a method nobody in the project calls.
        [Fact]
        public async Task OriginUnknown_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1006", @"        given.Count();"));

        [Fact]
        public async Task OriginUnknown_Twin_StreamReported() =>
            Assert.Equal(1, await ReportedAsync("SL1006", @"        events.Count();"));
    }
}
