using System.Threading.Tasks;
using StreamLint.Tests.Infrastructure;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.AppendAggregationWithoutWatermarkAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Streamiz
{
    /// <summary>The harness compiles test code against the real Streamiz.Kafka.Net package.</summary>
    public class StreamizHarnessTests
    {
        [Fact]
        public Task Topology_CompilesAgainstTheRealPackage_AndSparkRulesStaySilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Streamiz.Kafka.Net;
                using Streamiz.Kafka.Net.SerDes;
                using Streamiz.Kafka.Net.Stream;
                using Streamiz.Kafka.Net.Table;

                class Topology
                {
                    static void Build()
                    {
                        var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = "clicks", BootstrapServers = "localhost:9092" };
                        var builder = new StreamBuilder();
                        builder.Stream<string, string>("clicks")
                            .GroupByKey()
                            .WindowedBy(TumblingWindowOptions.Of(60_000))
                            .Count()
                            .ToStream()
                            .Foreach((key, count, context) => { });
                        var stream = new KafkaStream(builder.Build(), config);
                    }
                }
                """,
                editorConfig: null,
                Libraries.Streamiz);
    }
}
