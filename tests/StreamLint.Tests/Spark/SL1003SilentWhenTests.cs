using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1003.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1003SilentWhenTests
    {
        private static string WindowOn(string frame, string column) =>
            "        " + frame + @".GroupBy(Functions.Window(Functions.Col(""" + column + @"""), ""10 minutes"")).Count();";

        private const string Stamped = @".WithColumn(""seen"", Functions.CurrentTimestamp())";

        // The DataFrame is a batch DataFrame or its origin is unknown.
        [Theory]
        [InlineData("dim")]
        [InlineData("given")]
        public async Task BatchOrUnknownOrigin_Silent(string frame) =>
            Assert.Equal(0, await ReportedAsync("SL1003", WindowOn(frame + Stamped, "seen")));

        [Fact]
        public async Task BatchOrUnknownOrigin_Twin_StreamReported() =>
            Assert.Equal(1, await ReportedAsync("SL1003", WindowOn("events" + Stamped, "seen")));

        // The processing time is in SQL text the reader cannot read, or in a quoted string.
        [Theory]
        [InlineData(@"""'current_timestamp()' AS seen""")]
        [InlineData(@"""current_timestamp() AS seen SORT BY seen""")]
        public async Task ProcessingTimeInUnreadableOrQuotedText_Silent(string item) =>
            Assert.Equal(0, await ReportedAsync("SL1003", WindowOn(@"events.SelectExpr(""*"", " + item + ")", "seen")));

        [Fact]
        public async Task ProcessingTimeInUnreadableOrQuotedText_Twin_ReadableCallReported() =>
            Assert.Equal(1, await ReportedAsync("SL1003", WindowOn(@"events.SelectExpr(""*"", ""current_timestamp() AS seen"")", "seen")));

        // An operator StreamLint does not interpret, a join, a union or an aggregation stands between the column's
        // definition and the window.
        [Fact]
        public async Task UninterpretedBetween_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1003", WindowOn("events" + Stamped + ".SelectExpr(given.Columns()[0])", "seen")));

        [Fact]
        public async Task UninterpretedBetween_Twin_FilterBetweenReported() =>
            Assert.Equal(1, await ReportedAsync("SL1003", WindowOn("events" + Stamped + @".Filter(Functions.Col(""key"").IsNotNull())", "seen")));

        // The processing-time value is selected without an alias, so Spark chooses its name.
        [Fact]
        public async Task SelectedWithoutAlias_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1003", WindowOn(@"events.Select(Functions.Col(""key""), Functions.CurrentTimestamp())", "current_timestamp()")));

        [Fact]
        public async Task SelectedWithoutAlias_Twin_AliasedReported() =>
            Assert.Equal(1, await ReportedAsync("SL1003", WindowOn(@"events.Select(Functions.Col(""key""), Functions.CurrentTimestamp().Alias(""seen""))", "seen")));

        // Other clocks are used: a wall-clock value computed in C# and passed in as a literal.
        [Fact]
        public async Task WallClockFromCSharp_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1003", WindowOn(@"events.WithColumn(""seen"", Functions.Lit(System.DateTime.UtcNow.ToString(""o"")).Cast(""timestamp""))", "seen")));

        // CurrentDate() is processing time too (the page lists it with the sources).
        [Fact]
        public async Task CurrentDate_Reported() =>
            Assert.Equal(1, await ReportedAsync("SL1003", WindowOn(@"events.WithColumn(""seen"", Functions.CurrentDate())", "seen")));
    }
}
