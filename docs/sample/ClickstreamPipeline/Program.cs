using System;
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;

namespace ClickstreamPipeline
{
    /// <summary>
    /// A clickstream job: click events arrive as JSON on the Kafka topic "clicks" and feed four streaming queries.
    /// Queries 1 and 2 contain the mistakes StreamLint exists to catch (see docs/sample/README.md);
    /// queries 3 and 4 are written the way they should be and produce no diagnostic.
    /// </summary>
    public static class Program
    {
        /// <summary>The JSON payload of one click, as a Spark DDL schema.</summary>
        private const string ClickSchema = "userId STRING, sessionId STRING, page STRING, referrer STRING, eventTime TIMESTAMP";

        /// <summary>Where the job writes its results.</summary>
        private const string DataRoot = "/data/clickstream";

        public static void Main(string[] args)
        {
            string bootstrapServers = args.Length > 0 ? args[0] : "localhost:9092";

            SparkSession spark = SparkSession
                .Builder()
                .AppName("clickstream-pipeline")
                .GetOrCreate();

            // Source: one row per Kafka record; the click itself is JSON in the binary "value" column.
            DataFrame clicks = spark
                .ReadStream()
                .Format("kafka")
                .Option("kafka.bootstrap.servers", bootstrapServers)
                .Option("subscribe", "clicks")
                .Option("startingOffsets", "earliest")
                .Load()
                .Select(FromJson(Col("value").Cast("string"), ClickSchema).Alias("click"))
                .Select("click.*");

            // Query 1: page views per page and 5-minute event-time window, appended to Parquet files.
            // Two mistakes: no watermark on eventTime (SL1001: Spark rejects Append mode for this aggregation)
            // and no checkpoint (SL1010: the file sink refuses to start without one).
            clicks
                .GroupBy(Window(Col("eventTime"), "5 minutes"), Col("page"))
                .Count()
                .WriteStream()
                .Format("parquet")
                .Start(DataRoot + "/page_views");

            // Query 2: every micro-batch of raw clicks is appended to the warehouse's Parquet files.
            // No checkpoint (SL1010): foreachBatch runs on a temporary checkpoint, so after a restart the query
            // begins again from startingOffsets ("earliest") and the warehouse receives every click a second time.
            clicks
                .WriteStream()
                .QueryName("clicks-to-warehouse")
                .ForeachBatch((batch, batchId) =>
                {
                    batch
                        .Write()
                        .Mode(SaveMode.Append)
                        .Format("parquet")
                        .Save(DataRoot + "/warehouse/clicks");
                })
                .Start();

            // Query 3, written correctly: the watermark lets Spark close each window (and drop its state) once
            // events are more than 10 minutes late, and the checkpoint lets a restart resume where it stopped.
            clicks
                .WithWatermark("eventTime", "10 minutes")
                .GroupBy(Window(Col("eventTime"), "10 minutes"), Col("page"))
                .Agg(Count(Col("userId")).Alias("clicks"), ApproxCountDistinct(Col("userId")).Alias("visitors"))
                .WriteStream()
                .Format("parquet")
                .Option("checkpointLocation", "/checkpoints/page_visitors")
                .Start(DataRoot + "/page_visitors");

            // Query 4: a console view of checkout clicks while debugging. Console sinks are throw-away by design,
            // so no checkpoint is expected and StreamLint stays silent.
            clicks
                .Filter(Col("page").StartsWith("/checkout"))
                .WriteStream()
                .Format("console")
                .Option("truncate", false)
                .Start();

            Console.WriteLine("Clickstream queries started; waiting for any of them to stop.");
            spark.Streams().AwaitAnyTermination();
        }
    }
}
