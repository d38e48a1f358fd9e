// Reliability seed: Spark SQL text the pipeline model reads — SelectExpr, Expr, Filter/Where strings, join
// conditions and Sql over temporary views — with Transform and ForeachBatch functions of every kind.
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;

namespace Seeds.SqlText
{
    public class SqlJobs
    {
        private readonly SparkSession spark;

        public SqlJobs(SparkSession spark) => this.spark = spark;

        private DataFrame Clicks() =>
            this.spark.ReadStream().Format("kafka").Option("kafka.bootstrap.servers", "b:9092").Option("subscribe", "clicks").Load();

        private static DataFrame Watermarked(DataFrame df) => df.WithWatermark("ts", "10 minutes");

        public void Projections()
        {
            this.Clicks()
                .SelectExpr("CAST(value AS STRING) AS json", "timestamp AS ts", "upper(page) AS page")
                .Filter("page IS NOT NULL AND length(json) > 2")
                .WithColumn("seen", Expr("current_timestamp()"))
                .GroupBy(Expr("window(ts, '5 minutes') AS w"), Col("page"))
                .Count()
                .WriteStream()
                .Format("console")
                .Start();
        }

        public void Views()
        {
            this.Clicks().Transform(Watermarked).CreateOrReplaceTempView("clicks_v");
            this.Clicks().Transform(df => df.WithWatermark("ts", "1 hour")).CreateOrReplaceTempView("views_v");
            this.spark
                .Sql("SELECT window(c.ts, '10 minutes') AS w, c.page, count(*) AS n FROM clicks_v c JOIN views_v v ON c.page = v.page AND c.ts BETWEEN v.ts AND v.ts + INTERVAL 1 HOUR WHERE c.page <> '' GROUP BY w, c.page")
                .WriteStream()
                .OutputMode("append")
                .Format("parquet")
                .Option("checkpointLocation", "/cp/sql-views")
                .Start("/out/sql-views");
        }

        public void Rejected()
        {
            this.Clicks().SelectExpr("count(DISTINCT page) AS pages", "sum(DISTINCT n)");
            this.Clicks().SelectExpr("page", "row_number() OVER (PARTITION BY page ORDER BY ts) AS rn", "monotonically_increasing_id() AS id");
            this.Clicks().GroupBy("page").Agg(Expr("count(DISTINCT userId)"));
            this.Clicks().Select(Count(Col("page")), Max(Col("ts")));
            this.Clicks().Filter("monotonically_increasing_id() % 2 = 0");
            this.Clicks().WithColumn("arrival", CurrentTimestamp()).CreateOrReplaceTempView("arrivals_v");
            this.Clicks().CreateOrReplaceTempView("raw_clicks_v");
            this.Clicks().GroupBy(Session_Window(Col("ts"), "5 minutes"), Col("page")).Count();
            this.spark.Sql("SELECT window(arrival, '1 minute') AS w, count(DISTINCT page) FROM arrivals_v GROUP BY w ORDER BY w LIMIT 5")
                .WriteStream()
                .OutputMode("update")
                .Format("console")
                .Start();
            this.spark.Sql("SELECT session_window(ts, '5 minutes') AS s, rank() OVER w AS r FROM raw_clicks_v c LEFT JOIN arrivals_v a ON c.page = a.page AND c.ts BETWEEN a.arrival AND a.arrival + INTERVAL 1 HOUR WINDOW w AS (ORDER BY ts)")
                .WriteStream()
                .OutputMode("complete")
                .Format("console")
                .Start();
        }

        public void Batches()
        {
            this.Clicks()
                .Where("page LIKE 'a%'")
                .WriteStream()
                .ForeachBatch(Write)
                .Option("checkpointLocation", "/cp/sql-batches")
                .Start();
        }

        private static void Write(DataFrame batch, long batchId)
        {
            if (batch.IsEmpty())
            {
                return;
            }

            DataFrame valid = batch.SelectExpr("*").Filter("page IS NOT NULL");
            valid.Write().Mode("append").Parquet("/out/sql/" + batchId);
        }
    }
}
