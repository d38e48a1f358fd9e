using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using StreamLint.CodeFixes.Spark;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.MissingCheckpointLocationAnalyzer,
    StreamLint.CodeFixes.Spark.MissingCheckpointLocationCodeFix>;

using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    public class SL1010Tests
    {
        private const string Usings = @"using System.Collections.Generic;
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;
";

        private static string Code(string body, string members = "") => Usings + @"
class Job
{
    void Run(SparkSession spark, bool production, string configuredKey, string configuredFormat)
    {
        DataFrame events = spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""clicks"").Load();
" + body + @"
    }
" + members + @"
}";

        [Theory]
        [InlineData("parquet")]
        [InlineData("kafka")]
        [InlineData("delta")]
        [InlineData("Parquet")]
        public Task SinkThatNeedsACheckpoint_Reports(string format) =>
            Verify.VerifyAnalyzerAsync(Code($@"        events.WriteStream().Format(""{format}"").{{|SL1010:Start|}}(""/out/clicks"");"));

        [Fact]
        public Task MessageNamesSinkAndSparkError() =>
            Verify.VerifyAnalyzerAsync(
                Code(@"        events.WriteStream().Format(""kafka"").{|#0:Start|}();"),
                Verify.Diagnostic("SL1010").WithLocation(0).WithArguments(
                    "kafka",
                    "Spark throws at Start(): \"checkpointLocation must be specified either through option(\"checkpointLocation\", ...) or SparkSession.conf.set(\"spark.sql.streaming.checkpointLocation\", ...)\""));

        [Fact]
        public Task ForeachBatch_ReportsRestartFromScratch() =>
            Verify.VerifyAnalyzerAsync(
                Code(@"        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Save(""/out"")).{|#0:Start|}();"),
                Verify.Diagnostic("SL1010").WithLocation(0).WithArguments(
                    "foreachBatch",
                    "Spark then uses a temporary checkpoint, so after a restart the query starts again from startingOffsets and loses its state (records are skipped or written twice)"));

        [Fact]
        public Task ForeachWriter_Reports() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.WriteStream().Foreach(Writer()).{|SL1010:Start|}();", @"
    static IForeachWriter Writer() => null!;"));

        [Fact]
        public Task NoFormat_DefaultsToParquet_Reports() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.WriteStream().{|SL1010:Start|}(""/out/clicks"");"));

        [Fact]
        public Task ToTable_Reports() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.WriteStream().{|SL1010:ToTable|}(""clicks"");"));

        [Theory]
        [InlineData("checkpointLocation")]
        [InlineData("CheckpointLocation")]
        [InlineData("checkpointlocation")]
        public Task CheckpointOption_AnyCase_Silent(string key) =>
            Verify.VerifyAnalyzerAsync(Code($@"        events.WriteStream().Format(""parquet"").Option(""{key}"", ""/cp/clicks"").Start(""/out/clicks"");"));

        [Fact]
        public Task CheckpointKeyFromConstant_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.WriteStream().Format(""kafka"").Option(CheckpointKey, ""/cp"").Start();", @"
    const string CheckpointKey = ""checkpoint"" + ""Location"";"));

        [Theory]
        [InlineData("console")]
        [InlineData("memory")]
        [InlineData("noop")]
        [InlineData("CONSOLE")]
        public Task DebugSinks_Silent(string format) =>
            Verify.VerifyAnalyzerAsync(Code($@"        events.WriteStream().Format(""{format}"").Start();"));

        [Fact]
        public Task LastSinkCallWins() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.WriteStream().Format(""console"").ForeachBatch((b, id) => { }).{|SL1010:Start|}();
        events.WriteStream().ForeachBatch((b, id) => { }).Format(""console"").Start();"));

        [Fact]
        public Task StoredWriterConfiguredInStatements_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        DataStreamWriter writer = events.WriteStream();
        writer.Format(""kafka"");
        writer.Option(""kafka.bootstrap.servers"", ""b:9092"").Option(""checkpointLocation"", ""/cp/k"");
        writer.Start();"));

        [Fact]
        public Task StoredWriterWithoutCheckpoint_Reports() =>
            Verify.VerifyAnalyzerAsync(Code(@"        var writer = events.WriteStream();
        writer.Format(""kafka"");
        writer.Option(""topic"", ""out"");
        writer.{|SL1010:Start|}();"));

        [Fact]
        public Task StoredWriterStartedTwice_EachStartReports() =>
            Verify.VerifyAnalyzerAsync(Code(@"        var writer = events.WriteStream().Format(""delta"").Trigger(Trigger.Once());
        writer.{|SL1010:Start|}(""/delta/a"");
        writer.{|SL1010:Start|}(""/delta/a"");"));

        [Fact]
        public Task OptionSetAfterStart_DoesNotCount() =>
            Verify.VerifyAnalyzerAsync(Code(@"        var writer = events.WriteStream().Format(""kafka"");
        writer.{|SL1010:Start|}();
        writer.Option(""checkpointLocation"", ""/cp"");
        writer.Start();"));

        [Fact]
        public Task OptionSetOnOnlyOneBranch_MaySet_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        var writer = events.WriteStream().Format(""kafka"");
        if (production)
        {
            writer.Option(""checkpointLocation"", ""/cp"");
        }

        writer.Start();"));

        [Fact]
        public Task WriterPassedToHelper_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        var writer = events.WriteStream().Format(""kafka"");
        Configure(writer);
        writer.Start();", @"
    static void Configure(DataStreamWriter writer) { }"));

        [Fact]
        public Task WriterConfiguredFromLambda_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        var writer = events.WriteStream().Format(""kafka"");
        System.Action configure = () => writer.Option(""checkpointLocation"", ""/cp"");
        configure();
        writer.Start();"));

        [Fact]
        public Task UserExtensionOnStoredWriter_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        var writer = events.WriteStream().Format(""kafka"");
        writer.WithCheckpoint(""clicks"");
        writer.Start();
        events.WriteStream().Format(""kafka"").WithCheckpoint(""clicks"").Start();", string.Empty) + @"
static class WriterExtensions
{
    public static DataStreamWriter WithCheckpoint(this DataStreamWriter writer, string name) =>
        writer.Option(""checkpointLocation"", ""/cp/"" + name);
}");

        [Fact]
        public Task WriterFromParameter_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(string.Empty, @"
    static void Go(DataStreamWriter writer) => writer.Format(""kafka"").Start();"));

        [Fact]
        public Task NonConstantKeyOrFormat_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        events.WriteStream().Format(""kafka"").Option(configuredKey, ""/cp"").Start();
        events.WriteStream().Format(configuredFormat).Start();
        events.WriteStream().Format(""kafka"").Options(new Dictionary<string, string>()).Start();"));

        [Fact]
        public Task ConfSetOnBuilderInAnotherFile_Silent()
        {
            var test = Code(@"        events.WriteStream().Format(""kafka"").Start();");
            const string Session = @"using Microsoft.Spark.Sql;
static class Sessions
{
    public static SparkSession Create() => SparkSession.Builder()
        .Config(""spark.sql.streaming.checkpointLocation"", ""/checkpoints"")
        .GetOrCreate();
}";
            return RunWithSecondFile(test, Session);
        }

        [Fact]
        public Task ConfSetOnRuntimeConfig_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        spark.Conf().Set(""spark.sql.streaming.checkpointLocation"", ""/cp"");
        events.WriteStream().Format(""kafka"").Start();"));

        [Fact]
        public Task DefaultSourceConfigured_NoFormat_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        spark.Conf().Set(""spark.sql.sources.default"", ""console"");
        events.WriteStream().Start();"));

        [Fact]
        public Task BatchWriter_Silent() =>
            Verify.VerifyAnalyzerAsync(Code(@"        spark.Read().Parquet(""/in"").Write().Format(""parquet"").Save(""/out"");"));

        [Fact]
        public Task LibraryNotReferenced_Silent() =>
            Verify.VerifyAnalyzerAsync(
                @"class DataStreamWriter { public DataStreamWriter Format(string f) => this; public object Start() => null!; }
class C { void M(DataStreamWriter w) => w.Format(""parquet"").Start(); }",
                editorConfig: null,
                Libraries.None);

        [Fact]
        public Task Fix_UsesQueryName() =>
            Verify.VerifyCodeFixAsync(
                Code(@"        events.WriteStream().QueryName(""click-counts"").Format(""kafka"").{|SL1010:Start|}();"),
                Code(@"        events.WriteStream().QueryName(""click-counts"").Format(""kafka"").Option(""checkpointLocation"", ""/checkpoints/click-counts"").Start();"),
                MissingCheckpointLocationCodeFix.EquivalenceKey);

        [Fact]
        public Task Fix_UsesKafkaTopic_WhenNoQueryName() =>
            Verify.VerifyCodeFixAsync(
                Code(@"        events.WriteStream().Format(""kafka"").Option(""topic"", ""clicks-enriched"").{|SL1010:Start|}();"),
                Code(@"        events.WriteStream().Format(""kafka"").Option(""topic"", ""clicks-enriched"").Option(""checkpointLocation"", ""/checkpoints/clicks-enriched"").Start();"),
                MissingCheckpointLocationCodeFix.EquivalenceKey);

        [Fact]
        public Task Fix_UsesStartPathAndKeepsLayout() =>
            Verify.VerifyCodeFixAsync(
                Code(@"        events
            .WriteStream()
            .Format(""parquet"")
            .{|SL1010:Start|}(""/data/clicks/"");"),
                Code(@"        events
            .WriteStream()
            .Format(""parquet"")
            .Option(""checkpointLocation"", ""/checkpoints/clicks"")
            .Start(""/data/clicks/"");"),
                MissingCheckpointLocationCodeFix.EquivalenceKey);

        [Fact]
        public Task FixAll_SameMethodNameInTwoClasses_GetsTwoCheckpoints() =>
            Verify.VerifyCodeFixAsync(
                Usings + @"
class Clicks
{
    void Run(SparkSession spark) => spark.ReadStream().Format(""kafka"").Load().WriteStream().Format(""kafka"").{|SL1010:Start|}();
}

class Orders
{
    void Run(SparkSession spark) => spark.ReadStream().Format(""kafka"").Load().WriteStream().Format(""kafka"").{|SL1010:Start|}();
}",
                Usings + @"
class Clicks
{
    void Run(SparkSession spark) => spark.ReadStream().Format(""kafka"").Load().WriteStream().Format(""kafka"").Option(""checkpointLocation"", ""/checkpoints/Clicks-Run"").Start();
}

class Orders
{
    void Run(SparkSession spark) => spark.ReadStream().Format(""kafka"").Load().WriteStream().Format(""kafka"").Option(""checkpointLocation"", ""/checkpoints/Orders-Run"").Start();
}",
                MissingCheckpointLocationCodeFix.EquivalenceKey);

        [Fact]
        public Task FixAll_GivesEachQueryItsOwnCheckpoint() =>
            Verify.VerifyCodeFixAsync(
                Code(@"        events.WriteStream().Format(""kafka"").{|SL1010:Start|}();
        var writer = events.WriteStream().Format(""delta"");
        writer.{|SL1010:ToTable|}(""clicks_bronze"");
        events.WriteStream().Format(""kafka"").{|SL1010:Start|}();"),
                Code(@"        events.WriteStream().Format(""kafka"").Option(""checkpointLocation"", ""/checkpoints/Job-Run-1"").Start();
        var writer = events.WriteStream().Format(""delta"");
        writer.Option(""checkpointLocation"", ""/checkpoints/clicks_bronze"").ToTable(""clicks_bronze"");
        events.WriteStream().Format(""kafka"").Option(""checkpointLocation"", ""/checkpoints/Job-Run-3"").Start();"),
                MissingCheckpointLocationCodeFix.EquivalenceKey);

        [Fact]
        public Task Fix_HonoursCheckpointRootOption() =>
            Verify.VerifyCodeFixAsync(
                Code(@"        events.WriteStream().QueryName(""q"").Format(""kafka"").{|SL1010:Start|}();"),
                Code(@"        events.WriteStream().QueryName(""q"").Format(""kafka"").Option(""checkpointLocation"", ""s3://bucket/cp/q"").Start();"),
                MissingCheckpointLocationCodeFix.EquivalenceKey,
                editorConfig: "streamlint.SL1010.checkpoint_root = s3://bucket/cp/\n");

        private static Task RunWithSecondFile(string source, string second)
        {
            var test = new SecondFileTest(source, second);
            return test.RunAsync();
        }

        private sealed class SecondFileTest : Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<StreamLint.Spark.Rules.MissingCheckpointLocationAnalyzer, DefaultVerifier>
        {
            public SecondFileTest(string source, string second)
            {
                this.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
                this.TestState.AdditionalReferences.AddRange(Infrastructure.LibraryReferences.Runtime);
                this.TestState.AdditionalReferences.Add(Infrastructure.LibraryReferences.Spark);
                this.TestState.Sources.Add(source);
                this.TestState.Sources.Add(second);
            }
        }
    }
}
