using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Kafka.Rules.CommitBeforeProcessingAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Kafka
{
    public class SL3003Tests
    {
        private const string Prefix = """
            using System;
            using System.Threading;
            using Confluent.Kafka;

            class Worker
            {
                static void Save(string order) => System.IO.File.AppendAllText("orders.txt", order);

            """;

        [Fact]
        public Task CommitBeforeProcessing_IsAWarning() =>
            Verify.VerifyAnalyzerAsync(
                Prefix + """
                    static void Run(CancellationToken token)
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g", EnableAutoCommit = false }).Build();
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            consumer.{|#0:Commit|}(result);
                            Save(result.Message.Value);
                        }
                    }
                }
                """,
                new DiagnosticResult("SL3003", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("consumer.Commit(result)", "result", "Save(…)"));

        [Fact]
        public Task CommitAfterProcessing_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                Prefix + """
                    static void Run(CancellationToken token)
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g", EnableAutoCommit = false }).Build();
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            Save(result.Message.Value);
                            consumer.Commit(result);
                        }
                    }
                }
                """);

        [Fact]
        public Task CommitInFinally_IsAfterTheProcessing() =>
            Verify.VerifyAnalyzerAsync(
                Prefix + """
                    static void Run(CancellationToken token)
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g", EnableAutoCommit = false }).Build();
                        while (!token.IsCancellationRequested)
                        {
                            var result = consumer.Consume(token);
                            try
                            {
                                Save(result.Message.Value);
                            }
                            finally
                            {
                                consumer.Commit(result);
                            }
                        }
                    }
                }
                """);

        [Fact]
        public Task ProcessingInACatchThatRunsOnlyWhenTheCommitFailed_IsNotAfterIt() =>
            Verify.VerifyAnalyzerAsync(
                Prefix + """
                    static void Run(CancellationToken token)
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g", EnableAutoCommit = false }).Build();
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            try
                            {
                                Save(result.Message.Value);
                                consumer.Commit(result);
                            }
                            catch (KafkaException)
                            {
                                Save("failed:" + result.Message.Value);
                            }
                        }
                    }
                }
                """);

        [Fact]
        public Task CommitInTryAndProcessingAfterTheTry_IsReported() =>
            Verify.VerifyAnalyzerAsync(
                Prefix + """
                    static void Run(CancellationToken token)
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g", EnableAutoCommit = false }).Build();
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            try
                            {
                                consumer.{|#0:Commit|}(result);
                            }
                            catch (KafkaException e)
                            {
                                Console.WriteLine(e.Message);
                            }

                            Save(result.Message.Value);
                        }
                    }
                }
                """,
                Verify.Diagnostic("SL3003").WithLocation(0));

        [Fact]
        public Task CommitInOneBranchAndProcessingInTheOther_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                Prefix + """
                    static void Run(CancellationToken token)
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g", EnableAutoCommit = false }).Build();
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            if (result.Message.Value == null)
                            {
                                consumer.Commit(result);
                                continue;
                            }

                            Save(result.Message.Value);
                        }
                    }
                }
                """);

        [Fact]
        public Task CommitFollowedOnlyByLogging_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                Prefix + """
                    static void Run(CancellationToken token)
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g", EnableAutoCommit = false }).Build();
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            Save(result.Message.Value);
                            consumer.Commit(result);
                            Console.WriteLine($"committed {result.TopicPartitionOffset}");
                            Thread.Sleep(10);
                        }
                    }
                }
                """);

        [Fact]
        public Task ArgumentlessCommit_WithAutoOffsetStore_IsReported() =>
            Verify.VerifyAnalyzerAsync(
                Prefix + """
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { GroupId = "g" };
                        config.EnableAutoCommit = false;
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        for (int i = 0; ; i++)
                        {
                            var result = consumer.Consume(token);
                            consumer.{|#0:Commit|}();
                            var text = result.Message.Value.Trim();
                            Save(text);
                        }
                    }
                }
                """,
                Verify.Diagnostic("SL3003").WithLocation(0).WithArguments("consumer.Commit()", "result", "Save(…)"));

        [Fact]
        public Task ArgumentlessCommit_WithAutoOffsetStoreOff_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                Prefix + """
                    static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { GroupId = "g" };
                        config.EnableAutoCommit = false;
                        config.EnableAutoOffsetStore = false;
                        using var consumer = new ConsumerBuilder<string, string>(config).Build();
                        for (int i = 0; ; i++)
                        {
                            var result = consumer.Consume(token);
                            consumer.Commit();
                            var text = result.Message.Value.Trim();
                            Save(text);
                        }
                    }
                }
                """);

        [Fact]
        public Task CommitBeforeAHelperThatProcesses_IsReported() =>
            Verify.VerifyAnalyzerAsync(
                Prefix + """
                    static void Run(IConsumer<string, string> consumer, CancellationToken token)
                    {
                        while (true)
                        {
                            var result = consumer.Consume(token);
                            consumer.{|#0:Commit|}(result);
                            Handle(result.Message);
                        }
                    }

                    static void Handle(Message<string, string> message) => Save(message.Value);
                }
                """,
                Verify.Diagnostic("SL3003").WithLocation(0));
    }
}
