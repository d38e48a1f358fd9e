using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace StreamLint.Tests.EndToEnd
{
    /// <summary>
    /// A consumer project that references the real Confluent.Kafka assembly restores the packed StreamLint package and
    /// builds with the real SDK: the Confluent.Kafka rules load from the package and report exactly the expected
    /// diagnostics, at the expected lines, with no analyzer load failure (CS8032) or analyzer exception (AD0001). One build.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    [Trait("Category", "EndToEnd")]
    public sealed class KafkaConsumerBuildTests : IDisposable
    {
        // Line numbers matter: the test asserts each diagnostic's line.
        private const string Source = @"using System;
using System.IO;
using System.Threading;
using Confluent.Kafka;

namespace Consumer
{
    public static class OrderWorker
    {
        public static void Run(string servers, CancellationToken token)
        {
            var config = new ConsumerConfig { BootstrapServers = servers, GroupId = ""orders"", EnableAutoCommit = false };
            using var consumer = new ConsumerBuilder<string, string>(config).Build();
            using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = servers }).Build();
            consumer.Subscribe(""orders"");
            while (!token.IsCancellationRequested)
            {
                var result = consumer.Consume(token);
                consumer.Commit(result);
                File.AppendAllText(""orders.txt"", result.Message.Value + Environment.NewLine);
                producer.Produce(""orders-audit"", new Message<string, string> { Key = result.Message.Key, Value = result.Message.Value });
            }
        }
    }
}
";

        /// <summary>The diagnostics the build must report in OrderWorker.cs: rule ID and line, nothing else from StreamLint.</summary>
        private static readonly (string Id, int Line)[] Expected =
        {
            ("SL3010", 13), // the consumer is disposed by `using` without Close()
            ("SL3007", 14), // a producer that retries without enable.idempotence
            ("SL3003", 19), // Commit(result) before the message is processed
            ("SL3008", 21), // Produce on a producer disposed without Flush
        };

        private static readonly string[] BuildServerOptions = { "--disable-build-servers", "-nodeReuse:false" };

        private readonly PackedPackageFixture package;
        private readonly ITestOutputHelper output;
        private readonly string work;
        private readonly string projectDirectory;
        private readonly string packagesDirectory;

        public KafkaConsumerBuildTests(PackedPackageFixture package, ITestOutputHelper output)
        {
            this.package = package;
            this.output = output;
            this.work = TempDirectories.Create("kafka-consumer");
            this.projectDirectory = Path.Combine(this.work, "Consumer");
            this.packagesDirectory = Path.Combine(this.work, "packages");
            this.WriteConsumer();
        }

        public void Dispose() => TempDirectories.Delete(this.work);

        [Fact]
        public async Task Build_ReportsTheKafkaRulesAtTheirLines()
        {
            this.package.PackagePath();

            var arguments = new List<string> { "build" };
            arguments.AddRange(BuildServerOptions);
            CliResult build = await DotnetCli.RunAsync(this.projectDirectory, arguments, new Dictionary<string, string> { ["NUGET_PACKAGES"] = this.packagesDirectory });
            this.output.WriteLine(build.Describe());

            Assert.True(build.Succeeded, build.Describe("The consumer build should succeed: the Confluent.Kafka rules it triggers are warnings."));
            Assert.False(build.Output.Contains("CS8032", StringComparison.Ordinal), build.Describe("An analyzer of the package failed to load (CS8032)."));
            Assert.False(build.Output.Contains("AD0001", StringComparison.Ordinal), build.Describe("An analyzer threw (AD0001)."));
            Assert.False(build.Output.Contains("error SL", StringComparison.Ordinal), build.Describe("No StreamLint error expected."));

            // MSBuild repeats warnings in its summary: compare the distinct (ID, line) pairs.
            var reported = Regex.Matches(build.Output, @"OrderWorker\.cs\((?<line>\d+),\d+\): warning (?<id>SL\d{4})")
                .Select(m => (Id: m.Groups["id"].Value, Line: int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture)))
                .Distinct()
                .OrderBy(d => d.Line)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();
            Assert.True(
                reported.SequenceEqual(Expected.OrderBy(d => d.Line).ThenBy(d => d.Id, StringComparer.Ordinal)),
                build.Describe($"Expected {string.Join(", ", Expected.Select(d => $"{d.Id}@{d.Line}"))}; reported {string.Join(", ", reported.Select(d => $"{d.Id}@{d.Line}"))}."));
        }

        // The real Confluent.Kafka 2.16.0 assembly the tests compile against.
        private void WriteConsumer() =>
            LibraryConsumerProject.Write(
                this.work,
                this.projectDirectory,
                this.packagesDirectory,
                this.package,
                new[] { typeof(global::Confluent.Kafka.ConsumerConfig) },
                "OrderWorker.cs",
                Source);
    }
}
