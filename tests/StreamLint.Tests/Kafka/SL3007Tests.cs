using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Kafka.Rules.NonIdempotentProducerAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Kafka
{
    public class SL3007Tests
    {
        [Fact]
        public Task DefaultProducerConfig_IsAWarning() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> Create() =>
                        new {|#0:ProducerBuilder<string, string>|}(new ProducerConfig { BootstrapServers = "localhost:9092" }).Build();
                }
                """,
                new DiagnosticResult("SL3007", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("", "unset (false by default)"));

        [Fact]
        public Task IdempotentProducer_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> Create() =>
                        new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = "localhost:9092", EnableIdempotence = true }).Build();
                }
                """);

        [Fact]
        public Task TransactionalProducer_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> Create() =>
                        new ProducerBuilder<string, string>(new ProducerConfig { TransactionalId = "tx" }).Build();
                }
                """);

        [Fact]
        public Task ProducerWithoutRetries_IsSilent_AndExplicitFalseIsReported() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> NoRetries() =>
                        new ProducerBuilder<string, string>(new ProducerConfig { MessageSendMaxRetries = 0 }).Build();

                    static IProducer<string, string> Explicit() =>
                        new {|#0:ProducerBuilder<string, string>|}(new ProducerConfig { EnableIdempotence = false, MessageSendMaxRetries = 3 }).Build();
                }
                """,
                Verify.Diagnostic("SL3007").WithLocation(0).WithArguments("", "false"));

        [Fact]
        public Task ConsumerConfigHandedToAProducerBuilder_IsAProducerConfigWithoutIdempotence() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static void Create()
                    {
                        var shared = new ConsumerConfig { BootstrapServers = "localhost:9092", GroupId = "g" };
                        using var consumer = new ConsumerBuilder<string, string>(shared).Build();
                        using var producer = new {|#0:ProducerBuilder<string, string>|}(shared).Build();
                    }
                }
                """,
                Verify.Diagnostic("SL3007").WithLocation(0).WithArguments(" (a ConsumerConfig)", "unset (false by default)"));

        [Fact]
        public Task ConfigSharedByTwoProducerBuilders_IsReportedAtEach() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static void Create()
                    {
                        var config = new ProducerConfig { BootstrapServers = "localhost:9092" };
                        config.LingerMs = 5;
                        using var orders = new {|#0:ProducerBuilder<string, string>|}(config).Build();
                        using var audit = new {|#1:ProducerBuilder<string, byte[]>|}(config).Build();
                    }
                }
                """,
                Verify.Diagnostic("SL3007").WithLocation(0),
                Verify.Diagnostic("SL3007").WithLocation(1));

        [Fact]
        public Task AcksNone_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> Create() =>
                        new ProducerBuilder<string, string>(new ProducerConfig { Acks = Acks.None }).Build();
                }
                """);

        [Fact]
        public Task ConfigFromAConfigurationSection_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Collections.Generic;
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> Create(IEnumerable<KeyValuePair<string, string>> section) =>
                        new ProducerBuilder<string, string>(section).Build();
                }
                """);
    }
}
