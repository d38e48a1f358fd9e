using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1001 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.AppendAggregationWithoutWatermarkAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1002 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.UnboundedStreamingStateAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1003 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.ProcessingTimeWindowAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1004 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.IneffectiveWatermarkAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1006 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.BatchActionOnStreamAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1007 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.UnsupportedStreamingOperationAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1016 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.ContinuousTriggerUnsupportedAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// What Spark rejects or warns about when it is written in SQL text (SelectExpr, Expr, Filter strings, spark.Sql over
    /// views), session windows, aggregating Selects, and ForeachBatch bodies. Every clean case sits next to a reported
    /// twin differing only in the point under test.
    /// </summary>
    public class SqlRecallTests
    {
        private const string Console = @".WriteStream().Format(""console"").Start();";
        private const string Update = @".WriteStream().OutputMode(""update"").Format(""console"").Start();";
        private const string Complete = @".WriteStream().OutputMode(""complete"").Format(""console"").Start();";

        // ---- SL1007: distinct aggregates in SQL text ----
        [Fact]
        public Task SL1007_DistinctAggregateInSqlText_Reports() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.SelectExpr({|SL1007:""count(DISTINCT userId)""|});
        events.SelectExpr({|SL1007:""  Sum( distinct  amount ) AS total""|});
        events.GroupBy(""page"").Agg({|SL1007:Expr|}(""COUNT(distinct `userId`)""));
        events.Agg({|SL1007:Expr|}(""avg(DISTINCT amount)""));
        events.Select({|SL1007:Expr|}(""count(DISTINCT userId) AS visitors""));"));

        [Fact]
        public Task SL1007_DistinctAggregateInSqlText_Twins_Silent() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.SelectExpr(""count(userId)"");
        events.SelectExpr(""approx_count_distinct(userId)"");
        events.GroupBy(""page"").Agg(Expr(""COUNT(`userId`)""));
        events.Agg(Expr(""avg(amount)""));
        events.SelectExpr(""'count(DISTINCT userId)' AS label"");
        events.SelectExpr(""count(DISTINCT userId"");
        dim.SelectExpr(""count(DISTINCT userId)"");
        dim.GroupBy(""page"").Agg(Expr(""COUNT(distinct `userId`)""));"));

        [Fact]
        public Task SL1007_DistinctAggregateInSql_Reports() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.CreateOrReplaceTempView(""visits_v"");
        dim.CreateOrReplaceTempView(""pages_v"");
        spark.{|SL1007:Sql|}(""SELECT page, count(DISTINCT userId) AS visitors FROM visits_v GROUP BY page"");
        spark.{|SL1007:Sql|}(""  select COUNT ( DISTINCT v.userId )  from VISITS_V v ;"");
        spark.Sql(""SELECT page, count(userId) AS visitors FROM visits_v GROUP BY page"");
        spark.Sql(""SELECT page, count(DISTINCT userId) AS visitors FROM pages_v GROUP BY page"");
        spark.Sql(""SELECT page, count(DISTINCT userId) AS visitors FROM unknown_v GROUP BY page"");"));

        [Fact]
        public Task SL1007_SelectOfADistinctAggregate_IsAStreamingAggregation() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.Select({|SL1007:CountDistinct|}(""userId""));
        events.Select({|SL1007:SumDistinct|}(Col(""amount"")).Alias(""total""), Max(Col(""ts"")));
        events.Select(ApproxCountDistinct(""userId""));
        dim.Select(CountDistinct(""userId""));"));

        [Fact]
        public Task SL1007_SqlNestedQueriesAndNonConstantText_Silent() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.CreateOrReplaceTempView(""nested_v"");
        spark.Sql(""WITH s AS (SELECT page, count(DISTINCT userId) AS n FROM nested_v GROUP BY page) SELECT * FROM s"");
        spark.Sql(""SELECT * FROM (SELECT rank() OVER (ORDER BY ts) AS r FROM nested_v) t"");
        string text = flag ? ""count(userId)"" : ""count(DISTINCT userId)"";
        events.SelectExpr(text);
        spark.{|SL1007:Sql|}(""WITH s AS (SELECT page, userId FROM nested_v) SELECT page, count(DISTINCT userId) AS n FROM s GROUP BY page"");"));

        // ---- SL1007: non-time windows (OVER) in SQL text ----
        [Fact]
        public Task SL1007_WindowFunctionInSqlText_Reports() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.SelectExpr(""page"", {|SL1007:""row_number() OVER (PARTITION BY page ORDER BY ts) AS rn""|});
        events.Select(Col(""page""), {|SL1007:Expr|}(""sum(amount)   over(partition by page)""));
        events.CreateOrReplaceTempView(""ranked_v"");
        spark.{|SL1007:Sql|}(""SELECT page, rank() OVER (ORDER BY ts) FROM ranked_v"");
        spark.{|SL1007:Sql|}(""SELECT page, rank() OVER w FROM ranked_v WINDOW w AS (PARTITION BY page ORDER BY ts)"");"));

        [Fact]
        public Task SL1007_WindowFunctionInSqlText_Twins_Silent() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.SelectExpr(""page"", ""row_number() AS rn"");
        events.Select(Col(""page""), Expr(""sum(amount)""));
        dim.SelectExpr(""page"", ""row_number() OVER (PARTITION BY page ORDER BY ts) AS rn"");
        dim.CreateOrReplaceTempView(""ranked_batch_v"");
        spark.Sql(""SELECT page, rank() OVER (ORDER BY ts) FROM ranked_batch_v"");
        events.WriteStream().ForeachBatch((batch, id) => batch.SelectExpr(""row_number() OVER (ORDER BY ts)"").Show()).Start();"));

        [Fact]
        public Task SL1007_WindowFunctionInSqlText_Message() =>
            SL1007.VerifyAnalyzerAsync(
                Body(@"        events.Filter(""ts > 0"").SelectExpr(""page"", {|#0:""lag(ts) OVER (PARTITION BY page ORDER BY ts)""|});"),
                new DiagnosticResult("SL1007", DiagnosticSeverity.Error).WithLocation(0)
                    .WithArguments("A window function (OVER) in SQL text", "Non-time-based windows are not supported on streaming DataFrames/Datasets"));

        // ---- SL1007: monotonically_increasing_id in SQL text ----
        [Fact]
        public Task SL1007_MonotonicallyIncreasingIdInSqlText_Reports() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.SelectExpr(""*"", {|SL1007:""MONOTONICALLY_INCREASING_ID() AS id""|});
        events.WithColumn(""id"", {|SL1007:Expr|}(""monotonically_increasing_id()""));
        events.Filter({|SL1007:""monotonically_increasing_id() % 2 = 0""|});
        events.CreateOrReplaceTempView(""ids_v"");
        spark.{|SL1007:Sql|}(""SELECT *, monotonically_increasing_id() AS id FROM ids_v"");"));

        [Fact]
        public Task SL1007_MonotonicallyIncreasingIdInSqlText_Twins_Silent() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.SelectExpr(""*"", ""uuid() AS id"");
        dim.SelectExpr(""*"", ""MONOTONICALLY_INCREASING_ID() AS id"");
        events.WithColumn(""id"", Expr(""'monotonically_increasing_id()'""));
        events.Filter(""id % 2 = 0"");
        dim.CreateOrReplaceTempView(""ids_batch_v"");
        spark.Sql(""SELECT *, monotonically_increasing_id() AS id FROM ids_batch_v"");"));

        // ---- SL1007: ORDER BY / LIMIT in Sql follow the output mode ----
        [Fact]
        public Task SL1007_OrderByInSql_CompleteAggregation_Silent_AppendReports() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.CreateOrReplaceTempView(""top_v"");
        spark.Sql(""SELECT page, count(*) AS n FROM top_v GROUP BY page ORDER BY n DESC LIMIT 10"")" + Complete + @"
        spark.{|SL1007:Sql|}(""SELECT page FROM top_v  order  BY page"")" + Update + @"
        spark.Sql(""SELECT page FROM top_v SORT BY page"")" + Update + @"
        spark.{|SL1007:Sql|}(""SELECT page, count(*) AS n FROM top_v GROUP BY page ORDER BY n DESC"")" + Update));

        // ---- SL1002 / SL1003 / SL1001 / SL1004 inside Sql ----
        [Fact]
        public Task SL1003_SqlWindowOverProcessingTimeColumn_Reports() =>
            SL1003.VerifyAnalyzerAsync(Body(@"        events.WithColumn(""arrival"", CurrentTimestamp()).CreateOrReplaceTempView(""arrivals_v"");
        events.SelectExpr(""*"", ""now() AS seen"").CreateOrReplaceTempView(""seen_v"");
        spark.{|SL1003:Sql|}(""SELECT window(arrival, '1 minute'), count(*) FROM arrivals_v GROUP BY window(arrival, '1 minute')"");
        spark.{|SL1003:Sql|}(""SELECT count(*) FROM seen_v GROUP BY WINDOW( seen , '5 minutes' )"");
        spark.Sql(""SELECT window(ts, '1 minute'), count(*) FROM arrivals_v GROUP BY window(ts, '1 minute')"");"));

        [Fact]
        public Task SL1003_SelectExprProcessingTime_ThenWindow() =>
            SL1003.VerifyAnalyzerAsync(Body(@"        events.SelectExpr(""*"", ""current_timestamp() AS seenAt"").GroupBy({|SL1003:Window|}(Col(""seenAt""), ""1 minute"")).Count();
        events.SelectExpr(""*"", ""timestamp AS seenAt"").GroupBy(Window(Col(""seenAt""), ""1 minute"")).Count();"));

        [Fact]
        public Task SL1002_SqlWindowedAggregation_UpdateWithoutWatermark_Reports() =>
            SL1002.VerifyAnalyzerAsync(Body(@"        events.CreateOrReplaceTempView(""unbounded_v"");
        events.WithWatermark(""ts"", ""10 minutes"").CreateOrReplaceTempView(""bounded_v"");
        spark.{|SL1002:Sql|}(""SELECT window(ts, '5 minutes') AS w, count(*) FROM unbounded_v GROUP BY w"")" + Update + @"
        spark.Sql(""SELECT window(ts, '5 minutes') AS w, count(*) FROM bounded_v GROUP BY w"")" + Update + @"
        spark.{|SL1002:Sql|}(""SELECT window(ts, '5 minutes') AS w, count(*) FROM bounded_v GROUP BY w"")" + Complete));

        [Fact]
        public Task SL1005_SqlStreamStreamOuterJoin_FollowsTheJoin() =>
            StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.OuterJoinWithoutWatermarkAnalyzer, EmptyCodeFixProvider>.VerifyAnalyzerAsync(Body(@"        events.WithWatermark(""ts"", ""1 minute"").CreateOrReplaceTempView(""imps_v"");
        clicks.CreateOrReplaceTempView(""clicks_nowm_v"");
        clicks.WithWatermark(""ts"", ""2 minutes"").CreateOrReplaceTempView(""clicks_wm_v"");
        spark.{|SL1005:Sql|}(""SELECT * FROM imps_v i LEFT JOIN clicks_nowm_v c ON i.id = c.id AND c.ts BETWEEN i.ts AND i.ts + INTERVAL 1 HOUR"")" + Console + @"
        spark.Sql(""SELECT * FROM imps_v i LEFT JOIN clicks_wm_v c ON i.id = c.id AND c.ts BETWEEN i.ts AND i.ts + INTERVAL 1 HOUR"")" + Console));

        // ---- session_window ----
        [Fact]
        public Task SL1001_SessionWindowKey_CarriesTheWatermark() =>
            SL1001.VerifyAnalyzerAsync(Body(@"        events.GroupBy(Session_Window(Col(""ts""), ""5 minutes"")).{|SL1001:Count|}()" + Console + @"
        events.WithWatermark(""ts"", ""10 minutes"").GroupBy(Session_Window(Col(""ts""), ""5 minutes"")).Count()" + Console + @"
        events.WithWatermark(""ts"", ""10 minutes"").CreateOrReplaceTempView(""sessions_v"");
        spark.Sql(""SELECT session_window(ts, '5 minutes') AS s, count(*) FROM sessions_v GROUP BY s"")" + Console + @"
        events.CreateOrReplaceTempView(""sessions_nowm_v"");
        spark.{|SL1001:Sql|}(""SELECT count(*) FROM sessions_nowm_v GROUP BY SESSION_WINDOW(ts, '5 minutes')"")" + Console));

        [Fact]
        public Task SL1002_SessionWindow_UpdateWithoutWatermark_Reports() =>
            SL1002.VerifyAnalyzerAsync(Body(@"        events.GroupBy(Session_Window(Col(""ts""), ""5 minutes"")).{|SL1002:Count|}()" + Update + @"
        events.WithWatermark(""ts"", ""10 minutes"").GroupBy(Session_Window(Col(""ts""), ""5 minutes"")).Count()" + Update));

        [Fact]
        public Task SL1004_WatermarkOnAnotherColumnThanTheSessionWindow_Reports() =>
            SL1004.VerifyAnalyzerAsync(Body(@"        events.{|SL1004:WithWatermark|}(""created"", ""10 minutes"").GroupBy(Session_Window(Col(""ts""), ""5 minutes"")).Count();
        events.WithWatermark(""ts"", ""10 minutes"").GroupBy(Session_Window(Col(""ts""), ""5 minutes"")).Count();"));

        [Fact]
        public Task SL1003_SessionWindowOverProcessingTime_Reports() =>
            SL1003.VerifyAnalyzerAsync(Body(@"        events.WithColumn(""arrival"", CurrentTimestamp()).GroupBy({|SL1003:Session_Window|}(Col(""arrival""), ""5 minutes"")).Count();
        events.GroupBy(Session_Window(Col(""ts""), ""5 minutes"")).Count();"));

        // ---- Select(aggregate columns) is a global aggregation ----
        [Fact]
        public Task SL1001_SelectOfAggregates_IsAGlobalAggregation() =>
            SL1001.VerifyAnalyzerAsync(Body(@"        events.{|SL1001:Select|}(Count(Col(""id"")))" + Console + @"
        events.{|SL1001:Select|}(Sum(Col(""amount"")).Alias(""total""), Max(Col(""ts"")))" + Console + @"
        events.{|SL1001:Select|}(Expr(""count(*)""))" + Console + @"
        events.Select(Col(""id""), Col(""amount""))" + Console + @"
        events.Select(Col(""id""), Upper(Col(""page"")))" + Console));

        [Fact]
        public Task SL1016_SelectOfAggregates_IsAnAggregate() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.Select(Count(Col(""id""))).WriteStream().OutputMode(""update"").Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();
        events.Select(Col(""id"")).WriteStream().OutputMode(""append"").Format(""console"").Trigger(Trigger.Continuous(""1 second"")).Start();"));

        // ---- SL1016: unparsable Filter text keeps what is proven upstream ----
        [Fact]
        public Task SL1016_UnparsableFilterText_KeepsTheAggregationUpstream() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.GroupBy(""page"").Count().Filter(""count >>> ((("").WriteStream().OutputMode(""update"").Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();
        events.GroupBy(""page"").Count().Where(""count > 1"").WriteStream().OutputMode(""update"").Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();
        events.Filter(""count >>> ((("").WriteStream().OutputMode(""append"").Format(""console"").Trigger(Trigger.Continuous(""1 second"")).Start();"));

        [Theory]
        [InlineData(@"events.WithColumn(""seen"", CurrentTimestamp()).Filter(""seen >>> ((("")")]
        [InlineData(@"events.DropDuplicates(""id"").Where(""id IN (SELECT"").Select(Col(""id""))")]
        [InlineData(@"events.WithWatermark(""ts"", ""1 minute"").Filter(""ts ~~ 1"").SelectExpr(""id"")")]
        [InlineData(@"events.Limit(5).Filter(""CASE WHEN"").Filter(""id > 0"")")]
        public Task SL1016_UnparsableFilterText_DoesNotHideUpstreamOperators(string plan) =>
            SL1016.VerifyAnalyzerAsync(Body("        " + plan + @".WriteStream().OutputMode(""update"").Format(""console"").Trigger(Trigger.{|SL1016:Continuous|}(""1 second"")).Start();"));

        [Fact]
        public Task SL1016_UnparsableFilterText_AloneIsSilent() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.Filter(""seen >>> ((("").Select(Col(""id"")).WriteStream().Format(""console"").Trigger(Trigger.Continuous(""1 second"")).Start();
        var filtered = events.Where(""id IN (SELECT"");
        filtered.WriteStream().Format(""console"").Trigger(Trigger.Continuous(""1 second"")).Start();"));

        // ---- ForeachBatch: the micro-batch is a batch DataFrame ----
        [Fact]
        public Task SL1006_BatchActionsOnTheMicroBatch_Silent() =>
            SL1006.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) => { batch.Show(); batch.Count(); batch.Collect(); }).Start();
        events.WriteStream().ForeachBatch(Flush).Start();
        events.WriteStream().ForeachBatch((batch, id) => Helper(batch)).Start();
        events.{|SL1006:Show|}();", @"
    static void Flush(DataFrame batch, long id) { batch.Show(); batch.Write().Parquet(""/out""); }
    static void Helper(DataFrame df) => df.Count();"));

        [Fact]
        public Task SL1006_StreamCapturedInsideForeachBatch_Reports() =>
            SL1006.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) => { batch.Show(); clicks.{|SL1006:Show|}(); }).Start();"));

        [Fact]
        public Task SL1016_ForeachBatchBodyIsNotTheStreamingPlan() =>
            SL1016.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) => batch.GroupBy(""page"").Count().Write().Parquet(""/out"")).Trigger(Trigger.ProcessingTime(""1 second"")).Start();
        events.WriteStream().ForeachBatch((batch, id) => batch.GroupBy(""page"").Count().Write().Parquet(""/out"")).Trigger(Trigger.{|#0:Continuous|}(""1 second"")).Start();"),
                new DiagnosticResult("SL1016", DiagnosticSeverity.Error).WithLocation(0).WithArguments("ForeachBatch", "'foreachBatch' is not supported with continuous trigger"));
    }
}
