using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace StreamLint.Tests.EndToEnd
{
    /// <summary>
    /// A consumer project that references the real Streamiz.Kafka.Net assemblies restores the packed StreamLint
    /// package and builds with the real SDK: the Streamiz rules load from the package and report. One build.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    [Trait("Category", "EndToEnd")]
    public sealed class StreamizConsumerBuildTests : IDisposable
    {
        private const string Source = @"using System;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;
using Streamiz.Kafka.Net.Table;

namespace Consumer
{
    public static class ClickCounts
    {
        public static KafkaStream Create()
        {
            var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = ""clicks"", Guarantee = ProcessingGuarantee.EXACTLY_ONCE };
            var builder = new StreamBuilder();
            builder.Stream<string, string>(""clicks"")
                .GroupByKey()
                .WindowedBy(TumblingWindowOptions.Of(TimeSpan.FromMinutes(1)))
                .Count()
                .Suppress(SuppressedBuilder.UntilWindowClose<Windowed<string>, long>(TimeSpan.FromMinutes(1), StrictBufferConfig.Bounded(10_000)))
                .ToStream()
                .To(""click-counts"");
            return new KafkaStream(builder.Build(), config);
        }
    }
}
";

        private static readonly string[] BuildServerOptions = { "--disable-build-servers", "-nodeReuse:false" };

        private readonly PackedPackageFixture package;
        private readonly ITestOutputHelper output;
        private readonly string work;
        private readonly string projectDirectory;
        private readonly string packagesDirectory;

        public StreamizConsumerBuildTests(PackedPackageFixture package, ITestOutputHelper output)
        {
            this.package = package;
            this.output = output;
            this.work = TempDirectories.Create("streamiz-consumer");
            this.projectDirectory = Path.Combine(this.work, "Consumer");
            this.packagesDirectory = Path.Combine(this.work, "packages");
            this.WriteConsumer();
        }

        public void Dispose() => TempDirectories.Delete(this.work);

        [Fact]
        public async Task Build_ReportsSL2002AndSL2003AsWarnings()
        {
            this.package.PackagePath();

            var arguments = new List<string> { "build" };
            arguments.AddRange(BuildServerOptions);
            CliResult build = await DotnetCli.RunAsync(this.projectDirectory, arguments, new Dictionary<string, string> { ["NUGET_PACKAGES"] = this.packagesDirectory });
            this.output.WriteLine(build.Describe());

            Assert.True(build.Succeeded, build.Describe("The consumer build should succeed: the Streamiz rules it triggers are warnings."));
            Assert.True(build.Output.Contains("warning SL2002", StringComparison.Ordinal), build.Describe("Expected SL2002 (implicit window grace)."));
            Assert.True(build.Output.Contains("warning SL2003", StringComparison.Ordinal), build.Describe("Expected SL2003 (suppression grace differs from the window's)."));
            Assert.False(build.Output.Contains("error SL", StringComparison.Ordinal), build.Describe("No StreamLint error expected."));
        }

        // The real Streamiz.Kafka.Net 1.8.2 assemblies the tests compile against.
        private void WriteConsumer() =>
            LibraryConsumerProject.Write(
                this.work,
                this.projectDirectory,
                this.packagesDirectory,
                this.package,
                new[] { typeof(global::Streamiz.Kafka.Net.StreamBuilder), typeof(global::Confluent.Kafka.ConsumerConfig), typeof(global::Microsoft.Extensions.Logging.ILoggerFactory) },
                "ClickCounts.cs",
                Source);
    }
}
