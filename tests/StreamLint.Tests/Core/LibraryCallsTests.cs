using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamLint.Kafka;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Core
{
    /// <summary>
    /// The library calls of a member, as every rule of a family reads them: each call once, lambda bodies included, in
    /// source order, and of the calls of one fluent chain (which start at the same place) the outer one first.
    /// </summary>
    public class LibraryCallsTests
    {
        [Fact]
        public void Calls_are_listed_in_source_order_with_a_chains_outer_call_first()
        {
            const string Source = @"
using System;
using Confluent.Kafka;

class Worker
{
    void Run(ConsumerConfig config, IProducer<string, string> producer)
    {
        using var consumer = new ConsumerBuilder<string, string>(config).SetErrorHandler((_, e) => producer.Flush(TimeSpan.Zero)).Build();
        for (var record = consumer.Consume(100); record != null; record = consumer.Consume(200))
        {
            producer.Produce(""out"", new Message<string, string> { Value = record.Message.Value });
            consumer.Commit(record);
        }
    }
}";

            string[] calls = CallsOf(Source);

            // A for loop's increment is written before its body, though its operation comes after the body's.
            Assert.Equal(new[] { "Build", "SetErrorHandler", "Flush", "Consume", "Consume", "Produce", "Commit" }, calls);
        }

        [Fact]
        public void A_member_without_library_calls_is_left_out()
        {
            const string Source = @"
using Confluent.Kafka;

class Worker
{
    int Count(string text) => text.Length;

    void Poll(IConsumer<string, string> consumer) => consumer.Consume(10);
}";

            Assert.Equal(new[] { "Consume" }, CallsOf(Source));
        }

        private static string[] CallsOf(string source)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source);
            Compilation compilation = CSharpCompilation.Create(
                "CallsTest",
                new[] { tree },
                LibraryReferences.For(Libraries.Kafka),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            KafkaCompilation kafka = KafkaCompilation.For(compilation)!;
            return kafka.MembersIn(compilation.GetSemanticModel(tree), CancellationToken.None)
                .SelectMany(member => member.Calls)
                .Select(call => call.TargetMethod.Name)
                .ToArray();
        }
    }
}
