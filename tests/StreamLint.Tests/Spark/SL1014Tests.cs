using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StreamLint.CodeFixes.Spark;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.InvalidKafkaOptionsAnalyzer,
    StreamLint.CodeFixes.Spark.InvalidKafkaOptionsCodeFix>;

using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    public class SL1014Tests
    {
        private const string Source = @"spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b:9092"").Option(""subscribe"", ""t"")";

        private static string Read(string options) => Usings + @"
class Job
{
    void Run(SparkSession spark, string key)
    {
        var df = " + Source + options + @".Load();
    }
}";

        [Theory]
        [InlineData("kafka.auto.offset.reset")]
        [InlineData("kafka.enable.auto.commit")]
        [InlineData("kafka.key.deserializer")]
        [InlineData("kafka.value.deserializer")]
        [InlineData("kafka.interceptor.classes")]
        [InlineData("KAFKA.AUTO.OFFSET.RESET")]
        public Task ForbiddenSourceOption_Reports(string key) =>
            Verify.VerifyAnalyzerAsync(Read($@".Option({{|SL1014:""{key}""|}}, ""x"")"));

        [Fact]
        public Task GroupId_IsAWarning() =>
            Verify.VerifyAnalyzerAsync(
                Read(@".Option({|#0:""kafka.group.id""|}, ""g"")"),
                new DiagnosticResult("SL1014", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("Option 'kafka.group.id' makes Spark's Kafka source use a fixed consumer group: two queries (or two runs) with the same group read each other's partitions and lose data; let Spark generate a unique group id"));

        [Fact]
        public Task GroupId_Spark24_IsAnError() =>
            Verify.VerifyAnalyzerAsync(
                Read(@".Option({|#0:""kafka.group.id""|}, ""g"")"),
                "streamlint.spark_version = 2.4\n",
                Libraries.Spark,
                new DiagnosticResult("SL1014", DiagnosticSeverity.Error).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("Option 'kafka.group.id' on a Kafka source: Spark before 3.0 throws: \"Kafka option 'group.id' is not supported as user-specified consumer groups are not used to track offsets.\""));

        [Fact]
        public Task EndingOffsetsOnStreamingRead_Reports_BatchRead_Silent() =>
            Verify.VerifyAnalyzerAsync(Usings + @"
class Job
{
    void Run(SparkSession spark)
    {
        var s = " + Source + @".Option({|SL1014:""endingOffsets""|}, ""latest"").Load();
        var b = spark.Read().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b:9092"").Option(""subscribe"", ""t"").Option(""endingOffsets"", ""latest"").Load();
    }
}");

        [Fact]
        public Task SubscriptionAndBootstrap_Required() =>
            Verify.VerifyAnalyzerAsync(Usings + @"
class Job
{
    void Run(SparkSession spark)
    {
        var none = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b"").{|SL1014:Load|}();
        var two = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b"").Option(""subscribe"", ""t"").Option(""assign"", ""{}"").{|SL1014:Load|}();
        var noServers = spark.ReadStream().Format(""kafka"").Option(""subscribePattern"", ""t.*"").{|SL1014:Load|}();
        var ok = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b"").Option(""subscribePattern"", ""t.*"").Load();
        var other = spark.ReadStream().Format(""socket"").Load();
    }
}");

        [Fact]
        public Task UnknownOptions_Silent() =>
            Verify.VerifyAnalyzerAsync(Usings + @"
class Job
{
    void Run(SparkSession spark, string key, System.Collections.Generic.Dictionary<string, string> conf)
    {
        var a = spark.ReadStream().Format(""kafka"").Option(key, ""b"").Load();
        var b = spark.ReadStream().Format(""kafka"").Options(conf).Load();
    }
}");

        [Fact]
        public Task Sink_ForbiddenSerializerAndBootstrap() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b"").Option({|SL1014:""kafka.value.serializer""|}, ""x"").Option(""checkpointLocation"", ""/c"").Start();
        events.WriteStream().Format(""kafka"").Option(""topic"", ""t"").{|SL1014:Start|}();
        events.WriteStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b"").Option(""topic"", ""t"").Start();"));

        [Fact]
        public Task Fix_AutoOffsetResetBecomesStartingOffsets() =>
            Verify.VerifyCodeFixAsync(
                Read(@".Option({|SL1014:""kafka.auto.offset.reset""|}, ""earliest"")"),
                Read(@".Option(""startingOffsets"", ""earliest"")"),
                InvalidKafkaOptionsCodeFix.StartingOffsetsKey);

        [Fact]
        public Task Fix_RemovesForbiddenOption() =>
            Verify.VerifyCodeFixAsync(
                Read(@".Option({|SL1014:""kafka.key.deserializer""|}, ""org.apache.kafka.common.serialization.StringDeserializer"")"),
                Read(string.Empty),
                InvalidKafkaOptionsCodeFix.RemoveOptionKey);
    }
}
