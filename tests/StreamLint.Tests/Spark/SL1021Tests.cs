using System.Threading.Tasks;
using StreamLint.Spark.Rules;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.ChainedStatefulOperatorsAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    public class SL1021Tests
    {
        private const string TwoAggregations = @"        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute""), Col(""page"")).Count()
            .GroupBy(""page"").{|#0:Agg|}(Max(""count""))
            .WriteStream().OutputMode({0}).Format(""console"").Start();";

        [Theory]
        [InlineData("\"update\"", "Update")]
        [InlineData("\"complete\"", "Complete")]
        public Task ChainedAggregations_Spark35_UpdateOrComplete_Reports(string mode, string display) =>
            Verify.VerifyAnalyzerAsync(
                Body(TwoAggregations.Replace("{0}", mode)),
                Verify.Diagnostic("SL1021").WithLocation(0).WithArguments("Streaming aggregation 'Agg'", "Count", "3.5 in " + display + " mode", ChainedStatefulOperatorsAnalyzer.GlobalWatermarkMessage));

        [Fact]
        public Task ChainedAggregations_Spark35_Append_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(TwoAggregations.Replace("{|#0:Agg|}", "Agg").Replace("{0}", "\"append\"")));

        [Theory]
        [InlineData("\"append\"")]
        [InlineData("\"update\"")]
        public Task ChainedAggregations_Spark33_AnyMode_Reports(string mode) =>
            Verify.VerifyAnalyzerAsync(
                Body(TwoAggregations.Replace("{0}", mode)),
                "streamlint.spark_version = 3.3\n",
                Libraries.Spark,
                Verify.Diagnostic("SL1021").WithLocation(0).WithArguments("Streaming aggregation 'Agg'", "Count", "3.3 (before 3.4)", ChainedStatefulOperatorsAnalyzer.MultipleAggregationsMessage));

        [Fact]
        public Task DedupAfterAggregation_Spark33_Reports() =>
            Verify.VerifyAnalyzerAsync(
                Body(@"        events.GroupBy(""page"").Count().{|#0:DropDuplicates|}(""page"").WriteStream().OutputMode(""update"").Format(""console"").Start();"),
                "streamlint.spark_version = 3.3\n",
                Libraries.Spark,
                Verify.Diagnostic("SL1021").WithLocation(0).WithArguments("DropDuplicates(\"page\")", "Count", "3.3 (before 3.4)", ChainedStatefulOperatorsAnalyzer.DedupAfterAggregationMessage));

        [Fact]
        public Task DedupWithoutEventTimeAfterAggregation_Spark35_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.GroupBy(""page"").Count().DropDuplicates(""page"").WriteStream().OutputMode(""update"").Format(""console"").Start();"));

        [Fact]
        public Task SingleStatefulOperatorOrBatchUpstream_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();
        events.DropDuplicates(""id"").GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();
        events.Join(dim.GroupBy(""id"").Count(), ""id"").GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();"));

        [Fact]
        public Task UpstreamAggregationInHelper_IsFollowed() =>
            Verify.VerifyAnalyzerAsync(
                Body(@"        Counts(events).GroupBy(""page"").{|SL1021:Agg|}(Max(""count"")).WriteStream().OutputMode(""update"").Format(""console"").Start();",
                    @"    static DataFrame Counts(DataFrame df) => df.GroupBy(Col(""page""), Col(""user"")).Count();"));
    }
}
