// Reliability seed: streaming aggregations in every shape SL1001 reasons about (windows, watermarks, keys,
// aggregation functions, output modes as strings and enums, sinks that do and do not accept Update).
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;

namespace Seeds.Aggregations
{
    public class ClickCounts
    {
        private readonly SparkSession spark;

        public ClickCounts(SparkSession spark) => this.spark = spark;

        private DataFrame Clicks() =>
            this.spark.ReadStream().Format("kafka").Option("kafka.bootstrap.servers", "b:9092").Option("subscribe", "clicks").Load();

        public void WindowedWithoutWatermark()
        {
            DataFrame events = this.spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            events
                .GroupBy(Window(Col("ts"), "5 minutes"), Col("page"))
                .Count()
                .WriteStream()
                .Format("console")
                .Start();
        }

        public void WindowedWithWatermark()
        {
            DataFrame events = this.spark.ReadStream().Format("rate").Load();
            events
                .WithWatermark("ts", "10 minutes")
                .GroupBy(Window(Col("ts"), "5 minutes", "1 minute"), Col("page"))
                .Agg(Count(Col("user")).Alias("clicks"), Max(Col("amount")))
                .WriteStream()
                .OutputMode("append")
                .Format("parquet")
                .Option("checkpointLocation", "/cp/windowed")
                .Start("/out/windowed");
        }

        public void ExplicitAppendModes()
        {
            DataFrame events = this.spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            events.GroupBy("page").Count().WriteStream().OutputMode("append").Format("console").Start();
            events.GroupBy("page", "country").Sum("amount").WriteStream().OutputMode(OutputMode.Append).Format("kafka").Start();
            events.GroupBy(Col("page")).Avg("amount").WriteStream().OutputMode(Microsoft.Spark.Sql.Streaming.OutputMode.Append).Format("memory").Start();
            events.GroupBy(events["page"]).Min("amount").WriteStream().OutputMode(outputMode: "Append").Format("noop").Start();
        }

        public void UpdateAndComplete()
        {
            DataFrame events = this.spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            events.GroupBy("page").Count().WriteStream().OutputMode("update").Format("console").Start();
            events.GroupBy("page").Mean("amount").WriteStream().OutputMode(OutputMode.Complete).Format("console").Start();
        }

        public void GlobalAndPivot()
        {
            DataFrame events = this.Clicks();
            DataFrame direct = this.spark.ReadStream().Format("rate").Load();
            direct.Agg(Count(Col("page"))).WriteStream().Format("console").Start();
            direct.GroupBy("page").Pivot("country").Count().WriteStream().Format("console").Start();
            events.GroupBy("page").Count().WriteStream().Format("console").Start();
        }

        public void KeysFromLocalsAndIndexers()
        {
            DataFrame events = this.spark.ReadStream().Format("rate").Load();
            Column minute = Window(events["ts"], "1 minute");
            Column page = Col("page").Alias("p");
            events.GroupBy(minute, page).Count().WriteStream().Format("console").Start();
            events.WithWatermark("TS", "1 minute").GroupBy(minute).Count().WriteStream().Format("console").Start();
            events.GroupBy(Col("ts").Cast("date")).Count().WriteStream().Format("console").Start();
            events.GroupBy(Expr("window(ts, '1 minute')")).Count().WriteStream().Format("console").Start();
        }

        public void WatermarkThroughProjections()
        {
            DataFrame events = this.spark.ReadStream().Format("rate").Load();
            events.WithWatermark("ts", "1 minute")
                .WithColumnRenamed("ts", "eventTime")
                .GroupBy(Window(Col("eventTime"), "1 minute"))
                .Count()
                .WriteStream().Format("console").Start();
            events.WithWatermark("ts", "1 minute")
                .Select(Col("ts").Alias("t"), Col("page"))
                .GroupBy(Window(Col("t"), "1 minute"))
                .Count()
                .WriteStream().Format("console").Start();
            events.WithWatermark("ts", "1 minute")
                .Drop("ts")
                .WithColumn("ts", CurrentTimestamp())
                .GroupBy(Window(Col("ts"), "1 minute"))
                .Count()
                .WriteStream().Format("console").Start();
            events.WithWatermark("ts", "1 minute")
                .Select("*")
                .Filter(Col("page").IsNotNull())
                .Where("page <> ''")
                .GroupBy(Window(Col("ts"), "1 minute"), Col("page"))
                .Count()
                .WriteStream().Format("console").Start();
        }

        public void OneAggregationSeveralSinks()
        {
            DataFrame events = this.spark.ReadStream().Format("rate").Load();
            DataFrame counts = events.GroupBy(Window(Col("ts"), "1 minute"), Col("page")).Count();
            counts.WriteStream().Format("console").Start();
            counts.WriteStream().Format("memory").QueryName("counts").Start();
            DataStreamWriter twice = counts.WriteStream().Format("console");
            twice.Start();
            twice.Start();
        }

        public void AggregationThenMoreOperators()
        {
            DataFrame events = this.spark.ReadStream().Format("rate").Load();
            events.GroupBy(Window(Col("ts"), "5 minutes"))
                .Count()
                .WithWatermark("window", "10 minutes")
                .Filter(Col("count") > 10)
                .WriteStream()
                .Format("console")
                .Start();
            events.Distinct().WriteStream().Format("console").Start();
            events.DropDuplicates("id", "ts").WriteStream().Format("console").Start();
        }
    }
}
