// Reliability seed: lineage through branches, loops, reassignment, conditional expressions, switch,
// try/finally, using and local functions.
using System;
using System.Collections.Generic;
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;

namespace Seeds.ControlFlow
{
    public class Branches
    {
        public void Reassigned(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            var df = events.Filter(Col("page").IsNotNull());
            df = df.WithWatermark("ts", "10 minutes");
            var counts = df.GroupBy(Window(Col("ts"), "5 minutes")).Count();
            counts.WriteStream().Format("console").Start();

            var other = events;
            other = other.Filter(Col("page").IsNotNull());
            var otherCounts = other.GroupBy(Window(Col("ts"), "5 minutes")).Count();
            otherCounts.WriteStream().Format("console").Start();
        }

        public void IfElse(SparkSession spark, bool flag)
        {
            DataFrame events = spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            DataFrame df = events;
            if (flag)
            {
                df = df.WithWatermark("ts", "10 minutes");
            }

            df.GroupBy(Window(Col("ts"), "5 minutes")).Count().WriteStream().Format("console").Start();

            DataFrame both;
            if (flag)
            {
                both = events.Filter(Col("page").IsNotNull());
            }
            else
            {
                both = events.Filter(Col("country").IsNotNull());
            }

            both.GroupBy(Window(Col("ts"), "5 minutes")).Count().WriteStream().Format("console").Start();

            DataFrame mixed = flag ? events : spark.Read().Parquet("/replay");
            mixed.GroupBy("page").Count().WriteStream().Format("console").Start();
        }

        public void Switches(SparkSession spark, int kind)
        {
            DataFrame events = spark.ReadStream().Format("rate").Load();
            DataStreamWriter writer = events.GroupBy("page").Count().WriteStream();
            switch (kind)
            {
                case 0:
                    writer.OutputMode("complete");
                    break;
                case 1:
                    writer.OutputMode(OutputMode.Update);
                    break;
                default:
                    writer.Format("console");
                    break;
            }

            writer.Start();

            string sink = kind switch
            {
                0 => "console",
                1 => "kafka",
                _ => "parquet",
            };
            events.WriteStream().Format(sink).Start();
        }

        public void Loops(SparkSession spark, IEnumerable<string> topics)
        {
            DataFrame events = spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            DataFrame df = events;
            for (int i = 0; i < 3; i++)
            {
                df.GroupBy("page").Count().WriteStream().Format("console").Start();
                df = df.WithWatermark("ts", "1 minute");
            }

            foreach (string topic in topics)
            {
                spark.ReadStream().Format("kafka").Option("subscribe", topic).Load()
                    .WriteStream().Format("kafka").Option("topic", topic + "-out").Start();
            }

            int n = 0;
            while (n < 2)
            {
                var w = events.WriteStream().Format("parquet");
                w.Start("/out/" + n);
                n++;
            }

            do
            {
                events.GroupBy(Window(Col("ts"), "1 minute")).Count().WriteStream().Format("console").Start();
            }
            while (n-- > 0);
        }

        public void TryAndUsing(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            StreamingQuery? query = null;
            try
            {
                query = events.WriteStream().Format("kafka").Start();
                query.AwaitTermination();
            }
            catch (Exception ex) when (ex.Message.Length > 0)
            {
                events.GroupBy("page").Count().WriteStream().Format("console").Start();
            }
            finally
            {
                query?.Stop();
            }

            using (SparkSession other = spark.NewSession())
            {
                other.ReadStream().Format("rate").Load().WriteStream().Format("kafka").Start();
            }
        }

        public void LocalFunctions(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format("kafka").Option("subscribe", "clicks").Load();
            DataFrame Clean(DataFrame input) => input.Filter(Col("page").IsNotNull());
            StreamingQuery Sink(DataFrame input)
            {
                return input.WriteStream().Format("kafka").Start();
            }

            Clean(events).GroupBy("page").Count().WriteStream().Format("console").Start();
            Sink(events.GroupBy(Window(Col("ts"), "1 minute")).Count());
            static void Unused(DataFrame d) => d.WriteStream().Format("parquet").Start("/out/unused");
        }
    }
}
