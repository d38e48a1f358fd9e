using System;
using System.IO;
using System.Threading;
using Confluent.Kafka;

// An order consumer: reads orders, appends them to a ledger file and forwards them to the "billing" topic.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

OrderPipeline.Run(cancellation.Token);
AuditReplay.Run(cancellation.Token);

static class OrderPipeline
{
    public static void Run(CancellationToken token)
    {
        var consumerConfig = new ConsumerConfig
        {
            BootstrapServers = "localhost:9092",
            GroupId = "order-ledger",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };

        var producerConfig = new ProducerConfig { BootstrapServers = "localhost:9092", LingerMs = 5 };

        using var consumer = new ConsumerBuilder<string, string>(consumerConfig).Build();  // SL3010
        using var producer = new ProducerBuilder<string, string>(producerConfig).Build();  // SL3007
        consumer.Subscribe("orders");
        while (!token.IsCancellationRequested)
        {
            ConsumeResult<string, string> result = consumer.Consume(token);                 // SL3001
            Console.WriteLine($"order {result.Message.Key} at {result.TopicPartitionOffset}");
            File.AppendAllText("ledger.csv", result.Message.Key + "," + result.Message.Value + Environment.NewLine);
            producer.Produce("billing", new Message<string, string> { Key = result.Message.Key, Value = result.Message.Value });  // SL3008
        }
    }
}

static class AuditReplay
{
    public static void Run(CancellationToken token)
    {
        var config = new ConsumerConfig { BootstrapServers = "localhost:9092", GroupId = "audit", EnableAutoCommit = false };
        var consumer = new ConsumerBuilder<string, string>(config).Build();
        try
        {
            consumer.Subscribe("orders");
            while (!token.IsCancellationRequested)
            {
                var result = consumer.Consume(token);
                consumer.Commit(result);                                                        // SL3003
                File.AppendAllText("audit.log", result.Message.Value + Environment.NewLine);
                consumer.StoreOffset(result);                                                   // SL3002
            }
        }
        finally
        {
            consumer.Close();
            consumer.Dispose();
        }
    }
}
