using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Kafka.Rules.ReadUncommittedInTransactionalPipelineAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Kafka
{
    public class SL3005Tests
    {
        private const string Pipeline = """
            using System;
            using System.Threading;
            using Confluent.Kafka;

            class Pipeline
            {
                static void Run(CancellationToken token)
                {
                    var consumerConfig = new ConsumerConfig { GroupId = "g", EnableAutoCommit = false, ISOLATION };
                    using var consumer = new ConsumerBuilder<string, string>(consumerConfig).Build();
                    using var producer = new ProducerBuilder<string, string>(new ProducerConfig { TransactionalId = "tx" }).Build();
                    producer.InitTransactions(TimeSpan.FromSeconds(30));
                    while (true)
                    {
                        var result = consumer.Consume(token);
                        producer.BeginTransaction();
                        producer.Produce("out", new Message<string, string> { Value = result.Message.Value });
                        SENDOFFSETS
                        producer.CommitTransaction();
                    }
                }
            }
            """;

        private const string Send = "producer.SendOffsetsToTransaction(new[] { result.TopicPartitionOffset }, consumer.ConsumerGroupMetadata, TimeSpan.FromSeconds(10));";

        [Fact]
        public Task ReadUncommitted_InAnExactlyOncePipeline_IsAWarning() =>
            Verify.VerifyAnalyzerAsync(
                Pipeline.Replace("ISOLATION", "{|#0:IsolationLevel = IsolationLevel.ReadUncommitted|}").Replace("SENDOFFSETS", Send),
                new DiagnosticResult("SL3005", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("consumer"));

        [Fact]
        public Task ReadCommitted_IsSilent() =>
            Verify.VerifyAnalyzerAsync(Pipeline.Replace("ISOLATION", "IsolationLevel = IsolationLevel.ReadCommitted").Replace("SENDOFFSETS", Send));

        [Fact]
        public Task ReadUncommitted_OutsideATransactionalPipeline_IsSilent() =>
            Verify.VerifyAnalyzerAsync(Pipeline.Replace("ISOLATION", "IsolationLevel = IsolationLevel.ReadUncommitted").Replace("SENDOFFSETS", "consumer.Commit(result);"));

        [Fact]
        public Task ReadUncommitted_SetInALaterStatement_IsReportedThere() =>
            Verify.VerifyAnalyzerAsync(
                Pipeline.Replace(", ISOLATION", string.Empty)
                    .Replace("using var consumer =", "{|#0:consumerConfig.IsolationLevel = IsolationLevel.ReadUncommitted|};\n        using var consumer =")
                    .Replace("SENDOFFSETS", Send),
                Verify.Diagnostic("SL3005").WithLocation(0));
    }
}
