using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// Fix All for every equivalence key of every Spark fixer, over a project of two documents with two diagnostics each
    /// (one per method): applied one at a time, and as Fix All in document, project and solution scope, each must give
    /// the same fixed documents. Every declared key has a case here; a key without one fails.
    /// </summary>
    public class FixAllScopesTests
    {
        private const string Q = "{Q}";

        /// <summary>Key → the statement before and after the fix (<c>{Q}</c>: a name unique to the document and method), or a class.</summary>
        private static readonly IReadOnlyDictionary<string, (string Before, string After, bool ClassLevel)> Cases = new Dictionary<string, (string, string, bool)>
        {
            ["SL1001.AddWatermark"] = (
                @"        var counts = events
            .Filter(Col(""page"").IsNotNull())
            .GroupBy(Window(Col(""ts""), ""5 minutes""), Col(""page""))
            .{|SL1001:Count|}();
        counts.WriteStream().Format(""parquet"").Start(""/out"");",
                @"        var counts = events
            .Filter(Col(""page"").IsNotNull())
            .WithWatermark(""ts"", ""10 minutes"")
            .GroupBy(Window(Col(""ts""), ""5 minutes""), Col(""page""))
            .Count();
        counts.WriteStream().Format(""parquet"").Start(""/out"");", false),
            ["SL1001.UseUpdateMode"] = (
                @"        events.GroupBy(""page"").{|SL1001:Count|}().WriteStream().OutputMode(""append"").Format(""console"").Start();",
                @"        events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();", false),
            ["SL1002.AddWatermark"] = (
                @"        events.GroupBy(Window(Col(""ts""), ""5 minutes"")).{|SL1002:Count|}().WriteStream().OutputMode(""update"").Format(""console"").Start();",
                @"        events.WithWatermark(""ts"", ""10 minutes"").GroupBy(Window(Col(""ts""), ""5 minutes"")).Count().WriteStream().OutputMode(""update"").Format(""console"").Start();", false),
            ["SL1002.AddDedupColumn"] = (
                @"        var deduped = events.WithWatermark(""ts"", ""1 hour"").{|SL1002:DropDuplicates|}(""id"");",
                @"        var deduped = events.WithWatermark(""ts"", ""1 hour"").DropDuplicates(""id"", ""ts"");", false),
            ["SL1004.UseGroupedColumn"] = (
                @"        events.{|SL1004:WithWatermark|}(""ingestTime"", ""1 minute"").GroupBy(Window(Col(""eventTime""), ""5 minutes"")).Count();",
                @"        events.WithWatermark(""eventTime"", ""1 minute"").GroupBy(Window(Col(""eventTime""), ""5 minutes"")).Count();", false),
            ["SL1006.ConsoleSink"] = (
                @"        events.GroupBy(""page"").Count().{|SL1006:Show|}(10);",
                @"        events.GroupBy(""page"").Count().WriteStream().Format(""console"").Option(""numRows"", 10).Start();", false),
            ["SL1007.ApproxCountDistinct"] = (
                @"        events.GroupBy(""page"").Agg({|SL1007:CountDistinct|}(Col(""user"")));",
                @"        events.GroupBy(""page"").Agg(ApproxCountDistinct(Col(""user"")));", false),
            ["SL1008.LegalMode"] = (
                @"        events.WriteStream().OutputMode({|SL1008:""apend""|}).Format(""console"").Start();",
                @"        events.WriteStream().OutputMode(""append"").Format(""console"").Start();", false),
            ["SL1009.ReadStream"] = (
                @"        spark.Read().Format(""kafka"").Option(""subscribe"", ""t"").Load().{|SL1009:WriteStream|}().Format(""console"").Start();",
                @"        spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""t"").Load().WriteStream().Format(""console"").Start();", false),
            ["SL1010.AddCheckpointLocation"] = (
                @"        events.WriteStream().QueryName(""" + Q + @""").Format(""kafka"").{|SL1010:Start|}();",
                @"        events.WriteStream().QueryName(""" + Q + @""").Format(""kafka"").Option(""checkpointLocation"", ""/checkpoints/" + Q + @""").Start();", false),
            ["SL1011.DeltaTransaction"] = (
                @"        events.WriteStream().QueryName(""" + Q + @""").ForeachBatch((batch, batchId) => batch.Write().Format(""delta"").Mode(""append"").{|SL1011:Save|}(""/delta/" + Q + @""")).Start();",
                @"        events.WriteStream().QueryName(""" + Q + @""").ForeachBatch((batch, batchId) => batch.Write().Format(""delta"").Mode(""append"").Option(""txnAppId"", """ + Q + @""").Option(""txnVersion"", batchId).Save(""/delta/" + Q + @""")).Start();", false),
            ["SL1012.Persist"] = (
                @"        events.WriteStream().{|SL1012:ForeachBatch|}((batch, id) =>
        {
            batch.Write().Mode(""overwrite"").Parquet(""/a"");
            batch.Write().Mode(""overwrite"").Parquet(""/b"");
        }).Start();",
                @"        events.WriteStream().ForeachBatch((batch, id) =>
        {
            batch.Persist();
            try
            {
                batch.Write().Mode(""overwrite"").Parquet(""/a"");
                batch.Write().Mode(""overwrite"").Parquet(""/b"");
            }
            finally
            {
                batch.Unpersist();
            }
        }).Start();", false),
            ["SL1014.StartingOffsets"] = (
                @"        var df = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b:9092"").Option(""subscribe"", ""t"").Option({|SL1014:""kafka.auto.offset.reset""|}, ""earliest"").Load();",
                @"        var df = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b:9092"").Option(""subscribe"", ""t"").Option(""startingOffsets"", ""earliest"").Load();", false),
            ["SL1014.RemoveOption"] = (
                @"        var df = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b:9092"").Option(""subscribe"", ""t"").Option({|SL1014:""kafka.key.deserializer""|}, ""x"").Load();",
                @"        var df = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b:9092"").Option(""subscribe"", ""t"").Load();", false),
            ["SL1015.CorrectUnit"] = (
                @"        events.WithWatermark(""ts"", {|SL1015:""10 secnds""|});",
                @"        events.WithWatermark(""ts"", ""10 seconds"");", false),
            ["SL1016.ProcessingTime"] = (
                @"        events.DropDuplicates(""id"").WriteStream().Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();",
                @"        events.DropDuplicates(""id"").WriteStream().Format(""console"").Trigger(Trigger.ProcessingTime(""1 second"")).Start();", false),
            ["SL1017.AddSerializable"] = (
                @"/// <summary>Writes rows.</summary>
class {|SL1017:Writer" + Q + @"|} : IForeachWriter
{
    public bool Open(long partitionId, long epochId) => true;
    public void Process(Row row) { }
    public void Close(Exception errorOrNull) { }
}",
                @"/// <summary>Writes rows.</summary>
[Serializable]
class Writer" + Q + @" : IForeachWriter
{
    public bool Open(long partitionId, long epochId) => true;
    public void Process(Row row) { }
    public void Close(Exception errorOrNull) { }
}", true),
            ["SL1018.RemoveSinglePartition"] = (
                @"        events.{|SL1018:Coalesce|}(1).WriteStream().Format(""console"").Start();",
                @"        events.WriteStream().Format(""console"").Start();", false),
            ["SL1020.AwaitTermination"] = (
                @"        events.WriteStream().Format(""console"").{|SL1020:Start|}();",
                @"        events.WriteStream().Format(""console"").Start().AwaitTermination();", false),
        };

        private static IEnumerable<(CodeFixProvider Fixer, string Key)> SparkKeys() =>
            Repository.CodeFixes
                .Where(f => f.GetType().Namespace == "StreamLint.CodeFixes.Spark")
                .SelectMany(f => f.GetType().GetFields()
                    .Where(x => x.IsLiteral && x.FieldType == typeof(string) && x.Name.EndsWith("Key", StringComparison.Ordinal))
                    .Select(x => (f, (string)x.GetRawConstantValue()!)));

        [Fact]
        public void EveryKeyOfEverySparkFixer_HasAFixAllCase()
        {
            string[] keys = SparkKeys().Select(k => k.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
            Assert.NotEmpty(keys);
            Assert.Equal(keys, Cases.Keys.OrderBy(k => k, StringComparer.Ordinal));
        }

        public static TheoryData<string> Keys()
        {
            var data = new TheoryData<string>();
            foreach (string key in Cases.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                data.Add(key);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Keys))]
        public async Task FixAll_TwoDocumentsTwoDiagnosticsEach_EveryScope(string key)
        {
            CodeFixProvider fixer = SparkKeys().Single(k => k.Key == key).Fixer;
            string id = key.Split('.')[0];
            DiagnosticAnalyzer analyzer = Repository.Analyzers.Single(a => a.SupportedDiagnostics.Any(d => d.Id == id));
            (string before, string after, bool classLevel) = Cases[key];

            var sources = new[] { ("/src/First.cs", Document(1, before, classLevel)), ("/src/Second.cs", Document(2, before, classLevel)) };
            var fixedSources = new[] { ("/src/First.cs", Document(1, after, classLevel)), ("/src/Second.cs", Document(2, after, classLevel)) };

            MethodInfo verify = typeof(Verifier<,>).MakeGenericType(analyzer.GetType(), fixer.GetType())
                .GetMethod(nameof(Verifier<StreamLint.Spark.Rules.InvalidOutputModeAnalyzer, StreamLint.CodeFixes.Spark.InvalidOutputModeCodeFix>.VerifyFixAllAsync))!;
            await (Task)verify.Invoke(null, new object?[] { sources, fixedSources, key, null })!;
        }

        private static string Document(int document, string code, bool classLevel)
        {
            string Named(string method) => code.Replace(Q, "q" + document + method, StringComparison.Ordinal);
            if (classLevel)
            {
                return "using System;\n" + SparkCode.Usings + "\n" + Named("a") + "\n\n" + Named("b") + "\n";
            }

            string Method(string name) => $@"    void {name}(SparkSession spark)
    {{
        spark.Conf().Set(""spark.sql.shuffle.partitions"", ""64"");
        DataFrame events = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""broker:9092"").Option(""subscribe"", ""events"").Load();
{Named(name.ToLowerInvariant())}
    }}
";
            return SparkCode.Usings + $@"
class Job{document}
{{
{Method("A")}
{Method("B")}}}
";
        }
    }
}
