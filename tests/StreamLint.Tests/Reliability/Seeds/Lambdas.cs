// Reliability seed: lambdas everywhere — ForeachBatch bodies with batch writes, transformations passed
// as delegates, captured writers and DataFrames, queries started inside lambdas.
using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;

namespace Seeds.Lambdas
{
    public class Callbacks
    {
        private readonly Func<DataFrame, DataFrame> clean = df => df.Filter(Col("page").IsNotNull());

        public void ForeachBatchBodies(SparkSession spark, string root)
        {
            DataFrame clicks = spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            clicks
                .WriteStream()
                .QueryName("clicks-to-warehouse")
                .ForeachBatch((batch, batchId) =>
                {
                    batch
                        .Write()
                        .Mode(SaveMode.Append)
                        .Format("parquet")
                        .Save(root + "/warehouse/clicks");
                    batch.GroupBy("page").Count().Write().Mode("overwrite").Parquet(root + "/counts");
                })
                .Start();

            clicks.WriteStream().ForeachBatch((batch, id) => batch.Write().Format("delta").SaveAsTable("t")).Start();
            clicks.WriteStream().ForeachBatch(Handle).Option("checkpointLocation", "/cp/handled").Start();
        }

        public void DelegatesAndCaptures(SparkSession spark)
        {
            DataFrame clicks = spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            Func<DataFrame, DataFrame> watermark = df => df.WithWatermark("ts", "1 minute");
            this.clean(clicks).GroupBy("page").Count().WriteStream().Format("console").Start();
            watermark(clicks).GroupBy(Window(Col("ts"), "1 minute")).Count().WriteStream().Format("console").Start();

            var writer = clicks.GroupBy(Window(Col("ts"), "1 minute")).Count().WriteStream().Format("console");
            Action start = () => writer.Start();
            start();

            Func<StreamingQuery> later = () => clicks.GroupBy("page").Count().WriteStream().Format("kafka").Start();
            later();

            var pages = new List<string> { "a", "b" };
            var queries = pages
                .Select(p => clicks.Filter(Col("page") == Lit(p)).WriteStream().Format("parquet").Start("/out/" + p))
                .ToList();

            Action<DataFrame, long> handler = (batch, id) =>
            {
                DataFrame inner = batch.GroupBy("page").Count();
                inner.Write().Format("parquet").Save("/out/inner");
            };
            clicks.WriteStream().ForeachBatch(handler).Start();
        }

        public async System.Threading.Tasks.Task AsyncLambda(SparkSession spark)
        {
            DataFrame clicks = spark.ReadStream().Format("rate").Load();
            Func<System.Threading.Tasks.Task> run = async () =>
            {
                await System.Threading.Tasks.Task.Yield();
                clicks.GroupBy(Window(Col("ts"), "1 minute"), Col("page")).Count().WriteStream().OutputMode("append").Format("console").Start();
            };
            await run();
        }

        private static void Handle(DataFrame batch, long id) => batch.Write().Format("parquet").Save("/out/" + id);
    }
}
