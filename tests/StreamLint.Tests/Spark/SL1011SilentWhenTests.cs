using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1011 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.NonIdempotentForeachBatchAnalyzer, StreamLint.CodeFixes.Spark.NonIdempotentForeachBatchCodeFix>;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1011.md, one test each, named after the bullet, each next to its positive
    /// twin, which differs only in the point the bullet is about. (The batchId bullet is left to the tests of the
    /// ForeachBatch-function work: the page and the catalogue disagree on whether logging batchId counts.)
    /// </summary>
    public class SL1011SilentWhenTests
    {
        private static string Function(string function, string members = "") =>
            Body(@"        events.WriteStream().ForeachBatch(" + function + ").Start();", members);

        [Theory]
        [InlineData("SaveMode.Overwrite")]
        [InlineData("SaveMode.ErrorIfExists")]
        [InlineData("SaveMode.Ignore")]
        [InlineData(@"""overwrite""")]
        [InlineData("mode")]
        public Task TheModeIsNotAppendOrNotAConstant_Silent(string mode) =>
            SL1011.VerifyAnalyzerAsync(Body(@"        SaveMode mode = flag ? SaveMode.Append : SaveMode.Overwrite;
        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Mode(" + mode + @").Parquet(""/out"")).Start();").Replace("SaveMode mode = flag ? SaveMode.Append : SaveMode.Overwrite;", mode == @"""overwrite""" ? string.Empty : "SaveMode mode = flag ? SaveMode.Append : SaveMode.Overwrite;"));

        [Fact]
        public Task TheModeIsNotSet_Silent() =>
            SL1011.VerifyAnalyzerAsync(Function(@"(batch, id) => batch.Write().Parquet(""/out"")"));

        [Theory]
        [InlineData("SaveMode.Append")]
        [InlineData(@"""append""")]
        public Task TheModeIsNotAppend_Twin_Append_Reports(string mode) =>
            SL1011.VerifyAnalyzerAsync(Function(@"(batch, id) => batch.Write().Mode(" + mode + @").{|SL1011:Parquet|}(""/out"")"));

        [Theory]
        [InlineData("txnVersion")]
        [InlineData("TXNVERSION")]
        public Task TheWriterSetsTxnVersion_Silent(string key) =>
            SL1011.VerifyAnalyzerAsync(Function(@"(batch, id) => batch.Write().Format(""delta"").Option(""" + key + @""", 7L).Mode(""append"").Save(""/d"")"));

        [Fact]
        public Task TheWriterSetsTxnVersion_Twin_OtherOption_Reports() =>
            SL1011.VerifyAnalyzerAsync(Function(@"(batch, id) => batch.Write().Format(""delta"").Option(""mergeSchema"", 7L).Mode(""append"").{|SL1011:Save|}(""/d"")"));

        [Fact]
        public Task TheWorkIsDoneInSql_Silent() =>
            SL1011.VerifyAnalyzerAsync(Function(@"(batch, id) => { batch.CreateOrReplaceTempView(""u""); spark.Sql(""MERGE INTO t USING u ON t.id = u.id WHEN NOT MATCHED THEN INSERT *""); }"));

        [Fact]
        public Task TheWorkIsDoneInSql_Twin_DataFrameWriter_Reports() =>
            SL1011.VerifyAnalyzerAsync(Function(@"(batch, id) => { batch.CreateOrReplaceTempView(""u""); batch.Write().Mode(""append"").{|SL1011:SaveAsTable|}(""t""); }"));

        [Fact]
        public Task TheWritersConfigurationCannotBeSeen_Parameter_Silent() =>
            SL1011.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) => Finish(batch.Write().Mode(""append""))).Start();", @"
    static void Finish(DataFrameWriter writer) => writer.Parquet(""/out"");"));

        [Fact]
        public Task TheWritersConfigurationCannotBeSeen_Twin_InTheFunction_Reports() =>
            SL1011.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Mode(""append"").{|SL1011:Parquet|}(""/out"")).Start();"));

        [Fact]
        public Task TheFunctionIsADelegateKeptInAVariable_Silent() =>
            SL1011.VerifyAnalyzerAsync(Body(@"        System.Action<DataFrame, long> handler = (batch, id) => batch.Write().Mode(""append"").Parquet(""/out"");
        events.WriteStream().ForeachBatch(handler).Start();"));

        [Fact]
        public Task TheFunctionIsADelegateKeptInAVariable_Twin_Lambda_Reports() =>
            SL1011.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Mode(""append"").{|SL1011:Parquet|}(""/out"")).Start();"));
    }
}
