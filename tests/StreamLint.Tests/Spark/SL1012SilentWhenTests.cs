using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1012 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.ForeachBatchRecomputationAnalyzer, StreamLint.CodeFixes.Spark.ForeachBatchRecomputationCodeFix>;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1012.md, one test each, named after the bullet, each next to its positive
    /// twin. (Derived variables, helpers and method groups are left to the tests of the ForeachBatch-function work: the
    /// page calls them silent, the catalogue counts them.)
    /// </summary>
    public class SL1012SilentWhenTests
    {
        [Fact]
        public Task AtMostOneActionOnTheMicroBatch_Silent() =>
            SL1012.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) =>
        {
            batch.Write().Mode(""overwrite"").Parquet(""/a"");
        }).Start();"));

        [Fact]
        public Task AtMostOneActionOnTheMicroBatch_Twin_TwoActions_Reports() =>
            SL1012.VerifyAnalyzerAsync(Body(@"        events.WriteStream().{|SL1012:ForeachBatch|}((batch, id) =>
        {
            batch.Write().Mode(""overwrite"").Parquet(""/a"");
            batch.Write().Mode(""overwrite"").Parquet(""/b"");
        }).Start();"));

        [Theory]
        [InlineData("batch.Persist();", "")]
        [InlineData("batch.Cache();", "")]
        [InlineData("", "batch.Persist();")]
        [InlineData(@"batch.Filter(Col(""x"").IsNotNull()).Cache();", "")]
        public Task PersistOrCacheAnywhereInTheLambda_Silent(string before, string after) =>
            SL1012.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) =>
        {
            " + before + @"
            batch.Write().Mode(""overwrite"").Parquet(""/a"");
            batch.Write().Mode(""overwrite"").Parquet(""/b"");
            " + after + @"
        }).Start();"));

        [Fact]
        public Task PersistOrCacheAnywhereInTheLambda_Twin_NoPersist_Reports() =>
            SL1012.VerifyAnalyzerAsync(Body(@"        events.WriteStream().{|SL1012:ForeachBatch|}((batch, id) =>
        {
            batch.Count();
            batch.Write().Mode(""overwrite"").Parquet(""/a"");
        }).Start();"));
    }
}
