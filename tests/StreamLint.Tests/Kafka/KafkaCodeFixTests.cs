using System.Threading.Tasks;
using StreamLint.CodeFixes.Kafka;
using StreamLint.Kafka.Rules;
using Xunit;

namespace StreamLint.Tests.Kafka
{
    /// <summary>Each Confluent.Kafka fix, applied one diagnostic at a time and as Fix All; the fixed code compiles against the real package.</summary>
    public class KafkaCodeFixTests
    {
        [Fact]
        public Task SL3001_DisablesAutoStore_AndStoresAfterTheProcessing() =>
            Infrastructure.Verifier<AutoOffsetStoreBeforeProcessingAnalyzer, AutoOffsetStoreBeforeProcessingCodeFix>.VerifyCodeFixAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { GroupId = "orders" };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (!token.IsCancellationRequested)
                        {
                            var result = consumer.{|SL3001:Consume|}(token);
                            Save(result.Message.Value);
                            System.Console.WriteLine("saved");
                        }
                    }

                    static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """,
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { GroupId = "orders", EnableAutoOffsetStore = false };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (!token.IsCancellationRequested)
                        {
                            var result = consumer.Consume(token);
                            Save(result.Message.Value);
                            consumer.StoreOffset(result);
                            System.Console.WriteLine("saved");
                        }
                    }

                    static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """,
                AutoOffsetStoreBeforeProcessingCodeFix.EquivalenceKey);

        [Fact]
        public Task SL3002_DisablesAutoStore_ReplacingAnExplicitTrue() =>
            Infrastructure.Verifier<StoreOffsetWithAutoStoreAnalyzer, StoreOffsetWithAutoStoreCodeFix>.VerifyCodeFixAsync(
                """
                using Confluent.Kafka;

                class Worker
                {
                    static void Run()
                    {
                        var config = new ConsumerConfig { GroupId = "orders" };
                        config.EnableAutoOffsetStore = true;
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        var result = consumer.Consume(1000);
                        consumer.{|SL3002:StoreOffset|}(result);
                        consumer.{|SL3002:StoreOffset|}(result);
                    }
                }
                """,
                """
                using Confluent.Kafka;

                class Worker
                {
                    static void Run()
                    {
                        var config = new ConsumerConfig { GroupId = "orders" };
                        config.EnableAutoOffsetStore = false;
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        var result = consumer.Consume(1000);
                        consumer.StoreOffset(result);
                        consumer.StoreOffset(result);
                    }
                }
                """,
                StoreOffsetWithAutoStoreCodeFix.EquivalenceKey);

        [Fact]
        public Task SL3002_AddsThePropertyToAnEmptyCreation() =>
            Infrastructure.Verifier<StoreOffsetWithAutoStoreAnalyzer, StoreOffsetWithAutoStoreCodeFix>.VerifyCodeFixAsync(
                """
                using Confluent.Kafka;

                class Worker
                {
                    static void Run()
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig()).Build();
                        consumer.{|SL3002:StoreOffset|}(consumer.Consume(1000));
                    }
                }
                """,
                """
                using Confluent.Kafka;

                class Worker
                {
                    static void Run()
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig() { EnableAutoOffsetStore = false }).Build();
                        consumer.StoreOffset(consumer.Consume(1000));
                    }
                }
                """,
                StoreOffsetWithAutoStoreCodeFix.EquivalenceKey);

        [Fact]
        public Task SL3003_MovesTheCommitAfterTheProcessing() =>
            Infrastructure.Verifier<CommitBeforeProcessingAnalyzer, CommitBeforeProcessingCodeFix>.VerifyCodeFixAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(IConsumer<string, string> consumer, CancellationToken token)
                    {
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            consumer.{|SL3003:Commit|}(result);
                            var order = result.Message.Value.Trim();
                            Save(order);
                        }
                    }

                    static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """,
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(IConsumer<string, string> consumer, CancellationToken token)
                    {
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            var order = result.Message.Value.Trim();
                            Save(order);
                            consumer.Commit(result);
                        }
                    }

                    static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """,
                CommitBeforeProcessingCodeFix.EquivalenceKey);

        [Fact]
        public Task SL3004_TurnsOffTheConsumersAutoCommit() =>
            Infrastructure.Verifier<IncompleteTransactionalLoopAnalyzer, IncompleteTransactionalLoopCodeFix>.VerifyCodeFixAsync(
                """
                using System;
                using Confluent.Kafka;

                class Pipeline
                {
                    static void Run(IProducer<string, string> producer)
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g" }).Build();
                        var result = consumer.Consume(1000);
                        producer.{|SL3004:SendOffsetsToTransaction|}(new[] { result.TopicPartitionOffset }, consumer.ConsumerGroupMetadata, TimeSpan.FromSeconds(5));
                    }
                }
                """,
                """
                using System;
                using Confluent.Kafka;

                class Pipeline
                {
                    static void Run(IProducer<string, string> producer)
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g", EnableAutoCommit = false }).Build();
                        var result = consumer.Consume(1000);
                        producer.SendOffsetsToTransaction(new[] { result.TopicPartitionOffset }, consumer.ConsumerGroupMetadata, TimeSpan.FromSeconds(5));
                    }
                }
                """,
                IncompleteTransactionalLoopCodeFix.EquivalenceKey);

        [Fact]
        public Task SL3005_RemovesReadUncommitted() =>
            Infrastructure.Verifier<ReadUncommittedInTransactionalPipelineAnalyzer, ReadUncommittedInTransactionalPipelineCodeFix>.VerifyCodeFixAsync(
                """
                using System;
                using Confluent.Kafka;

                class Pipeline
                {
                    static void Run(IProducer<string, string> producer)
                    {
                        var config = new ConsumerConfig { GroupId = "g", EnableAutoCommit = false, {|SL3005:IsolationLevel = IsolationLevel.ReadUncommitted|} };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        var result = consumer.Consume(1000);
                        producer.SendOffsetsToTransaction(new[] { result.TopicPartitionOffset }, consumer.ConsumerGroupMetadata, TimeSpan.FromSeconds(5));
                    }
                }
                """,
                """
                using System;
                using Confluent.Kafka;

                class Pipeline
                {
                    static void Run(IProducer<string, string> producer)
                    {
                        var config = new ConsumerConfig { GroupId = "g", EnableAutoCommit = false };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        var result = consumer.Consume(1000);
                        producer.SendOffsetsToTransaction(new[] { result.TopicPartitionOffset }, consumer.ConsumerGroupMetadata, TimeSpan.FromSeconds(5));
                    }
                }
                """,
                ReadUncommittedInTransactionalPipelineCodeFix.EquivalenceKey);

        [Fact]
        public Task SL3006_SetsTheCompatibleValues() =>
            Infrastructure.Verifier<IdempotenceConflictAnalyzer, IdempotenceConflictCodeFix>.VerifyCodeFixAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> Create() =>
                        new ProducerBuilder<string, string>(new ProducerConfig { EnableIdempotence = true, {|SL3006:Acks = Acks.Leader|}, {|SL3006:MaxInFlight = 20|}, {|SL3006:MessageSendMaxRetries = 0|} }).Build();
                }
                """,
                """
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> Create() =>
                        new ProducerBuilder<string, string>(new ProducerConfig { EnableIdempotence = true, Acks = Acks.All, MaxInFlight = 5, MessageSendMaxRetries = int.MaxValue }).Build();
                }
                """,
                IdempotenceConflictCodeFix.EquivalenceKey);

        [Fact]
        public Task SL3007_EnablesIdempotence() =>
            Infrastructure.Verifier<NonIdempotentProducerAnalyzer, NonIdempotentProducerCodeFix>.VerifyCodeFixAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> Create()
                    {
                        var config = new ProducerConfig { BootstrapServers = "localhost:9092" };
                        return new {|SL3007:ProducerBuilder<string, string>|}(config).Build();
                    }

                    static IProducer<string, string> Explicit() =>
                        new {|SL3007:ProducerBuilder<string, string>|}(new ProducerConfig { EnableIdempotence = false }).Build();
                }
                """,
                """
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> Create()
                    {
                        var config = new ProducerConfig { BootstrapServers = "localhost:9092", EnableIdempotence = true };
                        return new ProducerBuilder<string, string>(config).Build();
                    }

                    static IProducer<string, string> Explicit() =>
                        new ProducerBuilder<string, string>(new ProducerConfig { EnableIdempotence = true }).Build();
                }
                """,
                NonIdempotentProducerCodeFix.EquivalenceKey);

        [Fact]
        public Task SL3008_FlushesBeforeTheLifetimeEnds() =>
            Infrastructure.Verifier<ProduceWithoutFlushAnalyzer, ProduceWithoutFlushCodeFix>.VerifyCodeFixAsync(
                """
                using System;
                using Confluent.Kafka;

                class Sender
                {
                    static void Declaration(string[] values)
                    {
                        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { EnableIdempotence = true }).Build();
                        foreach (var value in values)
                        {
                            producer.{|SL3008:Produce|}("events", new Message<Null, string> { Value = value });
                        }
                    }

                    static void Statement(string value)
                    {
                        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { EnableIdempotence = true }).Build())
                        {
                            producer.{|SL3008:Produce|}("events", new Message<Null, string> { Value = value });
                        }
                    }

                    static void Dispose(string value)
                    {
                        var producer = new ProducerBuilder<Null, string>(new ProducerConfig { EnableIdempotence = true }).Build();
                        producer.{|SL3008:Produce|}("events", new Message<Null, string> { Value = value });
                        producer.Dispose();
                    }
                }
                """,
                """
                using System;
                using Confluent.Kafka;

                class Sender
                {
                    static void Declaration(string[] values)
                    {
                        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { EnableIdempotence = true }).Build();
                        foreach (var value in values)
                        {
                            producer.Produce("events", new Message<Null, string> { Value = value });
                        }
                        producer.Flush(TimeSpan.FromSeconds(10));
                    }

                    static void Statement(string value)
                    {
                        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { EnableIdempotence = true }).Build())
                        {
                            producer.Produce("events", new Message<Null, string> { Value = value });
                            producer.Flush(TimeSpan.FromSeconds(10));
                        }
                    }

                    static void Dispose(string value)
                    {
                        var producer = new ProducerBuilder<Null, string>(new ProducerConfig { EnableIdempotence = true }).Build();
                        producer.Produce("events", new Message<Null, string> { Value = value });
                        producer.Flush(TimeSpan.FromSeconds(10));
                        producer.Dispose();
                    }
                }
                """,
                ProduceWithoutFlushCodeFix.EquivalenceKey);

        [Fact]
        public Task SL3010_ClosesInFinally() =>
            Infrastructure.Verifier<ConsumerNotClosedAnalyzer, ConsumerNotClosedCodeFix>.VerifyCodeFixAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        using var {|SL3010:consumer|} = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g" }).Build();
                        consumer.Subscribe("orders");
                        while (!token.IsCancellationRequested)
                        {
                            var result = consumer.Consume(token);
                        }
                    }

                    static void Once()
                    {
                        using (var {|SL3010:consumer|} = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g" }).Build())
                        {
                            consumer.Consume(100);
                        }
                    }
                }
                """,
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g" }).Build();
                        try
                        {
                            consumer.Subscribe("orders");
                            while (!token.IsCancellationRequested)
                            {
                                var result = consumer.Consume(token);
                            }
                        }
                        finally
                        {
                            consumer.Close();
                        }
                    }

                    static void Once()
                    {
                        using (var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g" }).Build())
                        {
                            try
                            {
                                consumer.Consume(100);
                            }
                            finally
                            {
                                consumer.Close();
                            }
                        }
                    }
                }
                """,
                ConsumerNotClosedCodeFix.EquivalenceKey);
    }
}
