using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Kafka.Rules.IncompleteTransactionalLoopAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Kafka
{
    public class SL3004Tests
    {
        private const string Complete = """
            using System;
            using System.Threading;
            using Confluent.Kafka;

            class Pipeline
            {
                static void Run(CancellationToken token)
                {
                    var consumerConfig = new ConsumerConfig { GroupId = "g", EnableAutoCommit = false };
                    var producerConfig = new ProducerConfig { TransactionalId = "tx-1" };
                    using var consumer = new ConsumerBuilder<string, string>(consumerConfig).Build();
                    using var producer = new ProducerBuilder<string, string>(producerConfig).Build();
                    producer.InitTransactions(TimeSpan.FromSeconds(30));
                    while (!token.IsCancellationRequested)
                    {
                        var result = consumer.Consume(token);
                        producer.BeginTransaction();
                        try
                        {
                            producer.Produce("out", new Message<string, string> { Key = result.Message.Key, Value = result.Message.Value });
                            producer.SendOffsetsToTransaction(new[] { new TopicPartitionOffset(result.TopicPartition, result.Offset + 1) }, consumer.ConsumerGroupMetadata, TimeSpan.FromSeconds(10));
                            producer.CommitTransaction();
                        }
                        catch (KafkaException)
                        {
                            producer.AbortTransaction();
                        }
                    }
                }
            }
            """;

        [Fact]
        public Task CompleteLoop_IsSilent() => Verify.VerifyAnalyzerAsync(Complete);

        [Fact]
        public Task MissingInitTransactions_IsAnError() =>
            Verify.VerifyAnalyzerAsync(
                Complete.Replace("producer.InitTransactions(TimeSpan.FromSeconds(30));", string.Empty)
                    .Replace("producer.BeginTransaction();", "producer.{|#0:BeginTransaction|}();"),
                new DiagnosticResult("SL3004", DiagnosticSeverity.Error).WithLocation(0)
                    .WithArguments("Producer 'producer' begins a transaction but InitTransactions is never called on it: BeginTransaction throws until transactions are initialised (and a producer without transactional.id cannot have them)"));

        [Fact]
        public Task ConsumerAutoCommitStillOn_IsReportedAtSendOffsets() =>
            Verify.VerifyAnalyzerAsync(
                Complete.Replace("EnableAutoCommit = false", "EnableAutoOffsetStore = false")
                    .Replace("producer.SendOffsetsToTransaction(", "producer.{|#0:SendOffsetsToTransaction|}("),
                Verify.Diagnostic("SL3004").WithLocation(0)
                    .WithArguments("Consumer 'consumer' sends its offsets to the producer transaction but keeps enable.auto.commit at true (the default): offsets are also committed outside the transaction"));

        [Fact]
        public Task ConsumerAutoCommitUnknown_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                Complete.Replace("EnableAutoCommit = false", "EnableAutoCommit = token.CanBeCanceled"));

        [Fact]
        public Task NoSendOffsetsInAConsumeLoop_IsReported() =>
            Verify.VerifyAnalyzerAsync(
                Complete.Replace("producer.SendOffsetsToTransaction(new[] { new TopicPartitionOffset(result.TopicPartition, result.Offset + 1) }, consumer.ConsumerGroupMetadata, TimeSpan.FromSeconds(10));", "consumer.Commit(result);")
                    .Replace("producer.CommitTransaction();", "producer.{|#0:CommitTransaction|}();"),
                Verify.Diagnostic("SL3004").WithLocation(0)
                    .WithArguments("Producer 'producer' commits transactions in a consume loop but the consumer's offsets are never sent with SendOffsetsToTransaction: they are committed outside the transaction (duplicates or loss after a failure)"));

        [Fact]
        public Task NoAbortTransaction_IsReported() =>
            Verify.VerifyAnalyzerAsync(
                Complete.Replace("producer.AbortTransaction();", "throw;")
                    .Replace("producer.CommitTransaction();", "producer.{|#0:CommitTransaction|}();"),
                Verify.Diagnostic("SL3004").WithLocation(0)
                    .WithArguments("Producer 'producer' commits transactions but AbortTransaction is never called on it: a failed transaction is never aborted and the producer cannot begin the next one"));

        [Fact]
        public Task TransactionalProducerInAHostedService_InitialisedInAnotherMember_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System;
                using System.Threading;
                using Confluent.Kafka;

                sealed class Relay
                {
                    private readonly IProducer<string, string> producer;

                    public Relay()
                    {
                        producer = new ProducerBuilder<string, string>(new ProducerConfig { TransactionalId = "relay" }).Build();
                    }

                    public void Start() => producer.InitTransactions(TimeSpan.FromSeconds(30));

                    public void Send(string value)
                    {
                        producer.BeginTransaction();
                        try
                        {
                            producer.Produce("out", new Message<string, string> { Value = value });
                            producer.CommitTransaction();
                        }
                        catch
                        {
                            producer.AbortTransaction();
                            throw;
                        }
                    }
                }
                """);

        [Fact]
        public Task TransactionalProducerInAHostedService_NeverInitialised_IsReported() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System;
                using System.Threading;
                using Confluent.Kafka;

                sealed class Relay
                {
                    private readonly IProducer<string, string> producer;

                    public Relay()
                    {
                        producer = new ProducerBuilder<string, string>(new ProducerConfig { TransactionalId = "relay" }).Build();
                    }

                    public void Send(string value)
                    {
                        producer.{|#0:BeginTransaction|}();
                        try
                        {
                            producer.Produce("out", new Message<string, string> { Value = value });
                            producer.CommitTransaction();
                        }
                        catch
                        {
                            producer.AbortTransaction();
                            throw;
                        }
                    }
                }
                """,
                Verify.Diagnostic("SL3004").WithLocation(0));
    }
}
