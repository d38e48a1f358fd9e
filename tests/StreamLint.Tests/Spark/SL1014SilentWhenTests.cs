using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1014.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1014SilentWhenTests
    {
        private const string Members = "    static void Keep(DataStreamReader reader) { }";

        private static string Reader(string format, string key = @"""kafka.auto.offset.reset""") =>
            $@"        spark.ReadStream().Format({format}).Option(""kafka.bootstrap.servers"", ""b:9092"").Option(""subscribe"", ""t"").Option({key}, ""earliest"").Load();";

        // The format is not a constant, or is not kafka.
        [Theory]
        [InlineData(@"flag ? ""kafka"" : ""json""")]
        [InlineData(@"""json""")]
        public async Task FormatNotConstantOrNotKafka_Silent(string format) =>
            Assert.Equal(0, await ReportedAsync("SL1014", Reader(format)));

        [Fact]
        public async Task FormatNotConstantOrNotKafka_Twin_KafkaReported() =>
            Assert.Equal(1, await ReportedAsync("SL1014", Reader(@"""kafka""")));

        // The reader escapes: it is passed to a method.
        [Fact]
        public async Task ReaderEscapes_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1014", @"        var reader = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b:9092"").Option(""subscribe"", ""t"").Option(""kafka.auto.offset.reset"", ""earliest"");
        Keep(reader);
        reader.Load();", Members));

        [Fact]
        public async Task ReaderEscapes_Twin_LocalReported() =>
            Assert.Equal(1, await ReportedAsync("SL1014", @"        var reader = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b:9092"").Option(""subscribe"", ""t"").Option(""kafka.auto.offset.reset"", ""earliest"");
        reader.Load();", Members));

        // An option key is not a constant: that option is not checked.
        [Fact]
        public async Task OptionKeyNotConstant_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1014", @"        string key = flag ? ""kafka.auto.offset.reset"" : ""kafka.client.id"";
" + Reader(@"""kafka""", "key")));

        [Fact]
        public async Task OptionKeyNotConstant_Twin_ConstantKeyReported() =>
            Assert.Equal(1, await ReportedAsync("SL1014", @"        const string key = ""kafka.auto.offset.reset"";
" + Reader(@"""kafka""", "key")));
    }
}
