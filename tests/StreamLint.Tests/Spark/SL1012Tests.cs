using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StreamLint.CodeFixes.Spark;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1012 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.ForeachBatchRecomputationAnalyzer, StreamLint.CodeFixes.Spark.ForeachBatchRecomputationCodeFix>;
using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    public class SL1012Tests
    {
        [Fact]
        public Task TwoWritesWithoutPersist_Reports() =>
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
        public Task Fix_PersistInTryFinally() =>
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

    }
}
