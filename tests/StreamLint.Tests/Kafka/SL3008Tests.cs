using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Kafka.Rules.ProduceWithoutFlushAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Kafka
{
    public class SL3008Tests
    {
        [Fact]
        public Task ProduceInAUsingWithoutFlush_IsAWarning() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static void Send(string[] values)
                    {
                        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { EnableIdempotence = true }).Build();
                        foreach (var value in values)
                        {
                            producer.{|#0:Produce|}("events", new Message<Null, string> { Value = value });
                        }

                        producer.Produce("events", new Message<Null, string> { Value = "done" });
                    }
                }
                """,
                new DiagnosticResult("SL3008", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("producer", "using"));

        [Fact]
        public Task ProduceFollowedByFlush_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System;
                using Confluent.Kafka;

                class Sender
                {
                    static void Send(string[] values)
                    {
                        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { EnableIdempotence = true }).Build();
                        foreach (var value in values)
                        {
                            producer.Produce("events", new Message<Null, string> { Value = value });
                        }

                        producer.Flush(TimeSpan.FromSeconds(10));
                    }
                }
                """);

        [Fact]
        public Task ExplicitDispose_WithoutFlush_IsReported() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static void Send(string value)
                    {
                        var producer = new ProducerBuilder<Null, string>(new ProducerConfig()).Build();
                        producer.{|#0:Produce|}("events", new Message<Null, string> { Value = value });
                        producer.Dispose();
                    }
                }
                """,
                Verify.Diagnostic("SL3008").WithLocation(0).WithArguments("producer", "Dispose()"));

        [Fact]
        public Task CommitTransactionFlushes_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System;
                using Confluent.Kafka;

                class Sender
                {
                    static void Send(string value)
                    {
                        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { TransactionalId = "t" }).Build())
                        {
                            producer.InitTransactions(TimeSpan.FromSeconds(5));
                            producer.BeginTransaction();
                            producer.Produce("events", new Message<Null, string> { Value = value });
                            producer.CommitTransaction();
                        }
                    }
                }
                """);

        [Fact]
        public Task ProducerNeverDisposed_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    private readonly IProducer<Null, string> producer = new ProducerBuilder<Null, string>(new ProducerConfig()).Build();

                    public void Send(string value) => producer.Produce("events", new Message<Null, string> { Value = value });
                }
                """);

        [Fact]
        public Task ProducerFieldOfAService_DisposedWithoutFlush_IsReported_AndFlushInStopIsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System;
                using Confluent.Kafka;

                sealed class Sender : IDisposable
                {
                    private readonly IProducer<Null, string> producer = new ProducerBuilder<Null, string>(new ProducerConfig()).Build();

                    public void Send(string value) => producer.{|#0:Produce|}("events", new Message<Null, string> { Value = value });

                    public void Dispose() => producer.Dispose();
                }

                sealed class FlushingSender : IDisposable
                {
                    private readonly IProducer<Null, string> producer = new ProducerBuilder<Null, string>(new ProducerConfig()).Build();

                    public void Send(string value) => producer.Produce("events", new Message<Null, string> { Value = value });

                    public void Stop() => producer.Flush(TimeSpan.FromSeconds(10));

                    public void Dispose() => producer.Dispose();
                }
                """,
                Verify.Diagnostic("SL3008").WithLocation(0).WithArguments("producer", "Dispose()"));

        [Fact]
        public Task ProduceAsyncIsNotProduce_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading.Tasks;
                using Confluent.Kafka;

                class Sender
                {
                    static async Task Send(string value)
                    {
                        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig()).Build();
                        await producer.ProduceAsync("events", new Message<Null, string> { Value = value });
                    }
                }
                """);
    }
}
