using System;
using System.Collections.Generic;

namespace StreamLint.Benchmarks
{
    /// <summary>Confluent.Kafka consumers and producers written against the real package (2.16.0).</summary>
    internal static partial class CorpusGenerator
    {
        /// <summary>
        /// A consume–process–produce worker (a long-running service with an <c>ExecuteAsync</c> loop, manual commits or
        /// stored offsets, a producer with delivery handlers flushed on shutdown) and a batch publisher. About one part
        /// in five carries a mistake a Confluent.Kafka rule must report; each planted mistake is counted in
        /// <paramref name="planted"/> under the rule's ID.
        /// </summary>
        private static GeneratedFile KafkaFile(Random random, int index, Dictionary<string, int> planted)
        {
            var e = new Entity(random);
            string n = e.Name;
            string topic = Kebab(e.Domain) + "-" + Kebab(n);
            bool storeOffsets = random.Next(2) == 0;
            bool autoStore = random.Next(100) < 15; // the defaults: offsets stored as soon as Consume returns
            bool commitFirst = !autoStore && !storeOffsets && random.Next(100) < 15;
            bool notIdempotent = random.Next(100) < 20;
            bool notClosed = random.Next(100) < 15;
            bool noFlush = random.Next(100) < 20;

            string consumerSettings = autoStore
                ? string.Empty
                : storeOffsets
                    ? "EnableAutoOffsetStore = false,"
                    : "EnableAutoCommit = false,";
            string producerSettings = notIdempotent
                ? $"Acks = Acks.Leader, LingerMs = {random.Next(20)}"
                : $"Acks = Acks.All, EnableIdempotence = true, LingerMs = {random.Next(20)}";

            var w = new CodeWriter();
            Usings(w, "System.Text.Json", "Confluent.Kafka", "Contoso.Common");
            w.Open($"namespace Contoso.{e.Domain}.K{index}");
            EntityTypes(w, e);
            w.Block($$"""
                public sealed class {{n}}EventsWorker : IDisposable
                {
                    private readonly IConsumer<string, string> consumer;
                    private readonly IProducer<string, string> producer;
                    private readonly ILog log;
                    private readonly Dictionary<string, decimal> totals = new Dictionary<string, decimal>(StringComparer.Ordinal);

                    public {{n}}EventsWorker(string bootstrapServers, ILog log)
                    {
                        this.log = log;
                        var consumerConfig = new ConsumerConfig
                        {
                            BootstrapServers = bootstrapServers,
                            GroupId = "{{topic}}-worker",
                            AutoOffsetReset = AutoOffsetReset.Earliest,
                            {{consumerSettings}}
                        };
                        this.consumer = new ConsumerBuilder<string, string>(consumerConfig)
                            .SetErrorHandler((_, error) => log.Warn("Kafka error: " + error.Reason))
                            .SetPartitionsRevokedHandler((_, partitions) => log.Info($"Revoked {partitions.Count} partitions"))
                            .Build();
                        var producerConfig = new ProducerConfig { BootstrapServers = bootstrapServers, {{producerSettings}} };
                        this.producer = new ProducerBuilder<string, string>(producerConfig).Build();
                    }

                    public Task StartAsync(CancellationToken cancellationToken) =>
                        Task.Factory.StartNew(() => this.ExecuteAsync(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

                    private async Task ExecuteAsync(CancellationToken cancellationToken)
                    {
                        await Task.Yield();
                        this.consumer.Subscribe("{{topic}}");
                        try
                        {
                            while (!cancellationToken.IsCancellationRequested)
                            {
                                ConsumeResult<string, string> result;
                                try
                                {
                                    result = this.consumer.Consume(cancellationToken);
                                }
                                catch (ConsumeException ex) when (!ex.Error.IsFatal)
                                {
                                    this.log.Warn($"Skipping a record of {{topic}}: {ex.Error.Reason}");
                                    continue;
                                }

                """);
            if (notIdempotent)
            {
                Plant(planted, "SL3007");
            }

            if (commitFirst)
            {
                w.Line("                this.consumer.Commit(result);");
                Plant(planted, "SL3003");
            }

            if (autoStore)
            {
                Plant(planted, "SL3001");
            }

            w.Block($$"""
                                {{n}}Dto? dto = JsonSerializer.Deserialize<{{n}}Dto>(result.Message.Value);
                                if (dto is null)
                                {
                                    this.log.Warn($"Empty payload at {result.Topic}/{result.Partition}@{result.Offset}");
                                    continue;
                                }

                                this.totals.TryGetValue(dto.Region, out decimal current);
                                this.totals[dto.Region] = current + dto.Amount;
                                var summary = new { dto.Region, Total = this.totals[dto.Region], At = DateTimeOffset.UtcNow };
                                this.producer.Produce(
                                    "{{topic}}-totals",
                                    new Message<string, string> { Key = dto.Region, Value = JsonSerializer.Serialize(summary) },
                                    report =>
                                    {
                                        if (report.Error.IsError)
                                        {
                                            this.log.Warn($"Delivery to {report.TopicPartition} failed: {report.Error.Reason}");
                                        }
                                    });
                """);
            if (storeOffsets && !autoStore)
            {
                w.Line("                this.consumer.StoreOffset(result);");
            }
            else if (!autoStore && !commitFirst)
            {
                w.Line("                this.consumer.Commit(result);");
            }

            w.Block("""
                            }
                        }
                        catch (OperationCanceledException)
                        {
                            this.log.Info("worker stopping");
                        }
                """);
            if (notClosed)
            {
                Plant(planted, "SL3010");
            }
            else
            {
                w.Block("""
                            finally
                            {
                                this.consumer.Close();
                            }
                    """);
            }

            w.Block($$"""
                    }

                    public void Dispose()
                    {
                        this.producer.Flush(TimeSpan.FromSeconds({{1 + random.Next(30)}}));
                        this.producer.Dispose();
                        this.consumer.Dispose();
                    }
                }

                public static class {{n}}Publisher
                {
                    public static int Publish(string bootstrapServers, IEnumerable<{{n}}Dto> items, ILog log)
                    {
                        var config = new ProducerConfig
                        {
                            BootstrapServers = bootstrapServers,
                            EnableIdempotence = true,
                            CompressionType = CompressionType.{{Pick(random, new[] { "Lz4", "Zstd", "Snappy" })}},
                            BatchSize = {{16384 << random.Next(4)}},
                        };
                        int sent = 0;
                        using (IProducer<string, string> producer = new ProducerBuilder<string, string>(config).Build())
                        {
                            foreach ({{n}}Dto item in items)
                            {
                                producer.Produce("{{topic}}", new Message<string, string> { Key = item.Id.ToString(), Value = JsonSerializer.Serialize(item) });
                                sent++;
                            }

                """);
            if (noFlush)
            {
                Plant(planted, "SL3008");
            }
            else
            {
                w.Line("            producer.Flush(TimeSpan.FromSeconds(10));");
            }

            w.Block("""
                        }

                        log.Info($"Published {sent} records");
                        return sent;
                    }
                }
                """);
            w.Close();
            return Finish(w, $"{e.Domain}/K{index}/{n}EventsWorker.cs", FileKind.Kafka);
        }
    }
}
