using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Kafka.Rules.StoreOffsetWithAutoStoreAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Kafka
{
    public class SL3002Tests
    {
        [Fact]
        public Task StoreOffset_WithDefaultAutoStore_IsAnError() =>
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
                            consumer.{|#0:StoreOffset|}(result);
                        }
                    }
                }
                """,
                new DiagnosticResult("SL3002", DiagnosticSeverity.Error).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("consumer", "true (the default)"));

        [Fact]
        public Task StoreOffset_WithAutoStoreOff_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { GroupId = "orders", EnableAutoOffsetStore = false };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            consumer.StoreOffset(result);
                        }
                    }
                }
                """);

        [Fact]
        public Task StoreOffset_WithAutoStoreExplicitlyTrue_IsReported() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Worker
                {
                    static void Run()
                    {
                        var config = new ConsumerConfig { GroupId = "orders", EnableAutoOffsetStore = true };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        var result = consumer.Consume(1000);
                        consumer.{|#0:StoreOffset|}(result.TopicPartitionOffset);
                    }
                }
                """,
                Verify.Diagnostic("SL3002").WithLocation(0).WithArguments("consumer", "true"));

        [Fact]
        public Task ConfigFromASectionBinding_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Collections.Generic;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(Dictionary<string, string> section)
                    {
                        var config = new ConsumerConfig(section) { GroupId = "orders" };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        var result = consumer.Consume(1000);
                        consumer.StoreOffset(result);
                    }
                }
                """);

        [Fact]
        public Task ConfigSetThroughSet_IsUnknownAndSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Worker
                {
                    static void Run()
                    {
                        var config = new ConsumerConfig { GroupId = "orders" };
                        config.Set("enable.auto.offset.store", "false");
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        var result = consumer.Consume(1000);
                        consumer.StoreOffset(result);
                    }
                }
                """);

        [Fact]
        public Task ConsumerPassedToAHelper_IsFollowedThroughTheParameter() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Worker
                {
                    static void Run()
                    {
                        var config = new ConsumerConfig { GroupId = "orders" };
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        Drain(consumer);
                    }

                    static void Drain(IConsumer<string, string> consumer)
                    {
                        var result = consumer.Consume(1000);
                        consumer.{|#0:StoreOffset|}(result);
                    }
                }
                """,
                Verify.Diagnostic("SL3002").WithLocation(0));

        [Fact]
        public Task HelperCalledWithTwoDifferentConsumers_IsSilentWhenTheyDisagree() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Worker
                {
                    static void Run()
                    {
                        using var a = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "a" }).Build();
                        using var b = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "b", EnableAutoOffsetStore = false }).Build();
                        Drain(a);
                        Drain(b);
                    }

                    static void Drain(IConsumer<string, string> consumer)
                    {
                        var result = consumer.Consume(1000);
                        consumer.StoreOffset(result);
                    }
                }
                """);

        [Fact]
        public Task SharedConfig_WithAutoStoreOffForBothBuilders_IsSilent_AndReportedWhenOn() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(bool off)
                    {
                        var config = new ConsumerConfig { GroupId = "orders" };
                        using var first = new ConsumerBuilder<string, string>(config).Build();
                        using var second = new ConsumerBuilder<byte[], byte[]>(config).Build();
                        first.{|#0:StoreOffset|}(first.Consume(1000));
                        second.{|#1:StoreOffset|}(second.Consume(1000));
                    }
                }
                """,
                Verify.Diagnostic("SL3002").WithLocation(0).WithArguments("first", "true (the default)"),
                Verify.Diagnostic("SL3002").WithLocation(1).WithArguments("second", "true (the default)"));
    }
}
