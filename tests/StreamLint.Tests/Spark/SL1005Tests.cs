using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.OuterJoinWithoutWatermarkAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    public class SL1005Tests
    {
        [Theory]
        [InlineData("left_outer", "LeftOuter")]
        [InlineData("leftouter", "LeftOuter")]
        [InlineData("left", "LeftOuter")]
        [InlineData("LEFT_OUTER", "LeftOuter")]
        [InlineData("right", "RightOuter")]
        [InlineData("right_outer", "RightOuter")]
        [InlineData("full", "FullOuter")]
        [InlineData("outer", "FullOuter")]
        [InlineData("full_outer", "FullOuter")]
        [InlineData("left_semi", "LeftSemi")]
        [InlineData("semi", "LeftSemi")]
        public Task OuterOrSemiStreamStreamJoin_NoWatermarks_Reports(string joinType, string display) =>
            Verify.VerifyAnalyzerAsync(
                Body($@"        events.{{|#0:Join|}}(clicks, events[""id""] == clicks[""id""], ""{joinType}"");"),
                Verify.Diagnostic("SL1005").WithLocation(0).WithArguments(display));

        [Fact]
        public Task UsingColumnsOverload_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.{|SL1005:Join|}(clicks, new[] { ""id"" }, ""left_outer"");"));

        [Fact]
        public Task NullableSideWithoutWatermark_OtherSideKeyNotWatermarked_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        var left = events.WithWatermark(""ts"", ""1 hour"");
        left.{|SL1005:Join|}(clicks, left[""id""] == clicks[""id""], ""left_outer"");"));

        [Fact]
        public Task WatermarkedKeyOrNullableSideWatermark_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(@"        var left = events.WithWatermark(""ts"", ""1 hour"");
        var right = clicks.WithWatermark(""clickTs"", ""1 hour"");
        left.Join(clicks, left[""ts""] == clicks[""ts""], ""left_outer"");
        left.Join(right, (left[""id""] == right[""id""]) & (right[""clickTs""] >= left[""ts""]), ""left_outer"");
        left.Join(right, Expr(""id = cid AND clickTs BETWEEN ts AND ts + interval 1 hour""), ""left_outer"");
        left.Join(clicks, Expr(""unparsed(id) = cid""), ""left_outer"");"));

        [Theory]
        [InlineData("left_outer")]
        [InlineData("right_outer")]
        [InlineData("full_outer")]
        [InlineData("left_semi")]
        public Task NullableSideWatermarked_ButNoRangeCondition_Reports(string joinType) =>
            Verify.VerifyAnalyzerAsync(Body($@"        var left = events.WithWatermark(""ts"", ""1 hour"");
        var right = clicks.WithWatermark(""clickTs"", ""1 hour"");
        left.{{|SL1005:Join|}}(right, left[""id""] == right[""id""], ""{joinType}"");
        left.{{|SL1005:Join|}}(right, new[] {{ ""id"" }}, ""{joinType}"");
        events.{{|SL1005:Join|}}(right, events[""id""] == right[""id""], ""{joinType}"");"));

        [Fact]
        public Task NoRange_ButConditionUnknownOrKeyWatermarked_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(@"        var left = events.WithWatermark(""ts"", ""1 hour"");
        var right = clicks.WithWatermark(""clickTs"", ""1 hour"");
        left.Join(right, left[""ts""] == right[""clickTs""], ""left_outer"");
        left.Join(right, Expr(""lower(id) = cid""), ""left_outer"");
        left.Join(right, left[""id""] == right[""id""]);"));

        [Fact]
        public Task ExprConditions_AreRead() =>
            Verify.VerifyAnalyzerAsync(Body(@"        var left = events.WithWatermark(""ts"", ""1 hour"");
        left.{|SL1005:Join|}(clicks, Expr(""id = cid""), ""left_outer"");
        left.Join(clicks, Expr(""l.ts = r.ts""), ""left_outer"");
        left.Join(clicks, Expr(""id = cid OR ts = ts2""), ""left_outer"");
        left.Join(clicks, Expr(""lower(id) = cid""), ""left_outer"");"));

        [Fact]
        public Task InnerOrStreamStatic_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.Join(clicks, events[""id""] == clicks[""id""]);
        events.Join(clicks, events[""id""] == clicks[""id""], ""inner"");
        events.Join(dim, events[""id""] == dim[""id""], ""left_outer"");
        events.Join(given, events[""id""] == given[""id""], ""left_outer"");
        events.Join(clicks, events[""id""] == clicks[""id""], flag ? ""inner"" : ""left_outer"");"));

        [Fact]
        public Task Spark24_SemiAndFull_NotThisRule() =>
            Verify.VerifyAnalyzerAsync(
                Body(@"        events.Join(clicks, events[""id""] == clicks[""id""], ""left_semi"");
        events.{|#0:Join|}(clicks, events[""id""] == clicks[""id""], ""left_outer"");"),
                "streamlint.spark_version = 2.4\n",
                Libraries.Spark,
                Verify.Diagnostic("SL1005").WithLocation(0).WithArguments("outer"));
    }
}
