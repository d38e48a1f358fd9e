using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1020.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1020SilentWhenTests
    {
        private const string Start = @"events.WriteStream().Format(""console"").Start()";

        // The query is kept: assigned to a variable or field, returned, passed to a method, or assigned to the discard.
        [Theory]
        [InlineData("        var query = " + Start + ";")]
        [InlineData("        _ = " + Start + ";")]
        [InlineData("        Keep(" + Start + ");")]
        public async Task QueryKept_Silent(string body) =>
            Assert.Equal(0, await ReportedAsync("SL1020", body, "    static void Keep(StreamingQuery query) { }"));

        [Fact]
        public async Task QueryKept_Twin_DiscardedReported() =>
            Assert.Equal(1, await ReportedAsync("SL1020", "        " + Start + ";", "    static void Keep(StreamingQuery query) { }"));

        // The same method awaits any query, even another one, or with a timeout.
        [Theory]
        [InlineData(@"clicks.WriteStream().Format(""console"").Start().AwaitTermination();")]
        [InlineData(@"clicks.WriteStream().Format(""console"").Start().AwaitTermination(1000);")]
        public async Task SameMethodAwaitsAQuery_Silent(string other) =>
            Assert.Equal(0, await ReportedAsync("SL1020", "        " + Start + ";\n        " + other));

        [Fact]
        public async Task SameMethodAwaitsAQuery_Twin_NoAwaitReported() =>
            Assert.Equal(2, await ReportedAsync("SL1020", "        " + Start + ";\n        " + @"clicks.WriteStream().Format(""console"").Start();"));

        // AwaitAnyTermination is mentioned anywhere in the project.
        [Fact]
        public async Task AwaitAnyTerminationInTheProject_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1020", "        " + Start + ";", "    static void Wait(SparkSession spark) => spark.Streams().AwaitAnyTermination();"));

        [Fact]
        public async Task AwaitAnyTerminationInTheProject_Twin_OtherCallReported() =>
            Assert.Equal(1, await ReportedAsync("SL1020", "        " + Start + ";", "    static void Wait(SparkSession spark) => spark.Streams().ResetTerminated();"));

        // Start() is the body of an expression-bodied lambda, whose value is returned rather than discarded.
        [Fact]
        public async Task StartIsTheBodyOfAnExpressionLambda_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1020", "        System.Func<StreamingQuery> start = () => " + Start + ";\n        start();"));

        [Fact]
        public async Task StartIsTheBodyOfAnExpressionLambda_Twin_StatementLambdaReported() =>
            Assert.Equal(1, await ReportedAsync("SL1020", "        System.Action start = () => { " + Start + "; };\n        start();"));
    }
}
