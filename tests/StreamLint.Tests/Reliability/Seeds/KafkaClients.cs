// Reliability seed: Confluent.Kafka consume loops, transactional pipelines, producers and hosted-service clients,
// written so every SL3xxx rule fires and every Kafka fix applies.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;

namespace Seeds.KafkaClients
{
    public class ConsumeLoops
    {
        public void AutoStore(CancellationToken token)
        {
            var config = new ConsumerConfig { BootstrapServers = "localhost:9092", GroupId = "orders" };
            config.AutoOffsetReset = AutoOffsetReset.Earliest;
            using var consumer = new ConsumerBuilder<string, string>(config).Build();
            consumer.Subscribe("orders");
            while (!token.IsCancellationRequested)
            {
                var result = consumer.Consume(token);
                if (result.IsPartitionEOF)
                {
                    continue;
                }

                Save(result.Message.Key, result.Message.Value);
                Console.WriteLine(result.TopicPartitionOffset);
            }
        }

        public void StoreWithAutoStore(CancellationToken token)
        {
            var config = new ConsumerConfig { GroupId = "orders", EnableAutoOffsetStore = true };
            using (var consumer = new ConsumerBuilder<string, string>(config).Build())
            {
                for (int i = 0; i < 100; i++)
                {
                    var result = consumer.Consume(TimeSpan.FromSeconds(1));
                    Save(result.Message.Key, result.Message.Value);
                    consumer.StoreOffset(result);
                }
            }
        }

        public void CommitFirst(IConsumer<string, string> consumer, CancellationToken token)
        {
            while (true)
            {
                var result = consumer.Consume(token);
                consumer.Commit(result);
                var order = result.Message.Value.Trim();
                Save(result.Message.Key, order);
            }
        }

        public void CommitInFinally(IConsumer<string, string> consumer, CancellationToken token)
        {
            while (!token.IsCancellationRequested)
            {
                var result = consumer.Consume(token);
                try
                {
                    Save(result.Message.Key, result.Message.Value);
                }
                finally
                {
                    consumer.Commit(result);
                }
            }
        }

        public void Unknown(IDictionary<string, string> settings, CancellationToken token)
        {
            using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig(settings)).Build();
            try
            {
                while (true)
                {
                    var result = consumer.Consume(token);
                    Save(result.Message.Key, result.Message.Value);
                }
            }
            finally
            {
                consumer.Close();
            }
        }

        private static void Save(string key, string value) => System.IO.File.AppendAllText(key, value);
    }

    public class Transactions
    {
        public async Task Pipeline(CancellationToken token)
        {
            var consumerConfig = new ConsumerConfig { GroupId = "g", IsolationLevel = IsolationLevel.ReadUncommitted };
            var producerConfig = new ProducerConfig { TransactionalId = "tx-1", EnableIdempotence = true, Acks = Acks.Leader, MaxInFlight = 10 };
            using var consumer = new ConsumerBuilder<string, string>(consumerConfig).Build();
            using var producer = new ProducerBuilder<string, string>(producerConfig).Build();
            while (!token.IsCancellationRequested)
            {
                var result = consumer.Consume(token);
                producer.BeginTransaction();
                producer.Produce("out", new Message<string, string> { Key = result.Message.Key, Value = result.Message.Value });
                await producer.ProduceAsync("audit", result.Message, token);
                producer.SendOffsetsToTransaction(new[] { new TopicPartitionOffset(result.TopicPartition, result.Offset + 1) }, consumer.ConsumerGroupMetadata, TimeSpan.FromSeconds(10));
                producer.CommitTransaction();
            }
        }
    }

    public class Producers
    {
        public void FireAndForget(string[] values)
        {
            var config = new ProducerConfig { BootstrapServers = "localhost:9092" };
            using var producer = new ProducerBuilder<Null, string>(config).Build();
            foreach (var value in values)
            {
                producer.Produce("events", new Message<Null, string> { Value = value });
            }
        }

        public void Disposed(string value)
        {
            var shared = new ConsumerConfig { BootstrapServers = "localhost:9092", GroupId = "g" };
            var producer = new ProducerBuilder<Null, string>(shared).Build();
            producer.Produce("events", new Message<Null, string> { Value = value });
            producer.Dispose();
        }
    }

    public abstract class HostedService
    {
        protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
    }

    public sealed class OrderWorker : HostedService, IDisposable
    {
        private readonly IConsumer<string, string> consumer;
        private readonly HttpClient http = new HttpClient();

        public OrderWorker()
        {
            var config = new ConsumerConfig { BootstrapServers = "localhost:9092", GroupId = "orders" };
            this.consumer = new ConsumerBuilder<string, string>(config).Build();
        }

        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var result = this.consumer.Consume(stoppingToken);
                await this.http.PostAsync("http://billing/orders", new StringContent(result.Message.Value));
            }
        });

        public void Dispose() => this.consumer.Dispose();
    }
}
