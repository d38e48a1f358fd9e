using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Tests.Infrastructure;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;

namespace StreamLint.Tests.Meta
{
    /// <summary>
    /// Every rule's default severity, and the other severity a rule reports in some cases, per Spark version where
    /// it depends on the version. A changed severity must change this table.
    /// </summary>
    public class SeverityTableTests
    {
        /// <summary>The default severity of every shipped Spark and StreamLint rule (SL1019 also ships enabled: it is silent without a budget).</summary>
        private static readonly IReadOnlyDictionary<string, DiagnosticSeverity> Defaults = new Dictionary<string, DiagnosticSeverity>
        {
            ["SL1001"] = DiagnosticSeverity.Error,
            ["SL1002"] = DiagnosticSeverity.Warning,
            ["SL1003"] = DiagnosticSeverity.Warning,
            ["SL1004"] = DiagnosticSeverity.Warning,
            ["SL1005"] = DiagnosticSeverity.Error,
            ["SL1006"] = DiagnosticSeverity.Error,
            ["SL1007"] = DiagnosticSeverity.Error,
            ["SL1008"] = DiagnosticSeverity.Error,
            ["SL1009"] = DiagnosticSeverity.Error,
            ["SL1010"] = DiagnosticSeverity.Warning,
            ["SL1011"] = DiagnosticSeverity.Warning,
            ["SL1012"] = DiagnosticSeverity.Info,
            ["SL1013"] = DiagnosticSeverity.Error,
            ["SL1014"] = DiagnosticSeverity.Error,
            ["SL1015"] = DiagnosticSeverity.Error,
            ["SL1016"] = DiagnosticSeverity.Error,
            ["SL1017"] = DiagnosticSeverity.Error,
            ["SL1018"] = DiagnosticSeverity.Warning,
            ["SL1019"] = DiagnosticSeverity.Warning,
            ["SL1020"] = DiagnosticSeverity.Info,
            ["SL1021"] = DiagnosticSeverity.Error,
            ["SL9001"] = DiagnosticSeverity.Warning,
        };

        [Fact]
        public void EverySparkAndStreamLintRule_HasItsDefaultSeverity()
        {
            ImmutableArray<DiagnosticDescriptor> pinned = Repository.Descriptors
                .Where(d => d.CustomTags.Contains("Spark") || d.CustomTags.Contains("StreamLint"))
                .ToImmutableArray();
            Assert.Equal(Defaults.Keys.OrderBy(k => k, System.StringComparer.Ordinal), pinned.Select(d => d.Id));
            foreach (DiagnosticDescriptor d in pinned)
            {
                Assert.True(Defaults[d.Id] == d.DefaultSeverity, $"{d.Id}: default severity {d.DefaultSeverity}, the table says {Defaults[d.Id]}");
                Assert.True(d.IsEnabledByDefault, d.Id + " is not enabled by default");
            }
        }

        private const string KafkaSource = @"        spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b:9092"").Option(""subscribe"", ""t"")";

        /// <summary>Rule, Spark version, statement, the severity reported there (null: nothing is reported).</summary>
        public static TheoryData<string, string, string, string, string?> Table => new TheoryData<string, string, string, string, string?>
        {
            // SL1014: kafka.group.id is rejected by Spark before 3.0 (Error), accepted with a caution from 3.0 (Warning).
            { "SL1014 group.id", "SL1014", "2.3", KafkaSource + @".Option(""kafka.group.id"", ""g"").Load();", "Error" },
            { "SL1014 group.id", "SL1014", "2.4", KafkaSource + @".Option(""kafka.group.id"", ""g"").Load();", "Error" },
            { "SL1014 group.id", "SL1014", "3.0", KafkaSource + @".Option(""kafka.group.id"", ""g"").Load();", "Warning" },
            { "SL1014 group.id", "SL1014", "3.5", KafkaSource + @".Option(""kafka.group.id"", ""g"").Load();", "Warning" },
            { "SL1014 group.id", "SL1014", "4.0", KafkaSource + @".Option(""kafka.group.id"", ""g"").Load();", "Warning" },
            { "SL1014 auto.offset.reset", "SL1014", "2.4", KafkaSource + @".Option(""kafka.auto.offset.reset"", ""earliest"").Load();", "Error" },
            { "SL1014 auto.offset.reset", "SL1014", "3.5", KafkaSource + @".Option(""kafka.auto.offset.reset"", ""earliest"").Load();", "Error" },

            // SL1018: single partition (Warning); spark.sql.shuffle.partitions never set for a stateful query (Info).
            { "SL1018 single partition", "SL1018", "3.5", @"        spark.Conf().Set(""spark.sql.shuffle.partitions"", ""8"");
        events.Repartition(1).WriteStream().Format(""console"").Start();", "Warning" },
            { "SL1018 shuffle partitions unset", "SL1018", "3.5", @"        events.WithWatermark(""ts"", ""1 minute"").DropDuplicates(""id"", ""ts"").WriteStream().Format(""console"").Option(""checkpointLocation"", ""/cp/dedup"").Start();", "Info" },
            { "SL1018 shuffle partitions unset", "SL1018", "2.4", @"        events.WithWatermark(""ts"", ""1 minute"").DropDuplicates(""id"", ""ts"").WriteStream().Format(""console"").Option(""checkpointLocation"", ""/cp/dedup"").Start();", "Info" },

            // SL1021: Error wherever Spark throws; from 3.4 Append mode is accepted and nothing is reported.
            { "SL1021 chained aggregations, append", "SL1021", "3.3", @"        events.GroupBy(""page"").Count().GroupBy(""count"").Count().WriteStream().Format(""console"").Start();", "Error" },
            { "SL1021 chained aggregations, append", "SL1021", "2.4", @"        events.GroupBy(""page"").Count().GroupBy(""count"").Count().WriteStream().Format(""console"").Start();", "Error" },
            { "SL1021 chained aggregations, append", "SL1021", "3.4", @"        events.GroupBy(""page"").Count().GroupBy(""count"").Count().WriteStream().Format(""console"").Start();", null },
            { "SL1021 chained aggregations, append", "SL1021", "3.5", @"        events.GroupBy(""page"").Count().GroupBy(""count"").Count().WriteStream().Format(""console"").Start();", null },
            { "SL1021 chained aggregations, update", "SL1021", "3.3", @"        events.GroupBy(""page"").Count().GroupBy(""count"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();", "Error" },
            { "SL1021 chained aggregations, update", "SL1021", "3.5", @"        events.GroupBy(""page"").Count().GroupBy(""count"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();", "Error" },
        };

        [Theory]
        [MemberData(nameof(Table))]
        public async Task ReportsAtTheSeverityOfTheTable(string @case, string rule, string sparkVersion, string statement, string? severity)
        {
            ImmutableArray<Diagnostic> reported = await Analysis.RunAsync(AnalyzerOf(rule), Body(statement), sparkVersion);
            string[] severities = reported.Where(d => d.Id == rule).Select(d => d.Severity.ToString()).ToArray();
            Assert.True(
                severity is null ? severities.Length == 0 : severities.Length == 1 && severities[0] == severity,
                $"{@case} on Spark {sparkVersion}: expected {severity ?? "nothing"}, reported [{string.Join(", ", severities)}]");
        }

        [Theory]
        [InlineData("2.4")]
        [InlineData("3.5")]
        public async Task SL1017_MissingAttributeIsAnError_ConnectionAtConstructionAWarning(string sparkVersion)
        {
            const string Writers = Usings + @"
class Plain : IForeachWriter
{
    public bool Open(long partitionId, long epochId) => true;
    public void Process(Row row) { }
    public void Close(System.Exception errorOrNull) { }
}

[System.Serializable]
class Eager : IForeachWriter
{
    private readonly System.IO.MemoryStream buffer = new System.IO.MemoryStream();
    public bool Open(long partitionId, long epochId) => true;
    public void Process(Row row) { }
    public void Close(System.Exception errorOrNull) { }
}";
            ImmutableArray<Diagnostic> reported = await Analysis.RunAsync(AnalyzerOf("SL1017"), Writers, sparkVersion);
            Assert.Equal(new[] { DiagnosticSeverity.Error, DiagnosticSeverity.Warning }, reported.Where(d => d.Id == "SL1017").Select(d => d.Severity));
        }

        private static DiagnosticAnalyzer AnalyzerOf(string rule) =>
            Repository.Analyzers.Single(a => a.SupportedDiagnostics.Any(d => d.Id == rule));
    }
}
