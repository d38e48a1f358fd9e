using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StreamLint.CodeFixes.Spark;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1011 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.NonIdempotentForeachBatchAnalyzer, StreamLint.CodeFixes.Spark.NonIdempotentForeachBatchCodeFix>;
using SL1012 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.ForeachBatchRecomputationAnalyzer, StreamLint.CodeFixes.Spark.ForeachBatchRecomputationCodeFix>;
using SL1013 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.SharedCheckpointLocationAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1017 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.ForeachWriterNotSerializableAnalyzer, StreamLint.CodeFixes.Spark.ForeachWriterNotSerializableCodeFix>;
using SL1019 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.LatencyBudgetExceededAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1020 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.StreamingQueryNotAwaitedAnalyzer, StreamLint.CodeFixes.Spark.StreamingQueryNotAwaitedCodeFix>;

using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    public class SinkRulesTests
    {
        // ---- SL1011 ----
        [Fact]
        public Task SL1011_AppendWithoutBatchId_Reports() =>
            SL1011.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Mode(SaveMode.Append).Format(""parquet"").{|SL1011:Save|}(""/out"")).Start();
        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Mode(""append"").{|SL1011:Jdbc|}(""jdbc:x"", ""t"", new Dictionary<string, string>())).Start();
        events.WriteStream().ForeachBatch((batch, id) => batch.Write().{|SL1011:InsertInto|}(""warehouse.clicks"")).Start();"));

        [Fact]
        public Task SL1011_IdempotentWrites_Silent() =>
            SL1011.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Mode(SaveMode.Overwrite).Parquet(""/out"")).Start();
        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Mode(""overwrite"").InsertInto(""warehouse.clicks"")).Start();
        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Mode(SaveMode.Append).Parquet(""/out/batch="" + id)).Start();
        events.WriteStream().ForeachBatch((batch, id) => { batch.CreateOrReplaceTempView(""updates""); spark.Sql(""MERGE INTO t USING updates u ON t.id = u.id WHEN MATCHED THEN UPDATE SET *""); }).Start();
        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Format(""delta"").Option(""txnAppId"", ""q"").Option(""txnVersion"", 1L).Mode(""append"").Save(""/d"")).Start();
        events.WriteStream().ForeachBatch((batch, id) => Sink(batch, id)).Start();", @"
    static void Sink(DataFrame batch, long id) => batch.Write().Mode(SaveMode.Append).Parquet(""/out/"" + id);"));

        [Fact]
        public Task SL1011_MethodGroupAndHelpers_Reports() =>
            SL1011.VerifyAnalyzerAsync(Body(@"        events.WriteStream().{|SL1011:ForeachBatch|}(WriteBatch).Start();
        events.WriteStream().ForeachBatch((batch, id) => Append(batch)).Start();", @"
    static void WriteBatch(DataFrame batch, long batchId) => Append(batch);
    static void Append(DataFrame df) => df.Write().Mode(SaveMode.Append).Parquet(""/out"");").Replace("ForeachBatch((batch, id) => Append(batch))", "{|SL1011:ForeachBatch|}((batch, id) => Append(batch))"));

        [Fact]
        public Task SL1011_Fix_DeltaTransaction() =>
            SL1011.VerifyCodeFixAsync(
                Body(@"        events.WriteStream().QueryName(""clicks"").ForeachBatch((batch, batchId) => batch.Write().Format(""delta"").Mode(""append"").{|SL1011:Save|}(""/delta/clicks"")).Start();"),
                Body(@"        events.WriteStream().QueryName(""clicks"").ForeachBatch((batch, batchId) => batch.Write().Format(""delta"").Mode(""append"").Option(""txnAppId"", ""clicks"").Option(""txnVersion"", batchId).Save(""/delta/clicks"")).Start();"),
                NonIdempotentForeachBatchCodeFix.DeltaTransactionKey);

        // ---- SL1012 ----
        [Fact]
        public Task SL1012_TwoWritesWithoutPersist_Reports() =>
            SL1012.VerifyAnalyzerAsync(Body(@"        events.WriteStream().{|SL1012:ForeachBatch|}((batch, id) =>
        {
            batch.Write().Mode(""overwrite"").Parquet(""/a"");
            batch.Filter(Col(""x"").IsNotNull()).Write().Mode(""overwrite"").Parquet(""/b"");
        }).Start();
        events.WriteStream().ForeachBatch((batch, id) =>
        {
            batch.Persist();
            batch.Write().Parquet(""/a"");
            batch.Write().Parquet(""/b"");
            batch.Unpersist();
        }).Start();
        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Parquet(""/a"")).Start();"));

        [Fact]
        public Task SL1012_Fix_PersistInTryFinally() =>
            SL1012.VerifyCodeFixAsync(
                Body(@"        events.WriteStream().{|SL1012:ForeachBatch|}((batch, id) =>
        {
            batch.Write().Mode(""overwrite"").Parquet(""/a"");
            batch.Write().Mode(""overwrite"").Parquet(""/b"");
        }).Start();"),
                Body(@"        events.WriteStream().ForeachBatch((batch, id) =>
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
        }).Start();"),
                ForeachBatchRecomputationCodeFix.PersistKey);

        // ---- SL1013 ----
        [Fact]
        public Task SL1013_SharedLiteralConstOrConcatenation_Reports() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Option(""checkpointLocation"", {|SL1013:""/cp/clicks""|}).Format(""console"").Start();
        clicks.WriteStream().Option(""checkpointLocation"", {|SL1013:Root + ""clicks/""|}).Format(""console"").Start();
        clicks.WriteStream().Option(""checkpointLocation"", {|SL1013:Root + nameof(Orders)|}).Format(""console"").Start();
        events.WriteStream().Option(""checkpointLocation"", {|SL1013:Checkpoints.Orders|}).Format(""console"").Start();
        events.WriteStream().Option(""checkpointLocation"", ""/cp/unique"").Format(""console"").Start();", @"
    const string Root = ""/cp/"";
    class Orders { }
    static class Checkpoints { public const string Orders = ""/cp/Orders""; }"));

        [Fact]
        public Task SL1013_SameWriterStartedTwice_Silent() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        var writer = events.WriteStream().Format(""delta"").Option(""checkpointLocation"", ""/cp/once"");
        writer.Trigger(Trigger.Once());
        writer.Start(""/d"");
        writer.Start(""/d"");"));

        // ---- SL1017 ----
        [Fact]
        public Task SL1017_MissingSerializable_Reports() =>
            SL1017.VerifyAnalyzerAsync(Usings + @"
class {|SL1017:Plain|} : IForeachWriter
{
    public bool Open(long partitionId, long epochId) => true;
    public void Process(Row row) { }
    public void Close(System.Exception errorOrNull) { }
}

[System.Serializable]
class Base : IForeachWriter
{
    public virtual bool Open(long partitionId, long epochId) => true;
    public void Process(Row row) { }
    public void Close(System.Exception errorOrNull) { }
}

class {|SL1017:Derived|} : Base { }

[System.Serializable]
class Good : Base { }

abstract class Template : IForeachWriter
{
    public abstract bool Open(long partitionId, long epochId);
    public void Process(Row row) { }
    public void Close(System.Exception errorOrNull) { }
}");

        [Fact]
        public Task SL1017_ConnectionInConstructor_Warning() =>
            SL1017.VerifyAnalyzerAsync(Usings + @"
[System.Serializable]
class Sink : IForeachWriter
{
    private readonly System.IO.MemoryStream buffer = {|#0:new System.IO.MemoryStream()|};
    private System.IO.StringWriter? log;

    public Sink() { this.log = {|#1:new System.IO.StringWriter()|}; }

    public bool Open(long partitionId, long epochId) { this.log = new System.IO.StringWriter(); return true; }
    public void Process(Row row) { }
    public void Close(System.Exception errorOrNull) { }
}",
                new DiagnosticResult("SL1017", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessageFormat("{0}").WithArguments("'Sink' opens MemoryStream when it is constructed on the driver; connections cannot travel to the executors: open them in Open(partitionId, epochId) and release them in Close"),
                new DiagnosticResult("SL1017", DiagnosticSeverity.Warning).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessageFormat("{0}").WithArguments("'Sink' opens StringWriter when it is constructed on the driver; connections cannot travel to the executors: open them in Open(partitionId, epochId) and release them in Close"));

        [Fact]
        public Task SL1017_Fix_AddsSerializable() =>
            SL1017.VerifyCodeFixAsync(
                "using System;\n" + Usings + @"
/// <summary>Writes rows.</summary>
class {|SL1017:Plain|} : IForeachWriter
{
    public bool Open(long partitionId, long epochId) => true;
    public void Process(Row row) { }
    public void Close(Exception errorOrNull) { }
}",
                "using System;\n" + Usings + @"
/// <summary>Writes rows.</summary>
[Serializable]
class Plain : IForeachWriter
{
    public bool Open(long partitionId, long epochId) => true;
    public void Process(Row row) { }
    public void Close(Exception errorOrNull) { }
}",
                ForeachWriterNotSerializableCodeFix.AddSerializableKey);

        // ---- SL1019 ----
        [Fact]
        public Task SL1019_SilentWithoutBudget() =>
            SL1019.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Format(""console"").Trigger(Trigger.ProcessingTime(""10 minutes"")).Start();"));

        [Fact]
        public Task SL1019_TriggerAndAppendDelayAboveBudget() =>
            SL1019.VerifyAnalyzerAsync(
                Body(@"        events.WriteStream().Format(""console"").Trigger(Trigger.{|SL1019:ProcessingTime|}(""10 seconds"")).Start();
        events.WriteStream().Format(""console"").Trigger(Trigger.{|SL1019:ProcessingTime|}(5000)).Start();
        events.WriteStream().Format(""console"").Trigger(Trigger.ProcessingTime(""500 milliseconds"")).Start();
        events.WithWatermark(""ts"", ""1 second"").GroupBy(Window(Col(""ts""), ""1 minute"")).{|SL1019:Count|}().WriteStream().Format(""console"").Start();
        events.WithWatermark(""ts"", ""1 second"").GroupBy(Window(Col(""ts""), ""1 minute"")).Count().WriteStream().OutputMode(""update"").Format(""console"").Start();"),
                "streamlint.latency_budget = 2s\n",
                Libraries.Spark);

        // ---- SL1020 ----
        [Fact]
        public Task SL1020_DiscardedStartNotAwaited_Reports() =>
            SL1020.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Format(""console"").{|SL1020:Start|}();
        clicks.WriteStream().Format(""console"").{|SL1020:Start|}();"));

        [Fact]
        public Task SL1020_AwaitedOrKept_Silent() =>
            SL1020.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Format(""console"").Start();
        var q = clicks.WriteStream().Format(""console"").Start();
        q.AwaitTermination();"));

        [Fact]
        public Task SL1020_AwaitAnyTerminationElsewhere_Silent() =>
            SL1020.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Format(""console"").Start();", @"
    static void Main(SparkSession spark) => spark.Streams().AwaitAnyTermination();"));

        [Fact]
        public Task SL1020_Fix_AwaitsOnlyTheLastQuery() =>
            SL1020.VerifyCodeFixAsync(
                Body(@"        events.WriteStream().Format(""console"").{|SL1020:Start|}();
        clicks.WriteStream().Format(""console"").{|SL1020:Start|}();"),
                Body(@"        events.WriteStream().Format(""console"").{|SL1020:Start|}();
        clicks.WriteStream().Format(""console"").Start().AwaitTermination();"),
                StreamingQueryNotAwaitedCodeFix.AwaitTerminationKey);
    }
}
