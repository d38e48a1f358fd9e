using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Kafka.Rules.ConsumerNotClosedAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Kafka
{
    public class SL3010Tests
    {
        [Fact]
        public Task UsingDeclarationWithoutClose_IsAWarning() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static void Run(CancellationToken token)
                    {
                        using var {|#0:consumer|} = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g" }).Build();
                        while (!token.IsCancellationRequested)
                        {
                            var result = consumer.Consume(token);
                        }
                    }
                }
                """,
                new DiagnosticResult("SL3010", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("consumer", "using"));

        [Fact]
        public Task ConsumerPassedToAMethodOutsideTheProject_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System.Collections.Concurrent;
                using System.Threading;
                using Confluent.Kafka;

                class Worker
                {
                    static readonly BlockingCollection<IConsumer<string, string>> Registry = new BlockingCollection<IConsumer<string, string>>();

                    static void Run(CancellationToken token)
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g" }).Build();
                        Registry.Add(consumer);
                        while (!token.IsCancellationRequested)
                        {
                            var result = consumer.Consume(token);
                        }
                    }
                }
                """);

        [Fact]
        public Task CloseInFinally_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
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
                }
                """);

        [Fact]
        public Task UsingStatementAndExplicitDispose_AreReported() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Worker
                {
                    static void Once()
                    {
                        using (var {|#0:consumer|} = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g" }).Build())
                        {
                            consumer.Consume(100);
                        }
                    }

                    static void Twice()
                    {
                        var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g" }).Build();
                        consumer.Consume(100);
                        consumer.{|#1:Dispose|}();
                    }
                }
                """,
                Verify.Diagnostic("SL3010").WithLocation(0).WithArguments("consumer", "using"),
                Verify.Diagnostic("SL3010").WithLocation(1).WithArguments("consumer", "Dispose()"));

        [Fact]
        public Task NeverDisposed_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Worker
                {
                    static IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g" }).Build();
                }
                """);

        [Fact]
        public Task HostedServiceClosingInStopAsync_IsSilent_AndOneThatOnlyDisposesIsReported() =>
            Verify.VerifyAnalyzerAsync(
                """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Confluent.Kafka;

                sealed class Good : IDisposable
                {
                    private readonly IConsumer<string, string> consumer;

                    public Good() => consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g" }).Build();

                    public Task StopAsync(CancellationToken token)
                    {
                        consumer.Close();
                        return Task.CompletedTask;
                    }

                    public void Dispose() => consumer.Dispose();
                }

                sealed class Bad : IDisposable
                {
                    private readonly IConsumer<string, string> consumer;

                    public Bad() => consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g" }).{|#0:Build|}();

                    public void Dispose() => consumer.Dispose();
                }
                """,
                Verify.Diagnostic("SL3010").WithLocation(0).WithArguments("consumer", "Dispose()"));

        [Fact]
        public Task CloseInAHelperReceivingTheConsumer_IsSilent() =>
            Verify.VerifyAnalyzerAsync(
                """
                using Confluent.Kafka;

                class Worker
                {
                    static void Run()
                    {
                        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "g" }).Build();
                        consumer.Consume(100);
                        Shutdown(consumer);
                    }

                    static void Shutdown(IConsumer<string, string> consumer) => consumer.Close();
                }
                """);
    }
}
