// Reliability seed: a program that defines its own types with Microsoft.Spark's names (source types win over the
// referenced stub), with shapes the real API does not have: missing and extra parameters, properties instead of
// methods, generic methods, params of other types, an OutputMode enum with other values. The rules match these
// types by name, so they must survive whatever members they find. (The members the fixes insert, Option(string,
// string), OutputMode(string) and WithWatermark(string, string), exist as in Microsoft.Spark.)
#pragma warning disable CS0436 // the source types deliberately hide the referenced ones

namespace Microsoft.Spark.Sql
{
    public class SparkSession
    {
        public Streaming.DataStreamReader ReadStream(int ignored = 0) => new Streaming.DataStreamReader();

        public Streaming.DataStreamReader Streams => new Streaming.DataStreamReader();

        public DataFrameReader Read(int partitions = 1) => new DataFrameReader();

        public DataFrame Range() => new DataFrame();

        public DataFrame Table<T>(T name) => new DataFrame();
    }

    public class DataFrameReader
    {
        public DataFrame Load(params int[] paths) => new DataFrame();

        public DataFrameReader Option() => this;
    }

    public class DataFrame
    {
        public Column this[int index] => new Column();

        public Column this[string a, string b] => new Column();

        public Streaming.DataStreamWriter WriteStream(params string[] ignored) => new Streaming.DataStreamWriter();

        public Streaming.DataStreamWriter Writer => new Streaming.DataStreamWriter();

        public DataFrame Write() => this;

        public RelationalGroupedDataset GroupBy() => new RelationalGroupedDataset();

        public RelationalGroupedDataset GroupBy(int key, params Column[] more) => new RelationalGroupedDataset();

        public DataFrame WithWatermark(Column eventTime) => this;

        public DataFrame WithWatermark(string eventTime, int delay, string extra = "x") => this;

        public DataFrame WithWatermark(string eventTime, string delay) => this;

        public DataFrame Agg() => this;

        public DataFrame Agg<T>(T value) => this;

        public DataFrame Select(params object[] anything) => this;

        public DataFrame WithColumn(Column name, string value) => this;

        public DataFrame WithColumnRenamed(string only) => this;

        public DataFrame Drop() => this;

        public DataFrame Join(int other) => this;

        public DataFrame Union(DataFrame? other = null) => this;

        public DataFrame Distinct(int n) => this;

        public DataFrame DropDuplicates(Column column) => this;

        public long Count() => 0;
    }

    public class Column
    {
        public Column Alias(int name) => this;

        public Column As(string first, string second) => this;

        public Column Name() => this;

        public static Column operator +(Column left, int right) => left;

        public static Column operator -(Column column) => column;
    }

    public class RelationalGroupedDataset
    {
        public DataFrame Count(int extra) => new DataFrame();

        public DataFrame Sum() => new DataFrame();

        public RelationalGroupedDataset Pivot() => this;

        public DataFrame Agg(params DataFrame[] frames) => new DataFrame();

        public object Max(string column) => column;
    }

    public static class Functions
    {
        public static Column Col(int index) => new Column();

        public static Column Column() => new Column();

        public static Column Window(Column time) => time;

        public static Column Window(string time, int duration) => new Column();

        public static Column Window<T>(T time, string duration) => new Column();

        public static Column CurrentTimestamp(int precision) => new Column();

        public static Column UnixTimestamp(params Column[] columns) => new Column();

        public static Column Expr() => new Column();
    }
}

namespace Microsoft.Spark.Sql.Streaming
{
    public enum OutputMode
    {
        Update = 0,
        Append = 2,
        Complete = 7,
    }

    public class DataStreamReader
    {
        public DataStreamReader Format() => this;

        public DataFrame Load(params int[] paths) => new DataFrame();

        public DataFrame Load2() => new DataFrame();

        public DataFrame Json(int x = 0) => new DataFrame();
    }

    public class DataStreamWriter
    {
        public DataStreamWriter OutputMode(int mode) => this;

        public DataStreamWriter OutputMode(OutputMode mode, bool twice) => this;

        public DataStreamWriter OutputMode<T>(T mode) => this;

        public DataStreamWriter Format() => this;

        public DataStreamWriter Format(int source) => this;

        public DataStreamWriter Option(string key) => this;

        public DataStreamWriter Option(string key, string value) => this;

        public DataStreamWriter OutputMode(string mode) => this;

        public DataStreamWriter Option(int key, object value) => this;

        public DataStreamWriter QueryName(object name) => this;

        public DataStreamWriter ForeachBatch() => this;

        public DataStreamWriter Foreach(int writer) => this;

        public DataStreamWriter Options() => this;

        public StreamingQuery Start() => new StreamingQuery();

        public StreamingQuery Start(int path, string other) => new StreamingQuery();

        public object ToTable() => new object();

        public static StreamingQuery Start(DataStreamWriter writer) => new StreamingQuery();
    }

    public class StreamingQuery
    {
    }
}

namespace Seeds.Fake
{
    using Microsoft.Spark.Sql;
    using Microsoft.Spark.Sql.Streaming;
    using static Microsoft.Spark.Sql.Functions;

    public class UsesTheFakes
    {
        public void Run(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format().Load();
            DataFrame other = spark.Streams.Json();
            events.GroupBy().Count(1).WriteStream().Start();
            events.GroupBy().Count(1).Writer.Start();
            events.GroupBy(3, Window(Col(0)), Window("ts", 5), Window<int>(1, "x")).Sum().WriteStream("a").OutputMode(2).Format().Start();
            events.WithWatermark(Col(1)).GroupBy(1).Pivot().Agg(events, other).WriteStream().OutputMode(OutputMode.Append, true).Start(1, "a");
            events.WithWatermark("ts", 10).Agg().WriteStream().OutputMode<string>("append").Option("checkpointLocation").Start();
            events.WithWatermark("ts", "1 minute").Agg().WriteStream().OutputMode("append").Format(3).Start();
            events.Agg(3.5).Select(1, "a", null).WithColumn(Col(1), "x").WithColumnRenamed("a").Drop().Join(2).Union().Distinct(1)
                .DropDuplicates(CurrentTimestamp(3)).WriteStream().Option(1, "v").QueryName(42).ForeachBatch().Foreach(7).Options().ToTable();
            var writer = events.GroupBy().Count(2).WriteStream();
            writer.OutputMode(OutputMode.Update, false);
            writer.Format(9);
            DataStreamWriter.Start(writer);
            writer.Start();
            Column c = -(events[0] + 1);
            events.GroupBy(1, c.Alias(2), c.As("a", "b"), c.Name(), events["a", "b"], UnixTimestamp(), Expr(), Column()).Count(0).WriteStream().Start();
            spark.Read().Option().Load(1, 2).GroupBy().Count(1).WriteStream().Start();
            spark.Range().Union(spark.Table(1)).GroupBy().Count(1).WriteStream().Start();
            long rows = events.Count();
            object max = events.GroupBy().Max("x");
        }
    }
}
