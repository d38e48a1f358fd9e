using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1008.md, one test each, named after the bullet: every silent case next
    /// to its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1008SilentWhenTests
    {
        // The mode is not a constant ...
        [Fact]
        public async Task ModeNotConstant_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1008", @"        events.Select(""value"").WriteStream().OutputMode(given.Columns()[0]).Format(""console"").Start();"));

        [Fact]
        public async Task ModeNotConstant_Twin_CompleteReported() =>
            Assert.Equal(1, await ReportedAsync("SL1008", @"        events.Select(""value"").WriteStream().OutputMode(""complete"").Format(""console"").Start();"));

        // ... or is Append or never set.
        [Theory]
        [InlineData(@".OutputMode(""append"")")]
        [InlineData("")]
        public async Task AppendOrNeverSet_Silent(string mode) =>
            Assert.Equal(0, await ReportedAsync("SL1008", @"        events.Join(clicks, ""id"").WriteStream()" + mode + @".Format(""console"").Start();"));

        [Fact]
        public async Task AppendOrNeverSet_Twin_UpdateOnStreamJoinReported() =>
            Assert.Equal(1, await ReportedAsync("SL1008", @"        events.Join(clicks, ""id"").WriteStream().OutputMode(""update"").Format(""console"").Start();"));

        // For cases 2 and 3, the DataFrame is batch or of unknown origin ...
        [Theory]
        [InlineData("dim")]
        [InlineData("given")]
        public async Task BatchOrUnknownOrigin_Silent(string frame) =>
            Assert.Equal(0, await ReportedAsync("SL1008", "        " + frame + @".Select(""value"").WriteStream().OutputMode(""complete"").Format(""console"").Start();"));

        // ... or its writer escapes: stored in a field, or configured inside a lambda.
        [Fact]
        public async Task WriterStoredInField_Silent() =>
            Assert.Equal(0, await ReportedAsync(
                "SL1008",
                @"        var writer = events.Select(""value"").WriteStream().OutputMode(""complete"");
        this.saved = writer;
        Reconfigure();
        writer.Format(""console"").Start();",
                @"    DataStreamWriter saved;
    void Reconfigure() => this.saved.OutputMode(""append"");"));

        [Fact]
        public async Task WriterConfiguredInLambda_Silent() =>
            Assert.Equal(0, await ReportedAsync(
                "SL1008",
                @"        var writer = events.Select(""value"").WriteStream().OutputMode(""complete"");
        System.Action configure = () => writer.OutputMode(""append"");
        configure();
        writer.Format(""console"").Start();"));

        [Fact]
        public async Task WriterEscapes_Twin_WriterKeptLocalReported() =>
            Assert.Equal(1, await ReportedAsync(
                "SL1008",
                @"        var writer = events.Select(""value"").WriteStream().OutputMode(""complete"");
        writer.Format(""console"").Start();"));

        // For case 2, part of the plan comes from somewhere StreamLint cannot see (a union with an input of unknown origin).
        [Fact]
        public async Task PartOfPlanUnseen_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1008", @"        events.Union(given).WriteStream().OutputMode(""complete"").Format(""console"").Start();"));

        [Fact]
        public async Task PartOfPlanUnseen_Twin_UnionOfKnownStreamsReported() =>
            Assert.Equal(1, await ReportedAsync("SL1008", @"        events.Union(clicks).WriteStream().OutputMode(""complete"").Format(""console"").Start();"));

        // For case 3, one side of the join is batch or of unknown origin (a stream-static join does not restrict the mode).
        [Theory]
        [InlineData("dim")]
        [InlineData("given")]
        public async Task JoinSideBatchOrUnknown_Silent(string other) =>
            Assert.Equal(0, await ReportedAsync("SL1008", @"        events.Join(" + other + @", ""id"").GroupBy(""id"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();"));

        [Fact]
        public async Task JoinSideBatchOrUnknown_Twin_StreamStreamJoinReported() =>
            Assert.Equal(1, await ReportedAsync("SL1008", @"        events.Join(clicks, ""id"").GroupBy(""id"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();"));
    }
}
