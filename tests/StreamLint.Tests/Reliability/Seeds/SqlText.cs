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
