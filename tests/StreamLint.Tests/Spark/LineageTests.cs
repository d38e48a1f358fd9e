using System.Threading.Tasks;
using Xunit;
using VerifyAppend = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.AppendAggregationWithoutWatermarkAnalyzer,
    StreamLint.CodeFixes.Spark.AppendAggregationWithoutWatermarkCodeFix>;
using VerifyCheckpoint = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.MissingCheckpointLocationAnalyzer,
    StreamLint.CodeFixes.Spark.MissingCheckpointLocationCodeFix>;

namespace StreamLint.Tests.Spark
{
    /// <summary>The pipeline model follows DataFrames across methods, lambdas and joins (shown through SL1001/SL1010).</summary>
    public class LineageTests
    {
        private const string Usings = @"using System.Collections.Generic;
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;
";

        [Fact]
        public Task HelperReturningStreamingSource_IsStreaming() =>
            VerifyAppend.VerifyAnalyzerAsync(Usings + @"
class Job
{
    static DataFrame Load(SparkSession spark) => spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""t"").Load();

    static DataFrame Parse(DataFrame raw)
    {
        var parsed = raw.SelectExpr(""CAST(value AS STRING) AS json"");
        return parsed.Select(FromJson(Col(""json""), ""page STRING, ts TIMESTAMP"").Alias(""e"")).Select(""e.*"");
    }

    void Run(SparkSession spark)
    {
        DataFrame events = Parse(Load(spark));
        events.GroupBy(""page"").{|SL1001:Count|}().WriteStream().Format(""console"").Start();
    }
}");

        [Fact]
        public Task HelperAddingWatermark_IsApplied() =>
            VerifyAppend.VerifyAnalyzerAsync(Usings + @"
static class Pipelines
{
    public static DataFrame WithEventTime(this DataFrame df) => df.WithWatermark(""ts"", ""10 minutes"");
    public static Column Minute() => Window(Col(""ts""), ""1 minute"");
}

class Job
{
    void Run(SparkSession spark)
    {
        DataFrame events = spark.ReadStream().Format(""kafka"").Load();
        events.WithEventTime().GroupBy(Pipelines.Minute()).Count().WriteStream().Format(""console"").Start();
        events.GroupBy(Pipelines.Minute()).{|SL1001:Count|}().WriteStream().Format(""console"").Start();
    }
}");

        [Fact]
        public Task RecursiveHelper_Terminates_Silent() =>
            VerifyAppend.VerifyAnalyzerAsync(Usings + @"
class Job
{
    static DataFrame Loop(DataFrame df, int n) => n == 0 ? df : Loop(df.Filter(Col(""x"").IsNotNull()), n - 1);

    void Run(SparkSession spark)
    {
        DataFrame events = spark.ReadStream().Format(""kafka"").Load();
        Loop(events, 3).GroupBy(""page"").Count().WriteStream().Format(""console"").Start();
    }
}");

        [Fact]
        public Task VirtualHelper_Unknown_Silent() =>
            VerifyAppend.VerifyAnalyzerAsync(Usings + @"
class Job
{
    protected virtual DataFrame Load(SparkSession spark) => spark.ReadStream().Format(""kafka"").Load();

    void Run(SparkSession spark)
    {
        Load(spark).GroupBy(""page"").Count().WriteStream().Format(""console"").Start();
    }
}");

        [Fact]
        public Task ParameterTakesWhatEveryCallerPasses() =>
            VerifyAppend.VerifyAnalyzerAsync(Usings + @"
class Job
{
    static void Publish(DataFrame counts) => counts.WriteStream().Format(""console"").{|SL1001:Start|}();

    void Run(SparkSession spark)
    {
        DataFrame events = spark.ReadStream().Format(""kafka"").Load();
        Publish(events.GroupBy(""page"").Count());
        Publish(events.GroupBy(""country"").Count());
    }
}");

        [Fact]
        public Task ParameterWithDisagreeingCallers_Silent() =>
            VerifyAppend.VerifyAnalyzerAsync(Usings + @"
class Job
{
    static void Publish(DataFrame counts) => counts.GroupBy(""page"").Count().WriteStream().Format(""console"").Start();

    void Run(SparkSession spark)
    {
        Publish(spark.ReadStream().Format(""kafka"").Load());
        Publish(spark.Read().Parquet(""/replay""));
    }
}");

        [Fact]
        public Task CallersFoundInOtherFilesAndAroundComments_Silent() =>
            VerifyAppend.VerifyAnalyzerAsync(new[]
            {
                ("/Job.cs", Usings + @"
static class Job
{
    public static void Publish(DataFrame counts) => counts.GroupBy(""page"").Count().WriteStream().Format(""console"").Start();

    static void Run(SparkSession spark) => Publish(spark.ReadStream().Format(""kafka"").Load());
}"),

                // A caller in a file that names no Spark type, with a comment before its arguments: it still counts.
                ("/Replay.cs", @"
static class Replay
{
    static void Run(dynamic unused, object session) => Job.Publish /* the batch replay */ (Load(session));

    static Microsoft.Spark.Sql.DataFrame Load(object session) => null!;
}"),
            });

        [Fact]
        public Task ParameterOfUncalledMethod_Silent() =>
            VerifyAppend.VerifyAnalyzerAsync(Usings + @"
public class Job
{
    public void Publish(DataFrame counts) => counts.GroupBy(""page"").Count().WriteStream().Format(""console"").Start();
}");

        [Fact]
        public Task ForeachBatchLambdaParameter_IsBatch() =>
            VerifyCheckpoint.VerifyAnalyzerAsync(Usings + @"
class Job
{
    void Run(SparkSession spark)
    {
        DataFrame events = spark.ReadStream().Format(""kafka"").Load();
        events.WriteStream().Option(""checkpointLocation"", ""/cp"").ForeachBatch((batch, id) =>
        {
            batch.WriteStream().Format(""kafka"").{|SL1010:Start|}();
        }).Start();
    }
}");

        [Fact]
        public Task AggregationInHelperOfAnotherMethod_ReportsAtStart() =>
            VerifyAppend.VerifyAnalyzerAsync(Usings + @"
class Job
{
    static DataFrame Counts(DataFrame events) => events.GroupBy(""page"").Count();

    void Run(SparkSession spark)
    {
        DataFrame events = spark.ReadStream().Format(""kafka"").Load();
        Counts(events).WriteStream().Format(""console"").{|SL1001:Start|}();
    }
}");
    }
}
