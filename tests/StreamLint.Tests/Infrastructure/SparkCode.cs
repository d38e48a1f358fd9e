namespace StreamLint.Tests.Infrastructure
{
    /// <summary>Test programs: a method body over a Kafka stream, with the usual usings.</summary>
    internal static class SparkCode
    {
        public const string Usings = @"using System.Collections.Generic;
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;
";

        /// <summary><paramref name="body"/> runs with <c>spark</c>, <c>events</c> (Kafka stream), <c>clicks</c> (a second stream), <c>dim</c> (batch).</summary>
        public static string Body(string body, string members = "") => Usings + @"
class Job
{
    void Run(SparkSession spark, bool flag, DataFrame given)
    {
        DataFrame events = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""broker:9092"").Option(""subscribe"", ""events"").Load();
        DataFrame clicks = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""broker:9092"").Option(""subscribe"", ""clicks"").Load();
        DataFrame dim = spark.Read().Parquet(""/dim"");
" + body + @"
    }
" + members + @"
}";
    }
}
