using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1010.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1010SilentWhenTests
    {
        private static string Writer(string configure, string format = @"""parquet""") =>
            $@"        events.WriteStream().Format({format}){configure}.Start(""/out"");";

        private const string Unset = "";

        // The option is set, whatever its letter case.
        [Theory]
        [InlineData(@".Option(""checkpointLocation"", ""/cp/out"")")]
        [InlineData(@".Option(""checkpointlocation"", ""/cp/out"")")]
        [InlineData(@".Option(""CHECKPOINTLOCATION"", ""/cp/out"")")]
        public async Task OptionSetInAnyLetterCase_Silent(string configure) =>
            Assert.Equal(0, await ReportedAsync("SL1010", Writer(configure)));

        [Fact]
        public async Task OptionSetInAnyLetterCase_Twin_UnsetReported() =>
            Assert.Equal(1, await ReportedAsync("SL1010", Writer(Unset)));

        // It might be set: Options(dictionary), or an option whose key is not a constant.
        [Theory]
        [InlineData(@".Options(new Dictionary<string, string>())")]
        [InlineData(@".Option(flag ? ""checkpointLocation"" : ""path"", ""/cp/out"")")]
        public async Task MightBeSet_Silent(string configure) =>
            Assert.Equal(0, await ReportedAsync("SL1010", Writer(configure)));

        [Fact]
        public async Task MightBeSet_Twin_ConstantOtherKeyReported() =>
            Assert.Equal(1, await ReportedAsync("SL1010", Writer(@".Option(""path"", ""/cp/out"")")));

        // The string "spark.sql.streaming.checkpointLocation" appears as a string literal anywhere in the compilation.
        [Fact]
        public async Task SessionWideCheckpointLiteralInTheCompilation_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1010", Writer(Unset), @"    const string Key = ""spark.sql.streaming.checkpointLocation"";"));

        [Fact]
        public async Task SessionWideCheckpointLiteralInTheCompilation_Twin_OtherLiteralReported() =>
            Assert.Equal(1, await ReportedAsync("SL1010", Writer(Unset), @"    const string Key = ""spark.sql.streaming.stateStore.providerClass"";"));

        // The sink is console, memory or noop.
        [Theory]
        [InlineData(@"""console""")]
        [InlineData(@"""memory""")]
        [InlineData(@"""noop""")]
        public async Task DebuggingSink_Silent(string format) =>
            Assert.Equal(0, await ReportedAsync("SL1010", Writer(Unset, format)));

        [Fact]
        public async Task DebuggingSink_Twin_FileSinkReported() =>
            Assert.Equal(1, await ReportedAsync("SL1010", Writer(Unset, @"""parquet""")));

        // The format is not a constant.
        [Fact]
        public async Task FormatNotConstant_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1010", Writer(Unset, @"flag ? ""parquet"" : ""json""")));

        [Fact]
        public async Task FormatNotConstant_Twin_ConstantReported() =>
            Assert.Equal(1, await ReportedAsync("SL1010", Writer(Unset, @"""json""")));
    }
}
