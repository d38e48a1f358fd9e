using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1009.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1009SilentWhenTests
    {
        // Any input is streaming (ReadStream()), even if another input is batch (a stream-static join is a streaming query).
        [Fact]
        public async Task AnyInputStreaming_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1009", @"        events.Join(dim, ""id"").WriteStream().Format(""console"").Start();"));

        [Fact]
        public async Task AnyInputStreaming_Twin_BatchOnlyReported() =>
            Assert.Equal(1, await ReportedAsync("SL1009", @"        dim.Join(dim, ""id"").WriteStream().Format(""console"").Start();"));

        // The origin is unknown: a parameter of a method nobody in the project calls.
        [Fact]
        public async Task OriginUnknown_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1009", @"        given.WriteStream().Format(""console"").Start();"));

        [Fact]
        public async Task OriginUnknown_Twin_BatchReadReported() =>
            Assert.Equal(1, await ReportedAsync("SL1009", @"        dim.WriteStream().Format(""console"").Start();"));

        // The call is Write(), the batch writer, which is what a batch DataFrame needs.
        [Fact]
        public async Task BatchWriter_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1009", @"        dim.Write().Format(""parquet"").Save(""/out"");"));

        [Fact]
        public async Task BatchWriter_Twin_StreamWriterReported() =>
            Assert.Equal(1, await ReportedAsync("SL1009", @"        dim.WriteStream().Format(""parquet"").Start(""/out"");"));
    }
}
