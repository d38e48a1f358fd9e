// Reliability seed: queries in every kind of member — constructors, properties, accessors, field
// initializers, indexers, operators, static and generic methods, records, nested and partial types.
using System;
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;

namespace Seeds.Members
{
    public partial class Pipelines
    {
        private static readonly SparkSession Spark = SparkSession.Builder().GetOrCreate();
        private readonly StreamingQuery fromInitializer =
            Spark.ReadStream().Format("rate").Load().GroupBy("value").Count().WriteStream().Format("console").Start();

        public Pipelines()
        {
            Spark.ReadStream().Format("rate").Load().WriteStream().Format("kafka").Start();
        }

        public Pipelines(DataFrame events)
            : this()
        {
            events.WriteStream().Format("kafka").Start();
            Spark.ReadStream().Format("rate").Load().GroupBy(Window(Col("ts"), "1 minute")).Count().WriteStream().Format("console").Start();
        }

        public StreamingQuery Property => Spark.ReadStream().Format("rate").Load().WriteStream().Format("parquet").Start("/out/prop");

        public StreamingQuery Accessor
        {
            get
            {
                var counts = Spark.ReadStream().Format("rate").Load().GroupBy("value").Count();
                return counts.WriteStream().Format("console").Start();
            }
        }

        public StreamingQuery this[string path] => Spark.ReadStream().Format("rate").Load().WriteStream().Format("json").Start(path);

        public static Pipelines operator +(Pipelines left, Pipelines right)
        {
            Spark.ReadStream().Format("rate").Load().WriteStream().Format("csv").Start("/out/op");
            return left;
        }

        public static T Generic<T>(T value)
            where T : class
        {
            Spark.ReadStream().Format("rate").Load().GroupBy("value").Sum("value").WriteStream().OutputMode("append").Format("console").Start();
            return value;
        }

        partial void OnStarted(StreamingQuery query);

        public class Nested
        {
            public void Run() => Spark.ReadStream().Format("rate").Load().WriteStream().Format("text").Start("/out/nested");
        }
    }

    public partial class Pipelines
    {
        partial void OnStarted(StreamingQuery query) => query.AwaitTermination();
    }

    public record Job(SparkSession Session)
    {
        public StreamingQuery Start() => this.Session.ReadStream().Format("rate").Load().WriteStream().Format("kafka").Start();
    }

    public struct Runner
    {
        public void Go(SparkSession spark)
        {
            Action<DataFrame> sink = df => df.GroupBy(Window(df["ts"], "1 minute")).Count().WriteStream().Format("console").Start();
            sink(spark.ReadStream().Format("rate").Load());
        }
    }

    public interface IJob
    {
        void Run(SparkSession spark) => spark.ReadStream().Format("rate").Load().WriteStream().Format("kafka").Start();
    }
}
