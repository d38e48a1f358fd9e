// Reliability seed: the rules no other seed reports without options (SL1005, SL1013, SL1019, SL1021, SL9001) and
// SL1002 with its flag, analysed under the option set declared below (read by Corpus; mutants keep it).
// streamlint-option: streamlint.latency_budget = 1s
// streamlint-option: streamlint.SL1002.flag_unwindowed_aggregations = true
// streamlint-option: streamlint.spark_version = three
using System;
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;

namespace Seeds.RuleCoverage
{
    public class Coverage
    {
        public void OuterJoinWithoutWatermark(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format("kafka").Option("kafka.bootstrap.servers", "broker:9092").Option("subscribe", "events").Load();
            DataFrame clicks = spark.ReadStream().Format("kafka").Option("kafka.bootstrap.servers", "broker:9092").Option("subscribe", "clicks").Load();
            events.Join(clicks, events["id"] == clicks["id"], "left_outer").WriteStream().Format("console").Option("checkpointLocation", "/cp/joined").Start();
        }

        public void SharedCheckpoint(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format("rate").Load();
            events.WriteStream().Format("console").Option("checkpointLocation", "/cp/shared").Start();
            events.Filter(Col("value").IsNotNull()).WriteStream().Format("console").Option("checkpointLocation", "/cp/shared").Start();
        }

        public void SlowTrigger(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format("rate").Load();
            events.WriteStream().Format("console").Option("checkpointLocation", "/cp/slow").Trigger(Trigger.ProcessingTime("10 seconds")).Start();
        }

        public void ChainedAggregations(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format("rate").Load();
            events.GroupBy("value").Count().GroupBy("count").Count().WriteStream().OutputMode("update").Format("console").Option("checkpointLocation", "/cp/chained").Start();
        }

        public void UnwindowedAggregation(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format("rate").Load();
            events.GroupBy("value").Count().WriteStream().OutputMode("update").Format("console").Option("checkpointLocation", "/cp/unwindowed").Start();
        }
    }
}
