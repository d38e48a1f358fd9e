using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1013 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.SharedCheckpointLocationAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The bullets of docs/rules/SL1013.md, one test each, named after the bullet: every silent case next to its positive
    /// twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1013SilentWhenTests
    {
        private static string TwoQueries(string first, string second, string members = "") => Body(
            $@"        events.WriteStream().Option(""checkpointLocation"", {first}).Format(""console"").Start();
        clicks.WriteStream().Option(""checkpointLocation"", {second}).Format(""console"").Start();",
            members);

        // ---- Cause: what is compared ----
        [Fact]
        public Task KeyIsComparedCaseInsensitively_Reports() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Option(""checkpointLocation"", {|SL1013:""/cp/a""|}).Format(""console"").Start();
        clicks.WriteStream().Option(""CHECKPOINTLOCATION"", {|SL1013:""/cp/a""|}).Format(""console"").Start();"));

        [Fact]
        public Task ConstantKinds_LiteralConstNameofConcatenationInterpolation_Report() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        const string Local = ""/cp/Orders"";
        events.WriteStream().Option(""checkpointLocation"", {|SL1013:Local|}).Format(""console"").Start();
        clicks.WriteStream().Option(""checkpointLocation"", {|SL1013:$""{Root}{nameof(Orders)}""|}).Format(""console"").Start();
        clicks.WriteStream().Option(""checkpointLocation"", {|SL1013:Root + ""Orders""|}).Format(""console"").Start();", @"
    const string Root = ""/cp/"";
    class Orders { }"));

        [Fact]
        public Task TrailingSlashesAreIgnored_Reports() =>
            SL1013.VerifyAnalyzerAsync(TwoQueries(@"{|SL1013:""/cp/clicks/""|}", @"{|SL1013:""/cp/clicks""|}"));

        [Fact]
        public Task ComparisonIsExactAndCaseSensitive_Silent() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Option(""checkpointLocation"", ""/cp/clicks"").Format(""console"").Start();
        clicks.WriteStream().Option(""checkpointLocation"", ""/cp/Clicks"").Format(""console"").Start();
        clicks.WriteStream().Option(""checkpointLocation"", ""file:/cp/clicks"").Format(""console"").Start();
        clicks.WriteStream().Option(""checkpointLocation"", ""/cp/./clicks"").Format(""console"").Start();"));

        [Fact]
        public Task InAnotherFileOfTheCompilation_Reports() =>
            SL1013.VerifyAnalyzerAsync(new[]
            {
                ("/src/Orders.cs", Body(@"        events.WriteStream().Option(""checkpointLocation"", {|SL1013:""/cp/shared""|}).Format(""console"").Start();")),
                ("/src/Refunds.cs", Usings + @"
class Refunds
{
    void Run(DataFrame refunds) => refunds.WriteStream().Option(""checkpointLocation"", {|SL1013:""/cp/shared""|}).Format(""console"").Start();
}"),
            });

        // ---- How far StreamLint looks ----
        [Fact]
        public Task HelperCalledTwice_IsOneOptionCall_Silent() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        StartIt(events);
        StartIt(clicks);", @"
    static void StartIt(DataFrame df) => df.WriteStream().Option(""checkpointLocation"", ""/cp/helper"").Format(""console"").Start();"));

        [Fact]
        public Task HelperCalledTwice_Twin_TwoHelpers_Report() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        StartIt(events);
        StartOther(clicks);", @"
    static void StartIt(DataFrame df) => df.WriteStream().Option(""checkpointLocation"", {|SL1013:""/cp/helper""|}).Format(""console"").Start();
    static void StartOther(DataFrame df) => df.WriteStream().Option(""checkpointLocation"", {|SL1013:""/cp/helper""|}).Format(""console"").Start();"));

        // ---- It is silent when ----
        [Theory]
        [InlineData("location")]
        [InlineData("System.IO.Path.Combine(\"/cp\", \"a\")")]
        [InlineData("given.ToString()")]
        public Task TheLocationIsNotAConstant_Silent(string second) =>
            SL1013.VerifyAnalyzerAsync(Body($@"        string location = ""/cp/a"";
        events.WriteStream().Option(""checkpointLocation"", ""/cp/a"").Format(""console"").Start();
        clicks.WriteStream().Option(""checkpointLocation"", {second}).Format(""console"").Start();"));

        [Fact]
        public Task TheLocationIsNotAConstant_Twin_Const_Reports() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        const string location = ""/cp/a"";
        events.WriteStream().Option(""checkpointLocation"", {|SL1013:""/cp/a""|}).Format(""console"").Start();
        clicks.WriteStream().Option(""checkpointLocation"", {|SL1013:location|}).Format(""console"").Start();"));

        [Fact]
        public Task QueriesRelyOnTheSessionDefault_Silent() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        spark.Conf().Set(""spark.sql.streaming.checkpointLocation"", ""/cp/default"");
        events.WriteStream().QueryName(""q"").Format(""console"").Start();
        clicks.WriteStream().QueryName(""q"").Format(""console"").Start();"));

        [Fact]
        public Task QueriesRelyOnTheSessionDefault_Twin_OptionOnBoth_Reports() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        spark.Conf().Set(""spark.sql.streaming.checkpointLocation"", ""/cp/default"");
        events.WriteStream().QueryName(""q"").Option(""checkpointLocation"", {|SL1013:""/cp/default""|}).Format(""console"").Start();
        clicks.WriteStream().QueryName(""q"").Option(""checkpointLocation"", {|SL1013:""/cp/default""|}).Format(""console"").Start();"));

        [Fact]
        public Task TheOptionIsSetOnABatchWriter_Silent() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        dim.Write().Option(""checkpointLocation"", ""/cp/a"").Parquet(""/out"");
        clicks.WriteStream().Option(""checkpointLocation"", ""/cp/a"").Format(""console"").Start();"));

        [Fact]
        public Task TheOptionIsSetOnABatchWriter_Twin_StreamWriter_Reports() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Option(""checkpointLocation"", {|SL1013:""/cp/a""|}).Format(""console"").Start();
        clicks.WriteStream().Option(""checkpointLocation"", {|SL1013:""/cp/a""|}).Format(""console"").Start();"));

        [Fact]
        public Task OneLocationIsInsideTheOther_Silent() =>
            SL1013.VerifyAnalyzerAsync(TwoQueries(@"""/cp/clicks""", @"""/cp/clicks/mobile"""));

        [Fact]
        public Task OneLocationIsInsideTheOther_Twin_SameLocation_Reports() =>
            SL1013.VerifyAnalyzerAsync(TwoQueries(@"{|SL1013:""/cp/clicks""|}", @"{|SL1013:""/cp/clicks/""|}"));

        // ---- Symbols, not names ----
        [Fact]
        public Task UserTypesNamedLikeSparks_InAnotherNamespace_Silent() =>
            SL1013.VerifyAnalyzerAsync(@"using MyStreams;

namespace MyStreams
{
    public class DataStreamWriter
    {
        public DataStreamWriter Option(string key, string value) => this;
        public DataStreamWriter Format(string format) => this;
        public object Start() => null!;
    }

    public class DataFrame { public DataStreamWriter WriteStream() => new DataStreamWriter(); }
}

class Job
{
    void Run(DataFrame a, DataFrame b, Microsoft.Spark.Sql.SparkSession spark)
    {
        a.WriteStream().Option(""checkpointLocation"", ""/cp/a"").Format(""console"").Start();
        b.WriteStream().Option(""checkpointLocation"", ""/cp/a"").Format(""console"").Start();
    }
}");
    }
}
