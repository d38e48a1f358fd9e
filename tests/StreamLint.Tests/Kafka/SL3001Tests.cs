using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Kafka.Rules.AutoOffsetStoreBeforeProcessingAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Kafka
{
    public class SL3001Tests
    {
        [Fact]
        public Task DefaultConfig_ProcessingAfterConsume_IsAWarning() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { BootstrapServers = "localhost:9092", GroupId = "orders" };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        consumer.Subscribe("orders");
                        while (!token.IsCancellationRequested)
                        {
                            var result = consumer.{|#0:Consume|}(token);
                            Save(result.Message.Value);
                        }

                        consumer.Close();
                    }

                    static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """,
                new DiagnosticResult("SL3001", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("consumer", " (the default)"));

        [Fact]
        public Task AutoOffsetStoreOff_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { BootstrapServers = "localhost:9092", GroupId = "orders", EnableAutoOffsetStore = false };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (!token.IsCancellationRequested)
                        {
                            var result = consumer.Consume(token);
                            Save(result.Message.Value);
                        }

                        consumer.Close();
                    }

                    static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """);

        [Fact]
        public Task AutoCommitOff_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { GroupId = "orders", EnableAutoCommit = false };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (!token.IsCancellationRequested)
                        {
                            var result = consumer.Consume(token);
                            Save(result.Message.Value);
                            consumer.Commit(result);
                        }
                    }

                    static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """);

        [Fact]
        public Task ExplicitTrue_SetInALaterStatement_IsReported() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig();
                        config.BootstrapServers = "localhost:9092";
                        config.GroupId = "orders";
                        config.EnableAutoOffsetStore = true;
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (true)
                        {
                            var result = consumer.{|#0:Consume|}(token);
                            Save(result.Message.Value);
                        }
                    }

                    static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """,
                Verify.Diagnostic("SL3001").WithLocation(0).WithArguments("consumer", ""));

        [Fact]
        public Task AutoOffsetStoreOff_SetInALaterStatement_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig();
                        config.GroupId = "orders";
                        config.EnableAutoOffsetStore = false;
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            Save(result.Message.Value);
                        }
                    }

                    static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """);

        [Fact]
        public Task AutoOffsetStoreOff_OnlyInABranch_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token, bool safe)
                    {
                        var config = new ConsumerConfig { GroupId = "orders" };
                        if (safe)
                        {
                            config.EnableAutoOffsetStore = false;
                        }

                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            Save(result.Message.Value);
                        }
                    }

                    static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """);

        [Fact]
        public Task ConfigFromDictionary_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Collections.Generic;
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token, IDictionary<string, string> settings)
                    {
                        var config = new ConsumerConfig(settings);
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            Save(result.Message.Value);
                        }
                    }

                    static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """);

        [Fact]
        public Task OnlyLoggingAfterConsume_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System;
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { GroupId = "orders" };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            Console.WriteLine($"{result.Message.Key}: {result.Message.Value.ToUpperInvariant()}");
                            Log(result);
                            Thread.Sleep(100);
                        }
                    }

                    static void Log(ConsumeResult<string, string> result) => Console.WriteLine(result.Offset);
                }
                """);

        [Fact]
        public Task ProcessingInAHelperThatReceivesTheResult_IsReported() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System;
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { GroupId = "orders" };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (true)
                        {
                            var result = consumer.{|#0:Consume|}(token);
                            Handle(result);
                        }
                    }

                    static void Handle(ConsumeResult<string, string> result)
                    {
                        Console.WriteLine(result.Offset);
                        var order = result.Message.Value.Trim();
                        Store(order);
                    }

                    static void Store(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """,
                Verify.Diagnostic("SL3001").WithLocation(0));

        [Fact]
        public Task ConsumerCallingStoreOffset_IsLeftToSL3002() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { GroupId = "orders" };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            Save(result.Message.Value);
                            consumer.StoreOffset(result);
                        }
                    }

                    static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """);

        [Fact]
        public Task ConsumeOutsideALoop_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { GroupId = "orders" };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        var result = consumer.Consume(token);
                        Save(result.Message.Value);
                    }

                    static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);
                }
                """);

        [Fact]
        public Task ConsumerInABackgroundServiceField_ConfiguredInTheConstructor_IsReported() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Confluent.Kafka;

                abstract class BackgroundService
                {
                    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
                }

                sealed class OrderWorker : BackgroundService, IDisposable
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
                        consumer.Subscribe("orders");
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            var result = consumer.{|#0:Consume|}(stoppingToken);
                            await http.PostAsync("http://billing/orders", new StringContent(result.Message.Value));
                        }
                    });

                    public void Dispose()
                    {
                        consumer.Close();
                        consumer.Dispose();
                    }
                }
                """,
                Verify.Diagnostic("SL3001").WithLocation(0).WithArguments("consumer", " (the default)"));

        [Fact]
        public Task ConsumerInABackgroundServiceField_FromAnInjectedConfig_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Confluent.Kafka;

                abstract class BackgroundService
                {
                    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
                }

                sealed class OrderWorker : BackgroundService
                {
                    private readonly IConsumer<string, string> consumer;
                    private readonly HttpClient http = new HttpClient();

                    public OrderWorker(ConsumerConfig config)
                    {
                        this.consumer = new ConsumerBuilder<string, string>(config).Build();
                    }

                    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
                    {
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            var result = consumer.Consume(stoppingToken);
                            await http.PostAsync("http://billing/orders", new StringContent(result.Message.Value));
                        }
                    });
                }
                """);

        [Fact]
        public Task ConfigFromASameCompilationHelper_IsFollowed() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static ConsumerConfig CreateConfig()
                    {
                        var config = new ConsumerConfig { GroupId = "orders" };
                        config.BootstrapServers = "localhost:9092";
                        return config;
                    }

                    static void Run(CancellationToken token)
                    {
                        using var consumer = new ConsumerBuilder<string, string>(CreateConfig()).SetErrorHandler((_, e) => { }).Build();
                        for (;;)
                        {
                            ConsumeResult<string, string> result = consumer.{|#0:Consume|}(token);
                            Save(result.Message.Key, result.Message.Value);
                        }
                    }

                    static void Save(string key, string order) => System.IO.File.WriteAllText(key, order);
                }
                """,
                Verify.Diagnostic("SL3001").WithLocation(0));

        [Fact]
        public Task IdempotentUpsert_IsStillReported_AndSuppressedWithAPragma() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Collections.Concurrent;
                using System.Threading;
                using Confluent.Kafka;

                class Projection
                {
                    private static readonly ConcurrentDictionary<string, string> Latest = new ConcurrentDictionary<string, string>();

                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { GroupId = "projection" };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (true)
                        {
                            var result = consumer.{|#0:Consume|}(token);
                            Latest[result.Message.Key] = result.Message.Value;
                            Upsert(result.Message.Key, result.Message.Value);
                        }
                    }

                    static void RunAccepted(CancellationToken token)
                    {
                        var config = new ConsumerConfig { GroupId = "projection" };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (true)
                        {
                #pragma warning disable SL3001 // last-value projection: a skipped update is overwritten by the next one
                            var result = consumer.Consume(token);
                #pragma warning restore SL3001
                            Upsert(result.Message.Key, result.Message.Value);
                        }
                    }

                    static void Upsert(string key, string value) => Latest.AddOrUpdate(key, value, (_, _) => value);
                }
                """,
                Verify.Diagnostic("SL3001").WithLocation(0));
    }
}
