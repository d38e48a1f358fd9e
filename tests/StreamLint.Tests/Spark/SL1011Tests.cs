using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StreamLint.CodeFixes.Spark;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1011 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.NonIdempotentForeachBatchAnalyzer, StreamLint.CodeFixes.Spark.NonIdempotentForeachBatchCodeFix>;
using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    public class SL1011Tests
    {
        [Fact]
        public Task AppendWithoutBatchId_Reports() =>
            SL1011.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Mode(SaveMode.Append).Format(""parquet"").{|SL1011:Save|}(""/out"")).Start();
        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Mode(""append"").{|SL1011:Jdbc|}(""jdbc:x"", ""t"", new Dictionary<string, string>())).Start();
        events.WriteStream().ForeachBatch((batch, id) => batch.Write().{|SL1011:InsertInto|}(""warehouse.clicks"")).Start();"));

        [Fact]
        public Task IdempotentWrites_Silent() =>
            SL1011.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Mode(SaveMode.Overwrite).Parquet(""/out"")).Start();
        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Mode(""overwrite"").InsertInto(""warehouse.clicks"")).Start();
        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Mode(SaveMode.Append).Parquet(""/out/batch="" + id)).Start();
        events.WriteStream().ForeachBatch((batch, id) => { batch.CreateOrReplaceTempView(""updates""); spark.Sql(""MERGE INTO t USING updates u ON t.id = u.id WHEN MATCHED THEN UPDATE SET *""); }).Start();
        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Format(""delta"").Option(""txnAppId"", ""q"").Option(""txnVersion"", 1L).Mode(""append"").Save(""/d"")).Start();
        events.WriteStream().ForeachBatch((batch, id) => Sink(batch, id)).Start();", @"
    static void Sink(DataFrame batch, long id) => batch.Write().Mode(SaveMode.Append).Parquet(""/out/"" + id);"));

        [Fact]
        public Task MethodGroupAndHelpers_Reports() =>
            SL1011.VerifyAnalyzerAsync(Body(@"        events.WriteStream().{|SL1011:ForeachBatch|}(WriteBatch).Start();
        events.WriteStream().ForeachBatch((batch, id) => Append(batch)).Start();", @"
    static void WriteBatch(DataFrame batch, long batchId) => Append(batch);
    static void Append(DataFrame df) => df.Write().Mode(SaveMode.Append).Parquet(""/out"");").Replace("ForeachBatch((batch, id) => Append(batch))", "{|SL1011:ForeachBatch|}((batch, id) => Append(batch))"));

        [Fact]
        public Task Fix_DeltaTransaction() =>
            SL1011.VerifyCodeFixAsync(
                Body(@"        events.WriteStream().QueryName(""clicks"").ForeachBatch((batch, batchId) => batch.Write().Format(""delta"").Mode(""append"").{|SL1011:Save|}(""/delta/clicks"")).Start();"),
                Body(@"        events.WriteStream().QueryName(""clicks"").ForeachBatch((batch, batchId) => batch.Write().Format(""delta"").Mode(""append"").Option(""txnAppId"", ""clicks"").Option(""txnVersion"", batchId).Save(""/delta/clicks"")).Start();"),
                NonIdempotentForeachBatchCodeFix.DeltaTransactionKey);

    }
}
