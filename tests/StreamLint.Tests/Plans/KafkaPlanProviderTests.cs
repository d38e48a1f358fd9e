using System.Linq;
using StreamLint.Core.Plans;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Plans
{
    /// <summary>The Confluent.Kafka provider's plans on representative consume loops (golden text, read by eye once).</summary>
    public class KafkaPlanProviderTests
    {
        private const string Header = "using System;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Confluent.Kafka;\n";

        internal static string Text(string source, bool diagnostics = false) =>
            PlanText.Render(Plans.Of(Libraries.Kafka, Header + source)
                .Select(p => diagnostics ? p : p.WithDiagnostics(new PlanDiagnostic[0])).ToList());

        private const string Loop = @"
public static class Worker
{
    public static void Run(CancellationToken token)
    {
        var config = new ConsumerConfig { BootstrapServers = ""localhost:9092"", GroupId = ""orders""SETTINGS };
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe(""orders"");
        while (!token.IsCancellationRequested)
        {
            var result = consumer.Consume(token);BEFORE
            Database.Save(result.Message.Value);AFTER
        }

        consumer.Close();
    }
}

public static class Database
{
    public static void Save(string value) => System.IO.File.AppendAllText(""orders.txt"", value);
}
";

        private static string LoopWith(string settings = "", string before = "", string after = "") =>
            Loop.Replace("SETTINGS", settings).Replace("BEFORE", before).Replace("AFTER", after);

        [Fact]
        public void Auto_store_and_auto_commit_is_at_most_once()
        {
            Assert.Equal("Worker.Run consume loop (kafka consume loop, Program.cs:15)\n" +
                "  source     kafka topic orders\n" +
                "  step       processing: Save (one message at a time, stateless to StreamLint)\n" +
                "  event time none\n" +
                "  sink       application code Save(…), trigger poll loop (Consume)\n" +
                "  checkpoint consumer group offsets: stored when Consume returns (enable.auto.offset.store), auto-committed in the background (enable.auto.commit)\n" +
                "  guarantee  at-most-once: offsets are auto-stored when Consume returns and auto-committed in the background, before processing finishes (enable.auto.offset.store and enable.auto.commit on)\n" +
                "\n", Text(LoopWith()));
        }

        [Fact]
        public void StoreOffset_after_processing_is_at_least_once()
        {
            Assert.Equal("Worker.Run consume loop (kafka consume loop, Program.cs:15)\n" +
                "  source     kafka topic orders\n" +
                "  step       processing: Save (one message at a time, stateless to StreamLint)\n" +
                "  event time none\n" +
                "  sink       application code Save(…), trigger poll loop (Consume)\n" +
                "  checkpoint consumer group offsets: stored with StoreOffset, auto-committed in the background (enable.auto.commit)\n" +
                "  guarantee  at-least-once: offsets are stored with StoreOffset after processing and committed in the background: a message may be processed again after a failure\n" +
                "\n", Text(LoopWith(", EnableAutoOffsetStore = false", after: "\n            consumer.StoreOffset(result);")));
        }

        [Fact]
        public void StoreOffset_before_processing_is_at_most_once()
        {
            Assert.Equal("  guarantee  at-most-once: StoreOffset at line 16 runs before processing of the message finishes", Text(LoopWith(", EnableAutoOffsetStore = false", before: "\n            consumer.StoreOffset(result);")).Split('\n').Single(l => l.Contains("guarantee")));
        }

        [Fact]
        public void Commit_after_processing_is_at_least_once_and_before_is_at_most_once()
        {
            string after = Text(LoopWith(", EnableAutoCommit = false", after: "\n            consumer.Commit(result);")).Split('\n').Single(l => l.Contains("guarantee"));
            string before = Text(LoopWith(", EnableAutoCommit = false", before: "\n            consumer.Commit(result);")).Split('\n').Single(l => l.Contains("guarantee"));
            Assert.Equal("  guarantee  at-least-once: offsets are committed with Commit after processing: a message may be processed again after a failure\n" +
                "  guarantee  at-most-once: Commit at line 16 runs before processing of the message finishes", after + "\n" + before);
        }

        [Fact]
        public void Complete_transactional_loop_is_exactly_once()
        {
            Assert.Equal("Enricher.Run consume loop (kafka consume loop, Program.cs:18)\n" +
                "  source     kafka topic raw\n" +
                "  event time none\n" +
                "  sink       kafka topic enriched, trigger poll loop (Consume)\n" +
                "  checkpoint consumer group offsets, sent with SendOffsetsToTransaction\n" +
                "  guarantee  exactly-once: consume-transform-produce in producer transactions: InitTransactions, offsets sent with SendOffsetsToTransaction, CommitTransaction/AbortTransaction, enable.auto.commit off\n" +
                "\n", Text(Transactional(abort: true)));
        }

        [Fact]
        public void Transactional_loop_without_abort_is_at_least_once()
        {
            Assert.Equal("  guarantee  at-least-once: the transactional loop is incomplete: AbortTransaction never called on the producer", Text(Transactional(abort: false)).Split('\n').Single(l => l.Contains("guarantee")));
        }

        private static string Transactional(bool abort) => @"
public static class Enricher
{
    public static void Run(CancellationToken token)
    {
        var consumerConfig = new ConsumerConfig { BootstrapServers = ""localhost:9092"", GroupId = ""enricher"", EnableAutoCommit = false, IsolationLevel = IsolationLevel.ReadCommitted };
        var producerConfig = new ProducerConfig { BootstrapServers = ""localhost:9092"", TransactionalId = ""enricher-1"" };
        using var consumer = new ConsumerBuilder<string, string>(consumerConfig).Build();
        using var producer = new ProducerBuilder<string, string>(producerConfig).Build();
        consumer.Subscribe(""raw"");
        producer.InitTransactions(TimeSpan.FromSeconds(30));
        while (!token.IsCancellationRequested)
        {
            var result = consumer.Consume(token);
            producer.BeginTransaction();
            try
            {
                producer.Produce(""enriched"", new Message<string, string> { Key = result.Message.Key, Value = result.Message.Value.ToUpperInvariant() });
                producer.SendOffsetsToTransaction(new[] { new TopicPartitionOffset(result.TopicPartition, result.Offset + 1) }, consumer.ConsumerGroupMetadata, TimeSpan.FromSeconds(30));
                producer.CommitTransaction();
            }
            catch (KafkaException)
            {
                " + (abort ? "producer.AbortTransaction();" : "throw;") + @"
            }
        }
    }
}
";

        [Fact]
        public void BackgroundService_consumer_in_a_field()
        {
            Assert.Equal("OrderWorker.ExecuteAsync consume loop (kafka consume loop, Program.cs:20)\n" +
                "  source     kafka topic orders\n" +
                "  step       processing: Handle (one message at a time, stateless to StreamLint)\n" +
                "  event time none\n" +
                "  sink       application code Handle(…), trigger poll loop (Consume)\n" +
                "  checkpoint consumer group offsets: stored with StoreOffset, auto-committed in the background (enable.auto.commit)\n" +
                "  guarantee  at-least-once: offsets are stored with StoreOffset after processing and committed in the background: a message may be processed again after a failure\n" +
                "\n", Text(@"
public sealed class OrderWorker : IDisposable
{
    private readonly IConsumer<string, string> consumer;

    public OrderWorker()
    {
        this.consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { BootstrapServers = ""localhost:9092"", GroupId = ""worker"", EnableAutoOffsetStore = false }).Build();
    }

    protected Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        this.consumer.Subscribe(""orders"");
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = this.consumer.Consume(stoppingToken);
            Handle(result.Message.Value);
            this.consumer.StoreOffset(result);
        }
    });

    private static void Handle(string value) => System.IO.File.AppendAllText(""out.txt"", value);

    public void Dispose()
    {
        this.consumer.Close();
        this.consumer.Dispose();
    }
}
"));
        }
    }
}
