// Reliability seed: option keys, modes, formats and paths given as constants, const fields of other
// types, interpolations, named and reordered arguments, verbatim and raw strings.
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;

namespace Seeds.Constants
{
    public static class Modes
    {
        public const string Append = "append";
        public const string Upsert = "update";
    }

    public static class Keys
    {
        public const string Checkpoint = "checkpoint" + "Location";
        public const string Kafka = "kafka";
    }

    public class Constants
    {
        private const string Console = "console";
        private const string EventTime = "ts";
        private static readonly string ReadOnlyFormat = "kafka";

        public void Consts(SparkSession spark)
        {
            const string Delay = "10 minutes";
            DataFrame events = spark.ReadStream().Format(Keys.Kafka).Option("subscribe", "clicks").Load();
            events.GroupBy(Window(Col(EventTime), "5 minutes")).Count().WriteStream().OutputMode(Modes.Append).Format(Console).Start();
            events.GroupBy("page").Count().WriteStream().OutputMode(Modes.Append).Format(Keys.Kafka).Start();
            events.WithWatermark(EventTime, Delay).GroupBy(Window(Col(EventTime), Delay)).Count().WriteStream().OutputMode(Modes.Upsert).Format(Console).Start();
            events.WriteStream().Format(Keys.Kafka).Option(Keys.Checkpoint, "/cp/const").Start();
            events.WriteStream().Format(ReadOnlyFormat).Start();
            events.WriteStream().Format(Keys.Kafka).Start();
        }

        public void Strings(SparkSession spark, int n)
        {
            DataFrame events = spark.ReadStream().Format(@"kafka").Option("subscribe", "clicks").Load();
            events.GroupBy(@"page").Count().WriteStream().OutputMode(@"Append").Format("""console""").Start();
            events.GroupBy(Window(Col($"ts"), $"{n} minutes")).Count().WriteStream().OutputMode($"append").Format("kafka").Start();
            events.WriteStream().Format("parquet").Start($"/out/{n}");
            events.WriteStream().Format("parquet").Start(path: "/out/named");
            events.WriteStream().Format(source: "kafka").Option(value: "/cp/reordered", key: "checkpointLocation").Start();
            events.WriteStream().Format("kafka").QueryName(nameof(Strings)).Start();
            events.WriteStream().Format("kafka").QueryName("weird \"name\" \\ / é").Start();
            events.GroupBy("page").Count().WriteStream().OutputMode((OutputMode)0).Format("console").Start();
            events.GroupBy("page").Count().WriteStream().OutputMode((OutputMode.Append)).Format("console").Start();
            events.GroupBy("page").Count().WriteStream().OutputMode(("append")).Format("console").Start();
        }
    }
}
