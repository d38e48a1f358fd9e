using System.Threading.Tasks;
using StreamLint.Tests.Infrastructure;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.AppendAggregationWithoutWatermarkAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Kafka
{
    /// <summary>The harness compiles test code against the real Confluent.Kafka package.</summary>
    public class KafkaHarnessTests
    {
        [Fact]
        public Task ConsumeLoop_CompilesAgainstTheRealPackage_AndSparkRulesStaySilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { BootstrapServers = "localhost:9092", GroupId = "g", EnableAutoOffsetStore = false };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        consumer.Subscribe("orders");
                        while (!token.IsCancellationRequested)
                        {
                            ConsumeResult<string, string> result = consumer.Consume(token);
                            consumer.StoreOffset(result);
                        }

                        consumer.Close();
                    }
                }
                """,
                editorConfig: null,
                Libraries.Kafka);
    }
}
