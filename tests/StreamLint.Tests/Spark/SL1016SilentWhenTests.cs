using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1016 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.ContinuousTriggerUnsupportedAnalyzer, StreamLint.CodeFixes.Spark.ContinuousTriggerUnsupportedCodeFix>;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The bullets of docs/rules/SL1016.md, one test each, named after the bullet: every silent case next to its positive
    /// twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1016SilentWhenTests
    {
        private const string Continuous = @".WriteStream().OutputMode(""update"").Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();";
        private const string ContinuousUnmarked = @".WriteStream().OutputMode(""update"").Format(""console"").Trigger(Trigger.Continuous(""1 second"")).Start();";

        // ---- Reports ----
        [Theory]
        [InlineData(@"events.DropDuplicates(""id"")")]
        [InlineData(@"events.Distinct()")]
        [InlineData(@"events.Join(dim, ""id"")")]
        [InlineData(@"events.WithWatermark(""ts"", ""1 minute"")")]
        [InlineData(@"events.Union(clicks)")]
        [InlineData(@"events.Limit(10)")]
        [InlineData(@"events.Sample(0.5)")]
        [InlineData(@"events.Repartition(4)")]
        [InlineData(@"events.Coalesce(2)")]
        [InlineData(@"events.Agg(Count(Col(""id"")))")]
        public Task AnOperatorOtherThanAProjectionOrAFilter_Reports(string plan) =>
            SL1016.VerifyAnalyzerAsync(Body("        " + plan + Continuous));

        [Theory]
        [InlineData(@"events.Select(Col(""a""), CurrentTimestamp())")]
        [InlineData(@"events.WithColumn(""t"", UnixTimestamp())")]
        [InlineData(@"events.Filter(Col(""ts"") > CurrentTimestamp())")]
        [InlineData(@"events.Where(""ts > now()"")")]
        [InlineData(@"events.Select(Col(""a""), Expr(""current_timestamp()""))")]
        public Task ACurrentTimeFunctionInAProjectionOrAFilter_Reports(string plan) =>
            SL1016.VerifyAnalyzerAsync(Body("        " + plan + Continuous));

        [Fact]
        public Task AForeachBatchSink_Reports() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((b, id) => { }).Trigger(Trigger.{|SL1016:Continuous|}(1000)).Start();"));

        [Fact]
        public Task TriggerSetInAHelperReturningTheWriter_ReportsOnStart() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        Configure(events.GroupBy(""page"").Count()).{|SL1016:Start|}();", @"
    static DataStreamWriter Configure(DataFrame counts) => counts.WriteStream().OutputMode(""update"").Format(""console"").Trigger(Trigger.Continuous(""1 second""));"));

        [Fact]
        public Task TheLastTriggerCallCounts_Silent() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Trigger(Trigger.Continuous(""1 second"")).Trigger(Trigger.ProcessingTime(""1 second"")).Start();"));

        [Fact]
        public Task TheLastTriggerCallCounts_Twin_Reports() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Trigger(Trigger.ProcessingTime(""1 second"")).Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();"));

        // ---- It is silent when ----
        [Fact]
        public Task TheTriggerIsNotWrittenAsTriggerContinuousInTheCall_Silent() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        var trigger = Trigger.Continuous(""1 second"");
        events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Trigger(trigger).Start();
        events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Trigger(Every()).Start();", @"
    static Trigger Every() => Trigger.Continuous(""1 second"");"));

        [Fact]
        public Task TheTriggerIsNotWrittenAsTriggerContinuousInTheCall_Twin_Reports() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.GroupBy(""page"").Count()" + Continuous));

        [Fact]
        public Task TheWriterEscapes_Silent() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        var writer = events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"");
        Keep(writer);
        writer.Trigger(Trigger.Continuous(""1 second"")).Start();", @"
    static void Keep(DataStreamWriter w) { }"));

        [Fact]
        public Task TheWriterEscapes_Twin_LocalWriter_Reports() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        var writer = events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"");
        writer.Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();"));

        [Theory]
        [InlineData("given")]
        [InlineData("dim")]
        [InlineData(@"spark.Sql(""SELECT * FROM t"")")]
        public Task ThePlanIsBatchOrOfUnknownOrigin_Silent(string source) =>
            SL1016.VerifyAnalyzerAsync(Body("        " + source + @".GroupBy(""page"").Count()" + ContinuousUnmarked));

        [Fact]
        public Task ThePlanIsBatchOrOfUnknownOrigin_Twin_Streaming_Reports() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.GroupBy(""page"").Count()" + Continuous));

        [Fact]
        public Task ThePlanIsOfUnknownOrigin_TheForeachBatchCheckIsMadeAnyway_Reports() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        given.WriteStream().ForeachBatch((b, id) => { }).Trigger(Trigger.{|SL1016:Continuous|}(1000)).Start();"));

        [Theory]
        [InlineData(@"events.Repartition(Col(""id""))")]
        public Task TheOperatorIsOneStreamLintDoesNotInterpret_Silent(string plan) =>
            SL1016.VerifyAnalyzerAsync(Body("        " + plan + ContinuousUnmarked));

        [Theory]
        [InlineData(@"events.Join(dim, ""id"")")]
        [InlineData(@"events.Repartition(4)")]
        public Task TheOperatorIsOneStreamLintDoesNotInterpret_Twin_Reports(string plan) =>
            SL1016.VerifyAnalyzerAsync(Body("        " + plan + Continuous));

        [Fact]
        public Task CrossJoin_IsAJoin_Reports() =>
            SL1016.VerifyAnalyzerAsync(Body("        events.CrossJoin(dim)" + Continuous));

        [Fact]
        public Task CurrentDate_IsCurrentTime_Reports() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.WithColumn(""d"", CurrentDate()).WriteStream().Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();"));

        [Fact]
        public Task CurrentTimestampInSelectExprText_Reports() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.SelectExpr(""current_timestamp() AS t"").WriteStream().Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();"));

        [Fact]
        public Task TheCurrentTimeFunctionIsElsewhere_Twin_CurrentTimestampInAProjection_Reports() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.WithColumn(""d"", CurrentTimestamp()).WriteStream().Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();"));
    }
}
