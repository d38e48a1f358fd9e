// Reliability seed: one mistake for each code fix no other seed offers (SL1002's watermark, SL1006, SL1007, SL1008,
// SL1009, SL1011, both SL1014 fixes, SL1015, SL1016, SL1017, SL1018), so the fuzzer applies every fix of every rule.
using System;
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;

namespace Seeds.FixTargets
{
    public class Fixes
    {
        public void State(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format("kafka").Option("kafka.bootstrap.servers", "broker:9092").Option("subscribe", "events").Load();
            events.GroupBy(Window(Col("ts"), "5 minutes")).Count().WriteStream().OutputMode("update").Format("console").Start();
            events.Filter(Col("page").IsNotNull()).Coalesce(1).WriteStream().Format("console").Start();
        }

        public void Checker(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format("kafka").Option("kafka.bootstrap.servers", "broker:9092").Option("subscribe", "events").Load();
            events.GroupBy("page").Count().Show(10);
            events.GroupBy("page").Agg(CountDistinct(Col("user"))).WriteStream().OutputMode("complete").Format("console").Start();
            events.WriteStream().OutputMode("apend").Format("console").Start();
            spark.Read().Format("kafka").Option("kafka.bootstrap.servers", "broker:9092").Option("subscribe", "t").Load().WriteStream().Format("console").Start();
            events.DropDuplicates("id").WriteStream().Format("console").Trigger(Trigger.Continuous("1 second")).Start();
        }

        public void Options(SparkSession spark)
        {
            DataFrame clicks = spark.ReadStream()
                .Format("kafka")
                .Option("kafka.bootstrap.servers", "broker:9092")
                .Option("subscribe", "clicks")
                .Option("kafka.auto.offset.reset", "earliest")
                .Option("kafka.key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer")
                .Load();
            clicks.WithWatermark("ts", "10 secnds").GroupBy(Window(Col("ts"), "1 minute")).Count().WriteStream().Format("console").Start();
        }

        public void Sinks(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format("kafka").Option("kafka.bootstrap.servers", "broker:9092").Option("subscribe", "events").Load();
            events.WriteStream().QueryName("clicks").ForeachBatch((batch, batchId) => batch.Write().Format("delta").Mode("append").Save("/delta/clicks")).Start();
            events.WriteStream().Foreach(new Plain()).Start();
        }
    }

    /// <summary>Writes rows; not [Serializable], so it cannot be shipped to the executors.</summary>
    public class Plain : IForeachWriter
    {
        public bool Open(long partitionId, long epochId) => true;

        public void Process(Row row)
        {
        }

        public void Close(Exception errorOrNull)
        {
        }
    }
}
