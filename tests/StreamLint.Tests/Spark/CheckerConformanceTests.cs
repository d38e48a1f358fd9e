using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1006 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.BatchActionOnStreamAnalyzer, StreamLint.CodeFixes.Spark.BatchActionOnStreamCodeFix>;
using SL1007 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.UnsupportedStreamingOperationAnalyzer, StreamLint.CodeFixes.Spark.UnsupportedStreamingOperationCodeFix>;
using SL1008 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.InvalidOutputModeAnalyzer, StreamLint.CodeFixes.Spark.InvalidOutputModeCodeFix>;
using SL1009 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.WriteStreamOnBatchAnalyzer, StreamLint.CodeFixes.Spark.WriteStreamOnBatchCodeFix>;
using SL1016 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.ContinuousTriggerUnsupportedAnalyzer, StreamLint.CodeFixes.Spark.ContinuousTriggerUnsupportedCodeFix>;

using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// One test per reachable row of Spark's UnsupportedOperationChecker (research §4): the rejected plan written in
    /// C# (expects the rule) next to its nearest accepted neighbour (expects silence), per output mode where the row
    /// depends on it. Names start with the row. Spark's messages are written out as Spark's source has them (research §4),
    /// never taken from the analyzers' constants; <see cref="CheckerMessageTests"/> pins them per Spark version.
    /// </summary>
    public class CheckerConformanceTests
    {
        private static string Query(string plan, string mode) =>
            Body($@"        {plan}.WriteStream().OutputMode(""{mode}"").Format(""console"").Start();");

        // ---- 4.A batch actions on streams (SL1006) ----
        [Theory]
        [InlineData("Count")]
        [InlineData("Collect")]
        [InlineData("First")]
        [InlineData("Head")]
        [InlineData("ToLocalIterator")]
        public Task A1_BatchActionOnStream(string action) =>
            SL1006.VerifyAnalyzerAsync(Body($@"        var x = events.Filter(Col(""a"").IsNotNull()).{{|#0:{action}|}}();
        var y = dim.{action}();"),
                SL1006.Diagnostic("SL1006").WithLocation(0).WithArguments(action + "()", "Queries with streaming sources must be executed with writeStream.start()"));

        [Fact]
        public Task A1_ShowAndTake_OnStream() =>
            SL1006.VerifyAnalyzerAsync(Body(@"        events.{|SL1006:Show|}();
        events.{|SL1006:Take|}(5);
        events.GroupBy(""page"").Count().{|SL1006:Show|}(10);
        dim.Show();
        given.Show();"));

        [Fact]
        public Task A3_WriteOnStream() =>
            SL1006.VerifyAnalyzerAsync(Body(@"        events.{|#0:Write|}().Parquet(""/out"");
        dim.Write().Parquet(""/out"");
        events.WriteStream().Format(""console"").Start();"),
                SL1006.Diagnostic("SL1006").WithLocation(0).WithArguments("Write()", "'write' can not be called on streaming Dataset/DataFrame"));

        [Fact]
        public Task A1_ShowFix_UsesConsoleSink() =>
            SL1006.VerifyCodeFixAsync(
                Body(@"        events.GroupBy(""page"").Count().{|SL1006:Show|}(10);"),
                Body(@"        events.GroupBy(""page"").Count().WriteStream().Format(""console"").Option(""numRows"", 10).Start();"),
                StreamLint.CodeFixes.Spark.BatchActionOnStreamCodeFix.ConsoleSinkKey);

        // ---- 4.B whole-plan checks ----
        [Fact]
        public Task B1_WriteStreamOnBatch() =>
            SL1009.VerifyAnalyzerAsync(Body(@"        dim.{|#0:WriteStream|}().Format(""console"").Start();
        events.WriteStream().Format(""console"").Start();
        given.WriteStream().Format(""console"").Start();"),
                SL1009.Diagnostic("SL1009").WithLocation(0).WithArguments("Read()"));

        [Fact]
        public Task B1_WriteStreamInsideForeachBatch() =>
            SL1009.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) => batch.{|SL1009:WriteStream|}().Format(""console"").Start()).Start();"));

        [Fact]
        public Task B1_Fix_ReadBecomesReadStream() =>
            SL1009.VerifyCodeFixAsync(
                Body(@"        spark.Read().Format(""kafka"").Option(""subscribe"", ""t"").Load().{|SL1009:WriteStream|}().Format(""console"").Start();"),
                Body(@"        spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""t"").Load().WriteStream().Format(""console"").Start();"),
                StreamLint.CodeFixes.Spark.WriteStreamOnBatchCodeFix.ReadStreamKey);

        [Fact]
        public Task B1_NoFix_FileSourceWithoutSchema() =>
            SL1009.VerifyNoCodeFixAsync(
                Body(@"        spark.Read().Json(""/in"").{|SL1009:WriteStream|}().Format(""console"").Start();"),
                StreamLint.CodeFixes.Spark.WriteStreamOnBatchCodeFix.ReadStreamKey);

        [Fact]
        public Task B7c_CompleteWithoutAggregation() =>
            SL1008.VerifyAnalyzerAsync(Body(@"        events.Filter(Col(""a"").IsNotNull()).WriteStream().OutputMode({|#0:""complete""|}).Format(""console"").Start();
        events.GroupBy(""page"").Count().WriteStream().OutputMode(""complete"").Format(""console"").Start();
        events.WriteStream().OutputMode(""append"").Format(""console"").Start();
        events.Join(given, ""id"").WriteStream().OutputMode(""complete"").Format(""console"").Start();"),
                SL1008.Diagnostic("SL1008").WithLocation(0).WithArguments("Complete output mode is used on a streaming query without aggregation", "at Start()", "Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets"));

        [Fact]
        public Task B7c_GlobalAggregationThroughSelect_Silent() =>
            SL1008.VerifyAnalyzerAsync(Body(@"        events.Select(Count(Col(""id""))).WriteStream().OutputMode(""complete"").Format(""console"").Start();
        events.SelectExpr(""count(*)"").WriteStream().OutputMode(""complete"").Format(""console"").Start();
        events.Agg(Count(Col(""id""))).WriteStream().OutputMode(""complete"").Format(""console"").Start();"));

        [Fact]
        public Task B7c_NoFixForUserConstant() =>
            SL1008.VerifyNoCodeFixAsync(
                Body(@"        events.WriteStream().OutputMode({|SL1008:Modes.Complete|}).Format(""console"").Start();", @"
    static class Modes { public const string Complete = ""complete""; }"),
                StreamLint.CodeFixes.Spark.InvalidOutputModeCodeFix.LegalModeKey);

        [Fact]
        public Task B7c_Fix_UsesAppend() =>
            SL1008.VerifyCodeFixAsync(
                Body(@"        events.WriteStream().OutputMode({|SL1008:OutputMode.Complete|}).Format(""console"").Start();"),
                Body(@"        events.WriteStream().OutputMode(OutputMode.Append).Format(""console"").Start();"),
                StreamLint.CodeFixes.Spark.InvalidOutputModeCodeFix.LegalModeKey);

        [Fact]
        public Task UnknownModeString_WithFix() =>
            SL1008.VerifyCodeFixAsync(
                Body(@"        events.WriteStream().OutputMode({|SL1008:""apend""|}).Format(""console"").Start();"),
                Body(@"        events.WriteStream().OutputMode(""append"").Format(""console"").Start();"),
                StreamLint.CodeFixes.Spark.InvalidOutputModeCodeFix.LegalModeKey);

        [Fact]
        public Task UnknownModeString_FarFromAnyMode_NoFix() =>
            SL1008.VerifyNoCodeFixAsync(
                Body(@"        events.WriteStream().OutputMode({|SL1008:""overwrite""|}).Format(""console"").Start();"),
                StreamLint.CodeFixes.Spark.InvalidOutputModeCodeFix.LegalModeKey);

        // ---- 4.C per-node checks (SL1007, SL1008) ----
        [Fact]
        public Task C8_DistinctAggregation() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.GroupBy(""page"").Agg({|SL1007:CountDistinct|}(Col(""user"")));
        events.Agg({|SL1007:CountDistinct|}(""user""));
        events.GroupBy(""page"").Agg(ApproxCountDistinct(Col(""user"")));
        dim.GroupBy(""page"").Agg(CountDistinct(Col(""user"")));"));

        [Fact]
        public Task C8_Fix_ApproxCountDistinct() =>
            SL1007.VerifyCodeFixAsync(
                Body(@"        events.GroupBy(""page"").Agg({|SL1007:CountDistinct|}(Col(""user"")));"),
                Body(@"        events.GroupBy(""page"").Agg(ApproxCountDistinct(Col(""user"")));"),
                StreamLint.CodeFixes.Spark.UnsupportedStreamingOperationCodeFix.ApproxCountDistinctKey);

        [Fact]
        public Task C9_GroupingSets() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.{|SL1007:Rollup|}(""country"", ""page"").Count();
        events.{|SL1007:Cube|}(Col(""country"")).Count();
        dim.Rollup(""country"").Count();"));

        [Theory]
        [InlineData("append")]
        [InlineData("update")]
        public Task C23_SortWithoutAggregation(string mode) =>
            SL1007.VerifyAnalyzerAsync(Query(@"events.{|SL1007:OrderBy|}(""ts"")", mode));

        [Fact]
        public Task C23_SortOnAggregation_Complete_Silent() =>
            SL1007.VerifyAnalyzerAsync(Query(@"events.GroupBy(""page"").Count().OrderBy(Col(""count"").Desc())", "complete"));

        [Fact]
        public Task C23_SortOnAggregation_Update() =>
            SL1007.VerifyAnalyzerAsync(Query(@"events.GroupBy(""page"").Count().{|SL1007:Sort|}(""count"")", "update"));

        [Fact]
        public Task C23_SortWithinPartitions_Append() =>
            SL1007.VerifyAnalyzerAsync(Query(@"events.{|SL1007:SortWithinPartitions|}(""ts"")", "append"));

        [Fact]
        public Task C21_LimitInUpdate() =>
            SL1007.VerifyAnalyzerAsync(Query(@"events.GroupBy(""page"").Count().{|SL1007:Limit|}(10)", "update"));

        [Theory]
        [InlineData("append")]
        [InlineData("complete")]
        public Task C21_LimitInOtherModes_Silent(string mode) =>
            SL1007.VerifyAnalyzerAsync(Query(@"events.GroupBy(""page"").Count().Limit(10)", mode));

        [Fact]
        public Task C24_Sampling() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.{|SL1007:Sample|}(0.1);
        dim.Sample(0.1);"));

        [Fact]
        public Task C20_Intersect() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.{|SL1007:Intersect|}(clicks);
        events.{|SL1007:IntersectAll|}(dim);
        dim.{|SL1007:Intersect|}(events);
        dim.Intersect(dim);"));

        [Fact]
        public Task C20_Intersect_Spark24_BothStreamingOnly() =>
            SL1007.VerifyAnalyzerAsync(
                Body(@"        events.{|SL1007:Intersect|}(clicks);
        events.Intersect(dim);"),
                "streamlint.spark_version = 2.4\n",
                Libraries.Spark);

        [Fact]
        public Task C19_ExceptWithStreamingRight() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.{|SL1007:Except|}(clicks);
        dim.{|SL1007:ExceptAll|}(events);
        events.Except(dim);"));

        [Fact]
        public Task C18_UnionOfStreamAndBatch() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.{|SL1007:Union|}(dim);
        dim.{|SL1007:UnionByName|}(events);
        events.Union(clicks);
        dim.Union(dim);
        events.Union(given);"));

        [Fact]
        public Task C27_MonotonicallyIncreasingId() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.WithColumn(""rowId"", {|SL1007:MonotonicallyIncreasingId|}());
        events.Select(Col(""a""), {|SL1007:MonotonicallyIncreasingId|}().Alias(""id""));
        dim.WithColumn(""rowId"", MonotonicallyIncreasingId());"));

        [Fact]
        public Task C25_NonTimeWindow() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.WithColumn(""rank"", Rank().{|SL1007:Over|}(Microsoft.Spark.Sql.Expressions.Window.PartitionBy(""page"").OrderBy(""ts"")));
        dim.WithColumn(""rank"", Rank().Over(Microsoft.Spark.Sql.Expressions.Window.PartitionBy(""page"").OrderBy(""ts"")));"));

        [Theory]
        [InlineData("full_outer", "events", "dim")]
        [InlineData("outer", "dim", "events")]
        [InlineData("left_anti", "events", "clicks")]
        [InlineData("left_anti", "dim", "events")]
        [InlineData("left_outer", "dim", "events")]
        [InlineData("left_semi", "dim", "events")]
        [InlineData("right_outer", "events", "dim")]
        public Task C15_StreamStaticJoin_Unsupported(string joinType, string left, string right) =>
            SL1007.VerifyAnalyzerAsync(Body($@"        {left}.{{|SL1007:Join|}}({right}, {left}[""id""] == {right}[""id""], ""{joinType}"");"));

        [Theory]
        [InlineData("inner", "events", "dim")]
        [InlineData("left_outer", "events", "dim")]
        [InlineData("left_semi", "events", "dim")]
        [InlineData("left_anti", "events", "dim")]
        [InlineData("right_outer", "dim", "events")]
        [InlineData("inner", "dim", "events")]
        [InlineData("full_outer", "events", "given")]
        public Task C15_StreamStaticJoin_Supported_Silent(string joinType, string left, string right) =>
            SL1007.VerifyAnalyzerAsync(Body($@"        {left}.Join({right}, {left}[""id""] == {right}[""id""], ""{joinType}"");"));

        [Theory]
        [InlineData("update", "Update")]
        [InlineData("complete", "Complete")]
        public Task C15a_StreamStreamJoin_NotAppend(string mode, string display) =>
            SL1008.VerifyAnalyzerAsync(
                Body($@"        events.WithWatermark(""ts"", ""1 hour"").Join(clicks.WithWatermark(""cts"", ""1 hour""), ""id"").WriteStream().OutputMode({{|#0:""{mode}""|}}).Format(""console"").Start();
        events.Join(clicks, ""id"").WriteStream().OutputMode(""append"").Format(""console"").Start();"),
                SL1008.Diagnostic("SL1008").WithLocation(0).WithArguments(
                    display + " output mode is used on a stream-stream join",
                    "at Start()",
                    $"Join between two streaming DataFrames/Datasets is not supported in {display} output mode, only in Append output mode"));

        // ---- 4.E continuous processing (SL1016) ----
        [Fact]
        public Task E29a_ContinuousWithAggregation() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"")
            .Trigger(Trigger.{|#0:Continuous|}(""1 second"")).Start();
        events.Filter(Col(""a"").IsNotNull()).Select(Col(""a"")).WriteStream().Format(""console"").Trigger(Trigger.Continuous(1000)).Start();
        events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Trigger(Trigger.ProcessingTime(""1 second"")).Start();"),
                SL1016.Diagnostic("SL1016").WithLocation(0).WithArguments("the Aggregate operation", "Continuous processing does not support Aggregate operations."));

        [Fact]
        public Task E29b_ContinuousWithCurrentTime() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.WithColumn(""seen"", CurrentTimestamp()).WriteStream().Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();"));

        [Fact]
        public Task E29b_ContinuousWithCurrentTimeInFilter() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.Filter(Col(""ts"") > CurrentTimestamp()).WriteStream().Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();
        events.Where(""ts > now() - interval 1 minute"").WriteStream().Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();
        events.Filter(""unix_timestamp() - epoch < 60"").WriteStream().Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();
        events.Filter(""status = 'now()' AND note <> 'current_timestamp'"").WriteStream().Format(""console"").Trigger(Trigger.Continuous(""1 second"")).Start();
        events.Filter(""unix_timestamp(ts) > 0"").WriteStream().Format(""console"").Trigger(Trigger.Continuous(""1 second"")).Start();
        events.Filter(Col(""ts"") > CurrentTimestamp()).WriteStream().Format(""console"").Trigger(Trigger.ProcessingTime(""1 second"")).Start();"));

        [Fact]
        public Task E_ContinuousWithForeachBatch() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((b, id) => { }).Trigger(Trigger.{|SL1016:Continuous|}(1000)).Start();"));

        [Fact]
        public Task E_Fix_ProcessingTime() =>
            SL1016.VerifyCodeFixAsync(
                Body(@"        events.DropDuplicates(""id"").WriteStream().Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();"),
                Body(@"        events.DropDuplicates(""id"").WriteStream().Format(""console"").Trigger(Trigger.ProcessingTime(""1 second"")).Start();"),
                StreamLint.CodeFixes.Spark.ContinuousTriggerUnsupportedCodeFix.ProcessingTimeKey);
    }
}
