// Reliability seed: a session whose configuration sets the checkpoint root and the default source, so
// SL1010 is silenced for the whole compilation; triggers, query management.
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;

namespace Seeds.Session
{
    public static class Sessions
    {
        public static SparkSession Create() => SparkSession.Builder()
            .AppName("seeded")
            .Config("spark.sql.streaming.checkpointLocation", "/checkpoints")
            .Config("spark.sql.shuffle.partitions", 8)
            .GetOrCreate();

        public static void Run()
        {
            SparkSession spark = Create();
            spark.Conf().Set("spark.sql.sources.default", "parquet");
            DataFrame events = spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            events.WriteStream().Format("kafka").Trigger(Trigger.ProcessingTime(1000)).Start();
            events.WriteStream().Trigger(Trigger.Continuous("1 second")).Start();
            events.GroupBy(Window(Col("ts"), "1 minute")).Count().WriteStream().Format("console").Start();
            StreamingQueryManager streams = spark.Streams();
            foreach (StreamingQuery query in streams.Active())
            {
                query.Stop();
            }

            streams.AwaitAnyTermination();
        }
    }
}
