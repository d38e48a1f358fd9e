// Reliability seed: batch sources and writers, stream-static joins and unions, unknown provenance
// (parameters, Sql, fields) — the shapes where the rules must stay silent.
using System.Collections.Generic;
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using Microsoft.Spark.Sql.Types;
using static Microsoft.Spark.Sql.Functions;

namespace Seeds.Mixed
{
    public class Mixed
    {
        private DataFrame? cached;

        public void Batch(SparkSession spark)
        {
            DataFrame input = spark.Read().Format("parquet").Option("mergeSchema", true).Load("/in");
            input.GroupBy("page").Count().Write().Format("parquet").Mode(SaveMode.Overwrite).Save("/out");
            spark.Read().Parquet("/in").GroupBy("page").Count().WriteStream().Format("console").Start();
            spark.Range(10).WriteStream().Format("kafka").Start();
            spark.CreateDataFrame(new[] { 1, 2, 3 }).GroupBy("value").Count().WriteStream().Format("console").Start();
            spark.Table("dim").Write().SaveAsTable("dim_copy");
            var schema = new StructType(new[] { new StructField("page", new StringType()) });
            spark.CreateDataFrame(new List<GenericRow> { new GenericRow(new object[] { "a" }) }, schema).Show();
        }

        public void Combined(SparkSession spark)
        {
            DataFrame stream = spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            DataFrame dim = spark.Read().Json("/dim");
            stream.Join(dim, "page").GroupBy("country").Count().WriteStream().Format("console").Start();
            stream.Join(dim, stream["page"] == dim["page"], "left_outer").WriteStream().Format("kafka").Start();
            stream.Union(spark.ReadStream().Format("rate").Load()).GroupBy(Window(Col("ts"), "1 minute")).Count()
                .WriteStream().Format("console").Start();
            dim.Union(dim).WriteStream().Format("console").Start();
            stream.WithWatermark("ts", "1 minute").Join(dim, "page")
                .GroupBy(Window(Col("ts"), "1 minute")).Count().WriteStream().Format("console").Start();
        }

        public void Unknown(SparkSession spark, DataFrame given)
        {
            given.GroupBy("page").Count().WriteStream().Format("console").Start();
            spark.Sql("SELECT * FROM clicks").GroupBy("page").Count().WriteStream().Format("console").Start();
            this.cached?.WriteStream().Format("kafka").Start();
            this.cached = spark.ReadStream().Format("rate").Load();
            this.cached.GroupBy("page").Count().WriteStream().Format("console").Start();
            given.WriteStream().Format("kafka").Start();
            spark.ReadStream().Table("events").GroupBy("page").Count().WriteStream().Format("console").Start();
        }

        public static void FromParameter(DataStreamWriter writer) => writer.Format("kafka").Start();

        public long Actions(SparkSession spark)
        {
            DataFrame stream = spark.ReadStream().Format("rate").Load();
            bool streaming = stream.IsStreaming();
            return streaming ? stream.Schema().Fields.Count : spark.Read().Csv("/in").Count();
        }
    }
}
