using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Spark.SilentWhenCount;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "what is checked, and what is not" bullets of docs/rules/SL1015.md, one test each: every silent case next to
    /// its positive twin, which differs only in the point the bullet is about.
    /// </summary>
    public class SL1015SilentWhenTests
    {
        private static string Watermark(string delay) => @"        events.WithWatermark(""timestamp"", " + delay + ");";

        // Strings built at run time: from a variable ...
        [Fact]
        public async Task FromAVariable_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1015", @"        string delay = given.Columns()[0];
" + Watermark("delay")));

        [Fact]
        public async Task FromAVariable_Twin_ConstantReported() =>
            Assert.Equal(1, await ReportedAsync("SL1015", @"        const string delay = ""10 minuts"";
" + Watermark("delay")));

        // ... with string.Format or + on variables.
        [Theory]
        [InlineData(@"string.Format(""{0} minutes"", given.Count())")]
        [InlineData(@"given.Count() + ""minuts""")]
        public async Task BuiltAtRunTime_Silent(string delay) =>
            Assert.Equal(0, await ReportedAsync("SL1015", Watermark(delay)));

        [Fact]
        public async Task BuiltAtRunTime_Twin_ConstantConcatenationReported() =>
            Assert.Equal(1, await ReportedAsync("SL1015", Watermark(@"""10 "" + ""minuts""")));

        // Interpolations with holes of other types.
        [Theory]
        [InlineData(@"$""{1.5:F1} seconds""")]
        [InlineData(@"$""{10} {given.Columns()[0]}""")]
        public async Task InterpolationWithOtherHoles_Silent(string delay) =>
            Assert.Equal(0, await ReportedAsync("SL1015", Watermark(delay)));

        // Interpolations with integer holes are checked for syntax only: the unit is checked, the value is not.
        [Fact]
        public async Task IntegerHoleValue_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1015", @"        int minutes = -5;
" + Watermark(@"$""{minutes} minutes""")));

        [Fact]
        public async Task IntegerHoleValue_Twin_MisspelledUnitReported() =>
            Assert.Equal(1, await ReportedAsync("SL1015", @"        int minutes = 5;
" + Watermark(@"$""{minutes} minuts""")));

        // Trigger intervals that are not constants.
        [Fact]
        public async Task TriggerIntervalNotConstant_Silent() =>
            Assert.Equal(0, await ReportedAsync("SL1015", @"        long interval = -given.Count();
        events.WriteStream().Trigger(Trigger.ProcessingTime(interval)).Format(""console"").Start();"));

        [Fact]
        public async Task TriggerIntervalNotConstant_Twin_NegativeConstantReported() =>
            Assert.Equal(1, await ReportedAsync("SL1015", @"        events.WriteStream().Trigger(Trigger.ProcessingTime(-5000L)).Format(""console"").Start();"));
    }
}
