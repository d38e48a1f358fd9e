using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Kafka.Rules.IdempotenceConflictAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Kafka
{
    public class SL3006Tests
    {
        [Fact]
        public Task IdempotenceWithAcksLeader_IsAnError() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> Create() =>
                        new ProducerBuilder<string, string>(new ProducerConfig { EnableIdempotence = true, {|#0:Acks = Acks.Leader|} }).Build();
                }
                """,
                new DiagnosticResult("SL3006", DiagnosticSeverity.Error).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("acks=all", "acks=1 (Acks.Leader)"));

        [Fact]
        public Task IdempotenceWithAcksAll_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> Create() =>
                        new ProducerBuilder<string, string>(new ProducerConfig { EnableIdempotence = true, Acks = Acks.All, MaxInFlight = 5 }).Build();
                }
                """);

        [Fact]
        public Task AcksLeaderWithoutIdempotence_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> Create() =>
                        new ProducerBuilder<string, string>(new ProducerConfig { EnableIdempotence = false, Acks = Acks.Leader }).Build();
                }
                """);

        [Fact]
        public Task MaxInFlightAndRetries_SetInLaterStatements_AreReportedThere() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static void Send()
                    {
                        var config = new ProducerConfig { BootstrapServers = "localhost:9092" };
                        config.EnableIdempotence = true;
                        {|#0:config.MaxInFlight = 10|};
                        {|#1:config.MessageSendMaxRetries = 0|};
                        using var producer = new ProducerBuilder<string, string>(config).Build();
                        producer.Flush(System.TimeSpan.FromSeconds(1));
                    }
                }
                """,
                Verify.Diagnostic("SL3006").WithLocation(0).WithArguments("max.in.flight.requests.per.connection <= 5", "max.in.flight.requests.per.connection=10"),
                Verify.Diagnostic("SL3006").WithLocation(1).WithArguments("message.send.max.retries > 0", "message.send.max.retries=0"));

        [Fact]
        public Task ConfigFromAHelperInAnotherMember_IsReportedAtTheBuilder() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static ProducerConfig Config() => new ProducerConfig { EnableIdempotence = true, Acks = Acks.None };

                    static IProducer<string, string> Create() => new {|#0:ProducerBuilder<string, string>|}(Config()).Build();
                }
                """,
                Verify.Diagnostic("SL3006").WithLocation(0).WithArguments("acks=all", "acks=0 (Acks.None)"));

        [Fact]
        public Task IdempotenceFromAnUnknownValue_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Sender
                {
                    static IProducer<string, string> Create(bool idempotent) =>
                        new ProducerBuilder<string, string>(new ProducerConfig { EnableIdempotence = idempotent, Acks = Acks.Leader }).Build();
                }
                """);
    }
}
