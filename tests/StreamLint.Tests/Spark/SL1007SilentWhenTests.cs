using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1007.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1007SilentWhenTests
    {
        private const string Distinct = @".GroupBy(""key"").Agg(Functions.CountDistinct(""value""))";

        // The DataFrame is a batch DataFrame, or its origin is unknown.
        [Theory]
        [InlineData("dim")]
        [InlineData("given")]
        public async Task BatchOrUnknownOrigin_Silent(string frame) =>
            Assert.Equal(0, await ReportedAsync("SL1007", "        " + frame + Distinct + ";"));

        [Fact]
        public async Task BatchOrUnknownOrigin_Twin_StreamReported() =>
            Assert.Equal(1, await ReportedAsync("SL1007", "        events" + Distinct + ";"));

        // For the rows that combine two DataFrames, the other side's origin is unknown, or the join type is not a constant.
        [Fact]
        public async Task OtherSideUnknown_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1007", @"        dim.Join(given, dim[""id""] == given[""id""], ""right_outer"");
        events.Except(given);"));

        [Fact]
        public async Task JoinTypeNotConstant_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1007", @"        dim.Join(events, dim[""id""] == events[""id""], given.Columns()[0]);"));

        [Fact]
        public async Task JoinTypeNotConstant_Twin_ConstantUnsupportedTypeReported() =>
            Assert.Equal(1, await ReportedAsync("SL1007", @"        dim.Join(events, dim[""id""] == events[""id""], ""left_outer"");"));

        // The expression is not written in the call itself: a Column kept in a local.
        [Fact]
        public async Task ExpressionKeptInLocal_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1007", @"        Column visitors = Functions.CountDistinct(""value"");
        events.GroupBy(""key"").Agg(visitors);"));

        // A distinct aggregate in a Select that also has an item that does not aggregate.
        [Fact]
        public async Task SelectWithNonAggregateItem_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1007", @"        events.Select(Functions.Col(""key""), Functions.CountDistinct(""value""));"));

        [Fact]
        public async Task SelectWithNonAggregateItem_Twin_OnlyAggregatesReported() =>
            Assert.Equal(1, await ReportedAsync("SL1007", @"        events.Select(Functions.CountDistinct(""value""));"));

        // The SQL text is not a constant, or the reader cannot read it.
        [Theory]
        [InlineData(@"given.Columns()[0]")]
        [InlineData(@"""count(DISTINCT value) AS n SORT BY n""")]
        public async Task SqlTextUnknown_Silent(string text) =>
            Assert.Equal(0, await ReportedAsync("SL1007", @"        events.SelectExpr(" + text + ");"));

        [Fact]
        public async Task SqlTextUnknown_Twin_ReadableTextReported() =>
            Assert.Equal(1, await ReportedAsync("SL1007", @"        events.SelectExpr(""count(DISTINCT value) AS n"");"));

        // For sorting and Limit: the query's writer escapes (stored in a field) ...
        [Fact]
        public async Task SortWriterEscapes_Silent() =>
            Assert.Equal(0, await ReportedAsync(
                "SL1007",
                @"        var writer = events.OrderBy(Functions.Col(""key"")).WriteStream().Format(""console"");
        this.saved = writer;
        writer.Start();",
                @"    DataStreamWriter saved;"));

        [Fact]
        public async Task SortWriterEscapes_Twin_LocalWriterReported() =>
            Assert.Equal(1, await ReportedAsync("SL1007", @"        var writer = events.OrderBy(Functions.Col(""key"")).WriteStream().Format(""console"");
        writer.Start();"));

        // ... or the output mode is not a constant.
        [Fact]
        public async Task SortModeNotConstant_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1007", @"        events.GroupBy(""key"").Count().OrderBy(Functions.Col(""count"")).WriteStream().OutputMode(given.Columns()[0]).Format(""console"").Start();"));

        [Fact]
        public async Task SortModeNotConstant_Twin_UpdateReported() =>
            Assert.Equal(1, await ReportedAsync("SL1007", @"        events.GroupBy(""key"").Count().OrderBy(Functions.Col(""count"")).WriteStream().OutputMode(""update"").Format(""console"").Start();"));

        // ... or the query is not started in the project.
        [Fact]
        public async Task SortNotStarted_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1007", @"        events.OrderBy(Functions.Col(""key"")).WriteStream().Format(""console"");"));
    }
}
