// Reliability seed: a program written as top-level statements (compiled as an executable).
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;

SparkSession spark = SparkSession.Builder().AppName("top-level").GetOrCreate();
string host = args.Length > 0 ? args[0] : "localhost";
var lines = spark
    .ReadStream()
    .Format("socket")
    .Option("host", host)
    .Option("port", 9999)
    .Option("includeTimestamp", true)
    .Load();
var words = lines.Select(Explode(Split(lines["value"], " ")).Alias("word"), lines["timestamp"]);
var counts = words.GroupBy(Window(words["timestamp"], "10 minutes", "5 minutes"), words["word"]).Count();
counts.WriteStream().OutputMode("append").Format("console").Option("truncate", false).Start();
words.GroupBy("word").Count().WriteStream().OutputMode(OutputMode.Complete).Format("console").Start();
words.WriteStream().Format("parquet").Start("/out/words");
DataStreamWriter stored = counts.WriteStream();
stored.Format("kafka");
StreamingQuery last = stored.Start();
Report(last);
spark.Streams().AwaitAnyTermination();

static void Report(StreamingQuery query)
{
    System.Console.WriteLine(query.Name);
}
