using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using StreamLint.CodeFixes.Spark;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.UnpartitionedStateAnalyzer,
    StreamLint.CodeFixes.Spark.UnpartitionedStateCodeFix>;

namespace StreamLint.Tests.Spark
{
    public class SL1018Tests
    {
        private const string Conf = @"        spark.Conf().Set(""spark.sql.shuffle.partitions"", ""64"");
";

        [Fact]
        public Task SinglePartitionInStreamingQuery_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(Conf + @"        events.{|SL1018:Repartition|}(1).WriteStream().Format(""console"").Start();
        events.{|SL1018:Coalesce|}(1).Filter(Col(""x"").IsNotNull()).WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task MorePartitionsOrBatch_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(Conf + @"        events.Repartition(8).WriteStream().Format(""console"").Start();
        events.Repartition(Col(""id"")).WriteStream().Format(""console"").Start();
        dim.Coalesce(1).Write().Parquet(""/out"");
        var single = events.Coalesce(1);"));

        [Fact]
        public Task AggregationKeyedOnlyByWindow_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(Conf + @"        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute"")).{|SL1018:Count|}()
            .WriteStream().Format(""console"").Start();
        events.{|SL1018:Agg|}(Count(Col(""id""))).WriteStream().OutputMode(""complete"").Format(""console"").Start();
        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute""), Col(""page"")).Count()
            .WriteStream().Format(""console"").Start();"));

        [Fact]
        public Task StatefulQueryWithoutShufflePartitions_Info() =>
            Verify.VerifyAnalyzerAsync(
                Body(@"        events.WithWatermark(""ts"", ""1 minute"").DropDuplicates(""id"", ""ts"").WriteStream().Format(""console"").Option(""checkpointLocation"", ""/cp/d"").{|#0:Start|}();
        events.WithWatermark(""ts"", ""1 minute"").DropDuplicates(""id"", ""ts"").WriteStream().Format(""console"").Start();
        events.WithWatermark(""ts"", ""1 minute"").DropDuplicates(""id"", ""ts"").WriteStream().Format(""memory"").QueryName(""q"").Start();
        events.WriteStream().Format(""console"").Start();"),
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SL1018", DiagnosticSeverity.Info).WithLocation(0)
                    .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("Stateful streaming query started while spark.sql.shuffle.partitions is set nowhere in the project: the number of state partitions (default 200) is frozen into the checkpoint on the first run and cannot be changed later"));

        [Fact]
        public Task Fix_RemovesSinglePartitionCall() =>
            Verify.VerifyCodeFixAsync(
                Body(Conf + @"        events
            .Filter(Col(""x"").IsNotNull())
            .{|SL1018:Coalesce|}(1)
            .WriteStream()
            .Format(""console"")
            .Start();"),
                Body(Conf + @"        events
            .Filter(Col(""x"").IsNotNull())
            .WriteStream()
            .Format(""console"")
            .Start();"),
                UnpartitionedStateCodeFix.RemoveSinglePartitionKey);
    }
}
