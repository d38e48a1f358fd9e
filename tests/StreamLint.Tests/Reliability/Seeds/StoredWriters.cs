// Reliability seed: readers and writers stored in locals and configured by separate statements,
// re-started writers, writers handed to helpers, and the sinks SL1010 distinguishes.
using System.Collections.Generic;
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;

namespace Seeds.Writers
{
    public static class WriterExtensions
    {
        public static DataStreamWriter WithCheckpoint(this DataStreamWriter writer, string name) =>
            writer.Option("checkpointLocation", "/cp/" + name);
    }

    public class Sinks
    {
        public void StoredWriters(SparkSession spark)
        {
            DataStreamReader reader = spark.ReadStream();
            reader.Format("kafka");
            reader.Option("subscribe", "clicks");
            DataFrame events = reader.Load();

            DataStreamWriter writer = events.WriteStream();
            writer.Format("kafka");
            writer.Option("kafka.bootstrap.servers", "b:9092").Option("topic", "out");
            writer.Start();

            var counts = events.GroupBy("page").Count();
            var appendWriter = counts.WriteStream();
            appendWriter.OutputMode("append");
            appendWriter.Format("console");
            appendWriter.Start();

            var updateWriter = counts.WriteStream();
            updateWriter.OutputMode("update");
            updateWriter.Format("console");
            updateWriter.Start();

            var defaultWriter = counts.WriteStream();
            defaultWriter.ForeachBatch((batch, id) => { });
            defaultWriter.Start();
        }

        public void RestartedWriter(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format("delta").Load("/in");
            DataStreamWriter writer = events.WriteStream().Format("delta").Trigger(Trigger.Once());
            writer.Start("/out/a");
            writer.Option("checkpointLocation", "/cp/b");
            writer.Start("/out/b");
        }

        public void ConfiguredElsewhere(SparkSession spark, bool production)
        {
            DataFrame events = spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            var conditional = events.WriteStream().Format("kafka");
            if (production)
            {
                conditional.Option("checkpointLocation", "/cp/conditional");
            }

            conditional.Start();

            var helped = events.WriteStream().Format("kafka");
            Configure(helped);
            helped.Start();

            var lambdaConfigured = events.WriteStream().Format("kafka");
            System.Action configure = () => lambdaConfigured.Option("checkpointLocation", "/cp/lambda");
            configure();
            lambdaConfigured.Start();

            var extended = events.WriteStream().Format("kafka");
            extended.WithCheckpoint("extended");
            extended.Start();
            events.WriteStream().Format("kafka").WithCheckpoint("fluent").Start();
        }

        public void SinkKinds(SparkSession spark, string configuredKey, string configuredFormat)
        {
            DataFrame events = spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            events.WriteStream().Format("parquet").Start("/out/clicks/");
            events.WriteStream().Format("Parquet").QueryName("named query").Start();
            events.WriteStream().Start("/out/default");
            events.WriteStream().Format("delta").ToTable("clicks_bronze");
            events.WriteStream().Format("console").ForeachBatch((b, id) => { }).Start();
            events.WriteStream().ForeachBatch((b, id) => { }).Format("console").Start();
            events.WriteStream().Foreach(new PrintWriter()).Start();
            events.WriteStream().Format("CONSOLE").Start();
            events.WriteStream().Format("memory").QueryName("mem").Start();
            events.WriteStream().Format("kafka").Option(configuredKey, "/cp").Start();
            events.WriteStream().Format(configuredFormat).Start();
            events.WriteStream().Format("kafka").Options(new Dictionary<string, string> { ["checkpointLocation"] = "/cp/d" }).Start();
            events.WriteStream().Format("kafka").Option("CheckpointLocation", "/cp/k").Start();
            events.WriteStream().PartitionBy("page", "country").Format("parquet").Trigger(Trigger.ProcessingTime("10 seconds")).Start("/out/p");
            StreamingQuery query = events.WriteStream().Format("json").Start("/out/json");
            query.AwaitTermination();
        }

        public StreamingQuery Returned(DataFrame events) =>
            events.WriteStream().Format("orc").Start("/out/orc");

        private static void Configure(DataStreamWriter writer)
        {
        }
    }

    [System.Serializable]
    public class PrintWriter : IForeachWriter
    {
        public bool Open(long partitionId, long epochId) => true;

        public void Process(Row row)
        {
        }

        public void Close(System.Exception errorOrNull)
        {
        }
    }
}
