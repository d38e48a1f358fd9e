using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Kafka.Rules.AwaitProduceAsyncInLoopAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Kafka
{
    public class SL3009Tests
    {
        [Fact]
        public Task AwaitedProduceAsyncInAConsumeLoop_IsInfo() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading;
                using System.Threading.Tasks;
                using Confluent.Kafka;

                class Relay
                {
                    static async Task Run(IConsumer<string, string> consumer, IProducer<string, string> producer, CancellationToken token)
                    {
                        while (!token.IsCancellationRequested)
                        {
                            var result = consumer.Consume(token);
                            await producer.{|#0:ProduceAsync|}("out", result.Message).ConfigureAwait(false);
                        }
                    }
                }
                """,
                new DiagnosticResult("SL3009", DiagnosticSeverity.Info).WithLocation(0));

        [Fact]
        public Task ProduceAsyncCollectedAndAwaitedTogether_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Confluent.Kafka;

                class Relay
                {
                    static async Task Run(IConsumer<string, string> consumer, IProducer<string, string> producer, CancellationToken token)
                    {
                        var pending = new List<Task<DeliveryResult<string, string>>>();
                        while (!token.IsCancellationRequested)
                        {
                            var result = consumer.Consume(token);
                            pending.Add(producer.ProduceAsync("out", result.Message));
                        }

                        await Task.WhenAll(pending);
                    }
                }
                """);

        [Fact]
        public Task AwaitedProduceAsyncInALoopWithoutConsume_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading.Tasks;
                using Confluent.Kafka;

                class Sender
                {
                    static async Task Run(IProducer<string, string> producer, string[] values)
                    {
                        foreach (var value in values)
                        {
                            await producer.ProduceAsync("out", new Message<string, string> { Value = value });
                        }
                    }
                }
                """);
    }
}
