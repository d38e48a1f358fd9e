using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1001 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.AppendAggregationWithoutWatermarkAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1003 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.ProcessingTimeWindowAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1004 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.IneffectiveWatermarkAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1007 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.UnsupportedStreamingOperationAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1008 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.InvalidOutputModeAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1010 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.MissingCheckpointLocationAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1011 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.NonIdempotentForeachBatchAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1012 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.ForeachBatchRecomputationAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1018 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.UnpartitionedStateAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using SL1021 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.ChainedStatefulOperatorsAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// Spark SQL text as part of the plan (SelectExpr, Expr, Filter strings, Sql over temporary views), Transform,
    /// window keys through aliases and ForeachBatch functions of every kind, through the rules. Each clean case has a
    /// reported twin that differs only in the point under test.
    /// </summary>
    public class SqlTextTests
    {
        private const string Console = @".WriteStream().Format(""console"").Start();";

        // ---- SL1001: Sql over temporary views ----
        [Fact]
        public Task SL1001_SqlAggregationOverView_WithoutWatermark_Reports() =>
            SL1001.VerifyAnalyzerAsync(Body(@"        events.CreateOrReplaceTempView(""clicks_v"");
        spark.{|SL1001:Sql|}(""SELECT page, count(*) FROM clicks_v GROUP BY page"")" + Console + @"
        spark.{|SL1001:Sql|}(""  select   `page` ,  COUNT( * ) AS n  from  CLICKS_V  c  where c.page IS NOT NULL group   by c.page ;"")" + Console + @"
        spark.{|SL1001:Sql|}(""SELECT window(ts, '10 minutes') AS w, page, count(*) FROM clicks_v GROUP BY window(ts, '10 minutes'), page"")" + Console));

        [Fact]
        public Task SL1001_SqlWindowOverWatermarkedView_Silent() =>
            SL1001.VerifyAnalyzerAsync(Body(@"        events.WithWatermark(""ts"", ""1 minute"").CreateOrReplaceTempView(""clicks_w"");
        spark.Sql(""SELECT window(ts, '10 minutes') AS w, page, count(*) FROM clicks_w GROUP BY window(ts, '10 minutes'), page"")" + Console + @"
        spark.Sql(""SELECT window(ts, '10 minutes') AS w, count(*) FROM clicks_w GROUP BY w"")" + Console + @"
        spark.Sql(""SELECT ts AS page, count(*) FROM clicks_w GROUP BY page"")" + Console));

        [Fact]
        public Task SL1001_SqlWindowAlias_OverUnwatermarkedView_Reports() =>
            SL1001.VerifyAnalyzerAsync(Body(@"        events.CreateOrReplaceTempView(""clicks_w"");
        spark.{|SL1001:Sql|}(""SELECT window(ts, '10 minutes') AS w, count(*) FROM clicks_w GROUP BY w"")" + Console));

        [Fact]
        public Task SL1001_ViewDefinedInAnotherFile_Reports() =>
            SL1001.VerifyAnalyzerAsync(new[]
            {
                ("/0/Views.cs", Usings + @"
class Views
{
    public static void Register(SparkSession spark) =>
        spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""e"").Load().CreateOrReplaceTempView(""shared_events"");
}"),
                ("/0/Report.cs", Usings + @"
class Report
{
    void Run(SparkSession spark) => spark.{|SL1001:Sql|}(""SELECT page, count(*) FROM shared_events GROUP BY page"").WriteStream().Format(""console"").Start();
}"),
            });

        [Fact]
        public Task SL1001_ViewDefinedInAnotherFile_Watermarked_Silent() =>
            SL1001.VerifyAnalyzerAsync(new[]
            {
                ("/0/Views.cs", Usings + @"
class Views
{
    public static void Register(SparkSession spark) =>
        spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""e"").Load().WithWatermark(""ts"", ""1 minute"").CreateOrReplaceTempView(""shared_events"");
}"),
                ("/0/Report.cs", Usings + @"
class Report
{
    void Run(SparkSession spark) => spark.Sql(""SELECT window(ts, '1 minute'), count(*) FROM shared_events GROUP BY 1"").WriteStream().Format(""console"").Start();
}"),
            });

        [Fact]
        public Task SL1001_UnknownOrAmbiguousViews_Silent() =>
            SL1001.VerifyAnalyzerAsync(Body(@"        events.CreateOrReplaceTempView(""twice"");
        events.WithWatermark(""ts"", ""1 minute"").CreateOrReplaceTempView(""twice"");
        spark.Sql(""SELECT page, count(*) FROM twice GROUP BY page"")" + Console + @"
        spark.Sql(""SELECT page, count(*) FROM never_registered GROUP BY page"")" + Console + @"
        events.CreateOrReplaceTempView(""once"");
        spark.Sql(""SELECT page, count(* FROM once GROUP BY page"")" + Console + @"
        spark.Sql(""SELECT page, count(*) FROM once GROUP BY page UNION SELECT page, 1 FROM once"")" + Console + @"
        dim.CreateOrReplaceTempView(""static_v"");
        spark.Sql(""SELECT page, count(*) FROM static_v GROUP BY page"")" + Console));

        [Fact]
        public Task SL1001_ViewRegisteredOnce_Reports() =>
            SL1001.VerifyAnalyzerAsync(Body(@"        events.CreateOrReplaceTempView(""twice"");
        spark.{|SL1001:Sql|}(""SELECT page, count(*) FROM twice GROUP BY page"")" + Console));

        // ---- SL1001: SelectExpr, Expr and unparsed text ----
        [Fact]
        public Task SL1001_SelectExprAggregate_IsAGlobalAggregation() =>
            SL1001.VerifyAnalyzerAsync(Body(@"        events.{|SL1001:SelectExpr|}(""count(*) AS n"")" + Console + @"
        events.{|SL1001:SelectExpr|}(""max(length(CAST(value AS STRING)))"")" + Console + @"
        events.SelectExpr(""length(CAST(value AS STRING)) AS n"")" + Console + @"
        events.SelectExpr(""count(*) OVER (PARTITION BY page) AS n"")" + Console));

        [Fact]
        public Task SL1001_AliasesThatShadowColumns() =>
            SL1001.VerifyAnalyzerAsync(Body(@"        events.WithWatermark(""ts"", ""1 minute"").SelectExpr(""page AS ts"", ""ts AS event_time"")
            .GroupBy(Window(Col(""ts""), ""1 minute"")).{|SL1001:Count|}()" + Console + @"
        events.WithWatermark(""ts"", ""1 minute"").SelectExpr(""page AS ts"", ""ts AS event_time"")
            .GroupBy(Window(Col(""event_time""), ""1 minute"")).Count()" + Console + @"
        events.WithWatermark(""ts"", ""1 minute"").SelectExpr(""CAST(ts AS TIMESTAMP) AS event_time"", ""page"")
            .GroupBy(Window(Col(""event_time""), ""1 minute"")).Count()" + Console));

        [Fact]
        public Task SL1001_UnparsedTextKeepsWhatIsProvenBelow() =>
            SL1001.VerifyAnalyzerAsync(Body(@"        events.SelectExpr(""page"", ""unknown_fn(ts, (("").GroupBy(Window(Col(""ts""), ""1 minute"")).{|SL1001:Count|}()" + Console + @"
        events.Filter(""page = 'x"").GroupBy(Col(""page"")).{|SL1001:Count|}()" + Console + @"
        events.WithWatermark(""ts"", ""1 minute"").SelectExpr(""page"", ""unknown_fn(ts, (("").GroupBy(Window(Col(""ts""), ""1 minute"")).Count()" + Console));

        [Fact]
        public Task SL1001_WindowKeyThroughAlias() =>
            SL1001.VerifyAnalyzerAsync(Body(@"        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute"").Alias(""window""), Col(""page"")).Count()" + Console + @"
        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Window(Col(""ts""), ""1 minute"").Name(""w"")).Count()" + Console + @"
        events.WithWatermark(""ts"", ""1 minute"").GroupBy(Expr(""window(ts, '1 minute') AS w"")).Count()" + Console + @"
        events.WithWatermark(""ts2"", ""1 minute"").GroupBy(Expr(""window(ts, '1 minute') AS w"")).{|SL1001:Count|}()" + Console));

        // ---- SL1001: Transform ----
        [Fact]
        public Task SL1001_Transform_AppliedLikeAHelper() =>
            SL1001.VerifyAnalyzerAsync(Body(@"        events.Transform(df => df.GroupBy(""page"").{|SL1001:Count|}())" + Console + @"
        events.Transform(Watermarked).GroupBy(Window(Col(""ts""), ""1 minute"")).Count()" + Console + @"
        events.Transform(NotWatermarked).GroupBy(Window(Col(""ts""), ""1 minute"")).{|SL1001:Count|}()" + Console + @"
        events.Transform(df => df.WithWatermark(""ts"", ""1 minute"")).GroupBy(Window(Col(""ts""), ""1 minute"")).Count()" + Console + @"
        DataFrame Local(DataFrame df) => df.WithWatermark(""ts"", ""1 minute"");
        events.Transform(Local).GroupBy(Window(Col(""ts""), ""1 minute"")).Count()" + Console, @"
    static DataFrame Watermarked(DataFrame df) => df.WithWatermark(""ts"", ""1 minute"");
    static DataFrame NotWatermarked(DataFrame df) => df.Filter(""page IS NOT NULL"");"));

        // ---- SL1003 ----
        [Fact]
        public Task SL1003_ProcessingTimeInSqlText() =>
            SL1003.VerifyAnalyzerAsync(Body(@"        events.WithColumn(""t"", Expr(""CAST(  Current_Timestamp  AS TIMESTAMP)"")).GroupBy({|SL1003:Window|}(Col(""t""), ""1 minute"")).Count();
        events.WithColumn(""t"", Expr(""date_trunc('minute', now())"")).GroupBy({|SL1003:Window|}(Col(""t""), ""1 minute"")).Count();
        events.WithColumn(""t"", Expr(""CAST(ts AS TIMESTAMP)"")).GroupBy(Window(Col(""t""), ""1 minute"")).Count();
        events.WithColumn(""t"", Expr(""'current_timestamp()'"")).GroupBy(Window(Col(""t""), ""1 minute"")).Count();
        events.WithColumn(""t"", Expr(""current_timestamp(("")).GroupBy(Window(Col(""t""), ""1 minute"")).Count();"));

        // ---- SL1004 ----
        [Fact]
        public Task SL1004_WatermarkAfterSqlAggregation() =>
            SL1004.VerifyAnalyzerAsync(Body(@"        events.CreateOrReplaceTempView(""raw_v"");
        spark.Sql(""SELECT page, max(ts) AS ts FROM raw_v GROUP BY page"").{|SL1004:WithWatermark|}(""ts"", ""1 minute"");
        spark.Sql(""SELECT page, ts FROM raw_v WHERE page <> ''"").WithWatermark(""ts"", ""1 minute"");"));

        // ---- SL1007 ----
        [Fact]
        public Task SL1007_SortAndLimitInSql() =>
            SL1007.VerifyAnalyzerAsync(Body(@"        events.CreateOrReplaceTempView(""sorted_v"");
        spark.{|SL1007:Sql|}(""SELECT * FROM sorted_v ORDER BY ts DESC"")" + Console + @"
        spark.Sql(""SELECT * FROM sorted_v"")" + Console + @"
        spark.{|SL1007:Sql|}(""SELECT * FROM sorted_v LIMIT 10"").WriteStream().OutputMode(""update"").Format(""console"").Start();
        spark.Sql(""SELECT * FROM sorted_v LIMIT 10"").WriteStream().OutputMode(""append"").Format(""console"").Start();"));

        // ---- SL1008 ----
        [Fact]
        public Task SL1008_CompleteModeOverSql() =>
            SL1008.VerifyAnalyzerAsync(Body(@"        events.CreateOrReplaceTempView(""modes_v"");
        spark.Sql(""SELECT page FROM modes_v WHERE page IS NOT NULL"").WriteStream().OutputMode({|SL1008:""complete""|}).Format(""console"").Start();
        spark.Sql(""SELECT page, count(*) FROM modes_v GROUP BY page"").WriteStream().OutputMode(""complete"").Format(""console"").Start();
        events.SelectExpr(""page"").WriteStream().OutputMode({|SL1008:""complete""|}).Format(""console"").Start();
        events.SelectExpr(""count(*)"").WriteStream().OutputMode(""complete"").Format(""console"").Start();
        events.SelectExpr(""page"", ""sum(x"").WriteStream().OutputMode(""complete"").Format(""console"").Start();"));

        // ---- SL1010 ----
        [Fact]
        public Task SL1010_WriterAlsoStartedInALambda_StillReported() =>
            SL1010.VerifyAnalyzerAsync(Body(@"        var writer = events.WriteStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b:9092"").Option(""topic"", ""out"");
        writer.{|SL1010:Start|}();
        System.Action again = () => writer.{|SL1010:Start|}();"));

        [Fact]
        public Task SL1010_WriterConfiguredInALambda_Silent() =>
            SL1010.VerifyAnalyzerAsync(Body(@"        var writer = events.WriteStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""b:9092"").Option(""topic"", ""out"");
        System.Action configure = () => writer.Option(""checkpointLocation"", ""/cp/out"");
        configure();
        writer.Start();"));

        // ---- SL1011 ----
        [Fact]
        public Task SL1011_BatchIdOnlyLogged_Reports() =>
            SL1011.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) =>
        {
            System.Console.WriteLine($""batch {id}"");
            batch.Write().Mode(SaveMode.Append).Parquet(""/out"");
        }).{|SL1011:Start|}();
        events.WriteStream().{|SL1011:ForeachBatch|}(LogAndAppend).Start();", @"
    static void LogAndAppend(DataFrame batch, long batchId)
    {
        System.Diagnostics.Debug.WriteLine(""batch "" + batchId);
        Trace(batchId);
        batch.Write().Mode(""append"").Parquet(""/out"");
    }

    static void Trace(long id) => System.Console.WriteLine(id);").Replace(@"batch.Write().Mode(SaveMode.Append).Parquet(""/out"");
        }).{|SL1011:Start|}();", @"batch.Write().Mode(SaveMode.Append).{|SL1011:Parquet|}(""/out"");
        }).Start();"));

        [Fact]
        public Task SL1011_BatchIdReachesTheWrite_Silent() =>
            SL1011.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) =>
        {
            System.Console.WriteLine($""batch {id}"");
            batch.Write().Mode(SaveMode.Append).Parquet($""/out/{id}"");
        }).Start();
        events.WriteStream().ForeachBatch(KeyedAppend).Start();
        events.WriteStream().ForeachBatch((batch, id) => batch.Write().Format(""delta"").Option(""txnVersion"", id).Option(""txnAppId"", ""q"").Mode(""append"").Save(""/d"")).Start();", @"
    static void KeyedAppend(DataFrame batch, long batchId)
    {
        System.Diagnostics.Debug.WriteLine(""batch "" + batchId);
        Save(batch, batchId);
    }

    static void Save(DataFrame df, long id) => df.WithColumn(""batch"", Lit(id)).Write().Mode(""append"").Parquet(""/out"");"));

        // ---- SL1012 ----
        [Fact]
        public Task SL1012_EveryFunctionKind_Reports() =>
            SL1012.VerifyAnalyzerAsync(Body(@"        events.WriteStream().{|SL1012:ForeachBatch|}((batch, id) =>
        {
            var valid = batch.Filter(""page IS NOT NULL"");
            valid.Write().Mode(""append"").Parquet(""/a"");
            valid.Write().Mode(""append"").Parquet(""/b"");
        }).Start();
        events.WriteStream().{|SL1012:ForeachBatch|}((batch, id) =>
        {
            if (batch.IsEmpty()) return;
            batch.Write().Mode(""append"").Parquet(""/a"");
        }).Start();
        events.WriteStream().{|SL1012:ForeachBatch|}(TwoWrites).Start();
        void Local(DataFrame b, long id) { if (b.Count() == 0) return; WriteOut(b.Select(""page"")); }
        events.WriteStream().{|SL1012:ForeachBatch|}(Local).Start();", @"
    static void TwoWrites(DataFrame batch, long batchId) { WriteOut(batch); batch.Write().Mode(""append"").Json(""/j""); }
    static void WriteOut(DataFrame df) => df.Write().Mode(""append"").Parquet(""/p"");"));

        [Fact]
        public Task SL1012_PersistedOrSingleAction_Silent() =>
            SL1012.VerifyAnalyzerAsync(Body(@"        events.WriteStream().ForeachBatch((batch, id) =>
        {
            var valid = batch.Filter(""page IS NOT NULL"").Persist();
            valid.Write().Mode(""append"").Parquet(""/a"");
            valid.Write().Mode(""append"").Parquet(""/b"");
        }).Start();
        events.WriteStream().ForeachBatch((batch, id) =>
        {
            batch.Write().Mode(""append"").Parquet(""/a"");
        }).Start();
        events.WriteStream().ForeachBatch(OneWrite).Start();
        void Local(DataFrame b, long id) { var cached = b.Cache(); if (cached.Count() == 0) return; WriteOut(cached); }
        events.WriteStream().ForeachBatch(Local).Start();", @"
    static void OneWrite(DataFrame batch, long batchId) { WriteOut(dimension); WriteOut(batch); }
    static DataFrame dimension;
    static void WriteOut(DataFrame df) => df.Write().Mode(""append"").Parquet(""/p"");"));

        // ---- SL1018 ----
        [Fact]
        public Task SL1018_WindowOnlyKeysThroughAliasesAndSql() =>
            SL1018.VerifyAnalyzerAsync(Body(@"        events.CreateOrReplaceTempView(""part_v"");
        spark.{|SL1018:Sql|}(""SELECT window(ts, '1 minute') AS w, count(*) FROM part_v GROUP BY w"")" + Console + @"
        spark.Sql(""SELECT window(ts, '1 minute') AS w, page, count(*) FROM part_v GROUP BY w, page"")" + Console + @"
        events.GroupBy(Window(Col(""ts""), ""1 minute"").Alias(""window"")).{|SL1018:Count|}()" + Console + @"
        events.GroupBy(Window(Col(""ts""), ""1 minute"").Alias(""window""), Col(""page"")).Count()" + Console));

        // ---- SL1021 ----
        [Fact]
        public Task SL1021_AggregationUpstreamOfUnparsedProjection_StillSeen() =>
            SL1021.VerifyAnalyzerAsync(Body(@"        events.GroupBy(""page"").Count().SelectExpr(""page"", ""oops(("").GroupBy(""page"").{|SL1021:Count|}()
            .WriteStream().OutputMode(""update"").Format(""console"").Start();
        events.GroupBy(""page"").Count().CreateOrReplaceTempView(""counts_v"");
        spark.{|SL1021:Sql|}(""SELECT count(*) FROM counts_v"").WriteStream().OutputMode(""update"").Format(""console"").Start();
        events.Filter(""page IS NOT NULL"").SelectExpr(""page"", ""oops(("").GroupBy(""page"").Count()
            .WriteStream().OutputMode(""update"").Format(""console"").Start();"));
    }
}
