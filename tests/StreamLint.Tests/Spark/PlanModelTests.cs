using Xunit;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The inferred plan of representative queries, rendered by the model's dump: the sink line, then the operators
    /// from the sink down to the sources, each with its streaming-ness and column facts. These pin what the rules read.
    /// </summary>
    public class PlanModelTests
    {
        private const string Usings = "using Microsoft.Spark.Sql;\nusing Microsoft.Spark.Sql.Streaming;\nusing static Microsoft.Spark.Sql.Functions;\n";

        private const string Kafka = "spark.ReadStream().Format(\"kafka\").Option(\"subscribe\", \"clicks\").Load()";

        private static void AssertPlans(string members, string[] expected) =>
            Assert.Equal(expected, PlanModel.Dumps(Usings + "class Job\n{\n" + members + "\n}\n"));

        [Fact]
        public void WindowedAggregation_WithWatermark()
        {
            AssertPlans(
                $@"void Run(SparkSession spark) {{
                    {Kafka}.WithWatermark(""ts"", ""10 minutes"").GroupBy(Window(Col(""ts""), ""5 minutes""), Col(""page"")).Count()
                        .WriteStream().OutputMode(""append"").Format(""parquet"").Option(""checkpointLocation"", ""/cp/a"").Start();
                }}",
                new[]
                {
                    "Start sink=parquet mode=Append checkpoint=/cp/a\n"
                    + "  Aggregate Count keys=[window(ts, 5 minutes), page] streaming watermark=?\n"
                    + "    WithWatermark ts 10 minutes streaming watermark={ts}\n"
                    + "      Source kafka streaming\n",
                });
        }

        [Fact]
        public void FluentChainSplitOverLocals_AndBranches()
        {
            AssertPlans(
                $@"void Run(SparkSession spark, bool debug) {{
                    DataFrame events = {Kafka};
                    DataFrame valid = events.Filter(Col(""page"").IsNotNull());
                    DataFrame shaped = debug ? valid.Select(Col(""page""), Col(""ts"")) : valid.Select(Col(""page""), Col(""ts""), Col(""user""));
                    shaped.WriteStream().Format(""console"").Start();
                }}",
                new[]
                {
                    "Start sink=console mode=Append checkpoint=none\n"
                    + "  OneOf streaming\n"
                    + "    Select streaming\n"
                    + "      Filter streaming\n"
                    + "        Source kafka streaming\n"
                    + "    Select streaming\n"
                    + "      Filter streaming\n"
                    + "        Source kafka streaming\n",
                });
        }

        [Fact]
        public void HelperMethod_AppliedToTheCallersDataFrame()
        {
            AssertPlans(
                $@"static DataFrame Clean(DataFrame df) => df.WithWatermark(""ts"", ""1 minute"").DropDuplicates(""id"", ""ts"");
                void Run(SparkSession spark) {{
                    Clean({Kafka}).WriteStream().Format(""delta"").Option(""checkpointLocation"", ""/cp/b"").Start(""/out"");
                }}",
                new[]
                {
                    "Start sink=delta mode=Append checkpoint=/cp/b\n"
                    + "  DropDuplicates [id, ts] streaming watermark={ts}\n"
                    + "    WithWatermark ts 1 minute streaming watermark={ts}\n"
                    + "      Source kafka streaming\n",
                });
        }

        [Fact]
        public void StreamStaticJoin()
        {
            AssertPlans(
                $@"void Run(SparkSession spark) {{
                    DataFrame users = spark.Read().Parquet(""/users"");
                    {Kafka}.Join(users, new[] {{ ""user"" }}, ""left_outer"").WriteStream().Format(""console"").Start();
                }}",
                new[]
                {
                    "Start sink=console mode=Append checkpoint=none\n"
                    + "  Join leftouter keys=[user] streaming\n"
                    + "    Source kafka streaming\n"
                    + "    Source Parquet batch\n",
                });
        }

        [Fact]
        public void StreamStreamJoin_WithRangeCondition()
        {
            AssertPlans(
                $@"void Run(SparkSession spark) {{
                    DataFrame clicks = {Kafka}.WithWatermark(""clickTime"", ""10 minutes"");
                    DataFrame views = spark.ReadStream().Format(""rate"").Load().WithWatermark(""viewTime"", ""5 minutes"");
                    clicks.Join(views, Expr(""clickAdId = viewAdId AND clickTime >= viewTime AND clickTime <= viewTime + interval 1 hour""), ""leftOuter"")
                        .WriteStream().Format(""console"").Start();
                }}",
                new[]
                {
                    "Start sink=console mode=Append checkpoint=none\n"
                    + "  Join leftouter keys=[clickAdId, viewAdId] range streaming watermark=?\n"
                    + "    WithWatermark clickTime 10 minutes streaming watermark={clickTime}\n"
                    + "      Source kafka streaming\n"
                    + "    WithWatermark viewTime 5 minutes streaming watermark={viewTime}\n"
                    + "      Source rate streaming\n",
                });
        }

        [Fact]
        public void ProcessingTimeColumn_FlowsIntoTheWindow()
        {
            AssertPlans(
                $@"void Run(SparkSession spark) {{
                    {Kafka}.WithColumn(""now"", CurrentTimestamp()).GroupBy(Window(Col(""now""), ""1 minute"")).Count()
                        .WriteStream().OutputMode(OutputMode.Update).Format(""console"").Start();
                }}",
                new[]
                {
                    "Start sink=console mode=Update checkpoint=none\n"
                    + "  Aggregate Count keys=[window(now, 1 minute)] streaming\n"
                    + "    WithColumn streaming processing-time={now}\n"
                    + "      Source kafka streaming\n",
                });
        }

        [Fact]
        public void ChainedAggregations_CompleteMode()
        {
            AssertPlans(
                $@"void Run(SparkSession spark) {{
                    {Kafka}.GroupBy(""page"").Count().GroupBy(""count"").Count()
                        .WriteStream().OutputMode(""complete"").Format(""memory"").QueryName(""counts"").Start();
                }}",
                new[]
                {
                    "Start sink=memory mode=Complete checkpoint=none\n"
                    + "  Aggregate Count keys=[count] streaming\n"
                    + "    Aggregate Count keys=[page] streaming\n"
                    + "      Source kafka streaming\n",
                });
        }

        [Fact]
        public void SingleStatePartition_BeforeDeduplication()
        {
            AssertPlans(
                $@"void Run(SparkSession spark) {{
                    {Kafka}.Repartition(1).Distinct().WriteStream().Format(""console"").Start();
                }}",
                new[]
                {
                    "Start sink=console mode=Append checkpoint=none\n"
                    + "  Distinct [] streaming\n"
                    + "    Repartition(1) streaming\n"
                    + "      Source kafka streaming\n",
                });
        }

        [Fact]
        public void BatchSource_WrittenAsStream()
        {
            AssertPlans(
                @"void Run(SparkSession spark) {
                    spark.Read().Format(""json"").Load(""/in"").WriteStream().Format(""console"").Start();
                }",
                new[]
                {
                    "Start sink=console mode=Append checkpoint=none\n"
                    + "  Source json batch\n",
                });
        }

        [Fact]
        public void UnknownParameter_StaysUnknown()
        {
            AssertPlans(
                @"public void Run(DataFrame input) {
                    input.GroupBy(""page"").Count().WriteStream().Format(""console"").Trigger(Trigger.ProcessingTime(""10 seconds"")).Start();
                }",
                new[]
                {
                    "Start sink=console mode=Append checkpoint=none trigger=ProcessingTime(10 seconds)\n"
                    + "  (plan unknown)\n",
                });
        }

        [Fact]
        public void UnionOfStreams_AndToTable()
        {
            AssertPlans(
                $@"void Run(SparkSession spark) {{
                    DataFrame a = {Kafka};
                    DataFrame b = spark.ReadStream().Format(""rate"").Load();
                    a.Union(b).WriteStream().Option(""checkpointLocation"", ""/cp/u"").ToTable(""events"");
                }}",
                new[]
                {
                    "ToTable sink=? mode=Append checkpoint=/cp/u\n"
                    + "  Union streaming\n"
                    + "    Source kafka streaming\n"
                    + "    Source rate streaming\n",
                });
        }

        [Fact]
        public void ForeachBatchSink_WithUpdateMode()
        {
            AssertPlans(
                $@"void Run(SparkSession spark) {{
                    {Kafka}.WithWatermark(""ts"", ""1 hour"").GroupBy(Window(Col(""ts""), ""1 hour"").Alias(""w""), Col(""user"")).Agg(Sum(""amount""))
                        .WriteStream().OutputMode(""update"").ForeachBatch((batch, id) => batch.Write().Mode(""append"").Parquet(""/out"")).Start();
                }}",
                new[]
                {
                    "Start sink=foreachBatch mode=Update checkpoint=none\n"
                    + "  Aggregate Agg keys=[window(ts, 1 hour) AS w, user] streaming watermark=?\n"
                    + "    WithWatermark ts 1 hour streaming watermark={ts}\n"
                    + "      Source kafka streaming\n",
                });
        }

        [Fact]
        public void UnreadOperator_KeepsStreamingnessButNotColumns()
        {
            AssertPlans(
                $@"void Run(SparkSession spark) {{
                    {Kafka}.WithWatermark(""ts"", ""1 minute"").ToDF(""a"", ""b"").WriteStream().Format(""console"").Start();
                }}",
                new[]
                {
                    "Start sink=console mode=Append checkpoint=none\n"
                    + "  ToDF (opaque) streaming watermark=?\n"
                    + "    WithWatermark ts 1 minute streaming watermark={ts}\n"
                    + "      Source kafka streaming\n",
                });
        }
    
        [Fact]
        public void SqlText_SelectExprFilterAndExprKey()
        {
            AssertPlans(
                $@"void Run(SparkSession spark) {{
                    {Kafka}.WithWatermark(""ts"", ""1 minute"").SelectExpr(""CAST(value AS STRING) AS json"", ""ts AS t"", ""page"")
                        .Filter(""page IS NOT NULL"").GroupBy(Expr(""window(t, '5 minutes') AS w""), Col(""page"")).Count()
                        .WriteStream().Format(""console"").Start();
                }}",
                new[]
                {
                    "Start sink=console mode=Append checkpoint=none\n"
                    + "  Aggregate Count keys=[window(t, 5 minutes) AS w, page] streaming watermark=?\n"
                    + "    Filter streaming watermark={t}\n"
                    + "      SelectExpr streaming watermark={t}\n"
                    + "        WithWatermark ts 1 minute streaming watermark={ts}\n"
                    + "          Source kafka streaming\n",
                });
        }

        [Fact]
        public void SqlText_AggregateInSelectExpr_AndUnparsedText()
        {
            AssertPlans(
                $@"void Run(SparkSession spark) {{
                    {Kafka}.SelectExpr(""count(*) AS n"").WriteStream().OutputMode(""complete"").Format(""console"").Start();
                    {Kafka}.GroupBy(""page"").Count().SelectExpr(""page"", ""broken(("").WriteStream().OutputMode(""complete"").Format(""console"").Start();
                }}",
                new[]
                {
                    "Start sink=console mode=Complete checkpoint=none\n"
                    + "  Aggregate SelectExpr keys=[] streaming\n"
                    + "    Source kafka streaming\n",
                    "Start sink=console mode=Complete checkpoint=none\n"
                    + "  SelectExpr (opaque) streaming\n"
                    + "    Aggregate Count keys=[page] streaming\n"
                    + "      Source kafka streaming\n",
                });
        }

        [Fact]
        public void SqlText_QueryOverViews_WithJoinAndWindowAlias()
        {
            AssertPlans(
                $@"void Run(SparkSession spark) {{
                    {Kafka}.WithWatermark(""ts"", ""10 minutes"").CreateOrReplaceTempView(""clicks"");
                    spark.ReadStream().Format(""rate"").Load().WithWatermark(""ts"", ""5 minutes"").CreateTempView(""views"");
                    spark.Sql(""SELECT window(c.ts, '1 minute') AS w, count(*) FROM clicks c JOIN views v ON c.id = v.id AND c.ts BETWEEN v.ts AND v.ts + INTERVAL 1 HOUR WHERE c.page <> '' GROUP BY w"")
                        .WriteStream().Format(""console"").Start();
                }}",
                new[]
                {
                    "Start sink=console mode=Append checkpoint=none\n"
                    + "  Aggregate Sql keys=[window(ts, 1 minute)] streaming watermark=?\n"
                    + "    Filter streaming watermark=?\n"
                    + "      Join inner keys=[id, id] range streaming watermark=?\n"
                    + "        WithWatermark ts 10 minutes streaming watermark={ts}\n"
                    + "          Source kafka streaming\n"
                    + "        WithWatermark ts 5 minutes streaming watermark={ts}\n"
                    + "          Source rate streaming\n",
                });
        }

        [Fact]
        public void Transform_LambdaAndMethodGroup()
        {
            AssertPlans(
                $@"static DataFrame Clean(DataFrame df) => df.Where(""page IS NOT NULL"");
                void Run(SparkSession spark) {{
                    {Kafka}.Transform(Clean).Transform(df => df.WithWatermark(""ts"", ""1 minute"")).WriteStream().Format(""console"").Start();
                }}",
                new[]
                {
                    "Start sink=console mode=Append checkpoint=none\n"
                    + "  WithWatermark ts 1 minute streaming watermark={ts}\n"
                    + "    Where streaming\n"
                    + "      Source kafka streaming\n",
                });
        }
}
}
