using System;
using System.Threading.Tasks;
using StreamLint.CodeFixes.Spark;
using StreamLint.Spark.Durations;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.InvalidDurationAnalyzer,
    StreamLint.CodeFixes.Spark.InvalidDurationCodeFix>;

namespace StreamLint.Tests.Spark
{
    public class SL1015Tests
    {
        private static readonly Version Spark35 = new Version(3, 5);
        private static readonly Version Spark24 = new Version(2, 4);

        [Theory]
        [InlineData("10 seconds", 0, 0, 10_000_000L)]
        [InlineData("1 second", 0, 0, 1_000_000L)]
        [InlineData("interval 1 hour 30 minutes", 0, 0, 5_400_000_000L)]
        [InlineData("  2 Days  ", 0, 2, 0L)]
        [InlineData("1 week", 0, 7, 0L)]
        [InlineData("1 year 2 months", 14, 0, 0L)]
        [InlineData("-5 minutes", 0, 0, -300_000_000L)]
        [InlineData("+5 minutes", 0, 0, 300_000_000L)]
        [InlineData("1.5 seconds", 0, 0, 1_500_000L)]
        [InlineData(".5 seconds", 0, 0, 500_000L)]
        [InlineData("100 milliseconds 20 microseconds", 0, 0, 100_020L)]
        [InlineData("1 second 1 second", 0, 0, 2_000_000L)]
        [InlineData("1\thour\n 30  minutes", 0, 0, 5_400_000_000L)]
        [InlineData("5. seconds", 0, 0, 5_000_000L)]
        [InlineData("0.123456789 seconds", 0, 0, 123_456L)]
        public void Parser_Accepts(string text, long months, long days, long micros)
        {
            SparkInterval? interval = SparkInterval.Parse(text, Spark35, out string error, out _);
            Assert.True(interval is not null, error);
            Assert.Equal((months, days, micros), (interval!.Months, interval.Days, interval.Micros));
        }

        [Theory]
        [InlineData("", null)]
        [InlineData("interval", null)]
        [InlineData("intervals 1 second", null)]
        [InlineData("10", null)]
        [InlineData("10seconds", null)]
        [InlineData("10 secnds", "secnds")]
        [InlineData("10 sec", "sec")]
        [InlineData("5 mins", "mins")]
        [InlineData("10 secondss", "secondss")]
        [InlineData("1.5 minutes", null)]
        [InlineData("ten seconds", null)]
        [InlineData("1 hour 30", null)]
        [InlineData(". seconds", null)]
        [InlineData("+ seconds", null)]
        [InlineData("1.0000000001 seconds", null)]
        [InlineData("1-2 seconds", null)]
        [InlineData("\u0663 seconds", null)] // an Arabic-Indic digit: Spark reads ASCII digits only
        public void Parser_Rejects(string text, string? badUnit)
        {
            Assert.Null(SparkInterval.Parse(text, Spark35, out string error, out string? unit));
            Assert.NotEmpty(error);
            Assert.Equal(badUnit, unit);
        }

        [Fact]
        public void Parser_Spark24_RequiresUnitOrderAndIntegers()
        {
            Assert.NotNull(SparkInterval.Parse("1 hour 30 minutes", Spark24, out _, out _));
            Assert.Null(SparkInterval.Parse("30 minutes 1 hour", Spark24, out _, out _));
            Assert.Null(SparkInterval.Parse("1.5 seconds", Spark24, out _, out _));
            Assert.Null(SparkInterval.Parse("+1 hour", Spark24, out _, out _));
            Assert.NotNull(SparkInterval.Parse("-1 hour", Spark24, out _, out _));
            Assert.NotNull(SparkInterval.Parse("30 minutes 1 hour", Spark35, out _, out _));
        }

        [Fact]
        public Task WindowDurations() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.GroupBy(Window(Col(""ts""), {|SL1015:""10 secnds""|}));
        events.GroupBy(Window(Col(""ts""), {|SL1015:""1 month""|}));
        events.GroupBy(Window(Col(""ts""), {|SL1015:""0 seconds""|}));
        events.GroupBy(Window(Col(""ts""), ""5 minutes"", {|SL1015:""10 minutes""|}));
        events.GroupBy(Window(Col(""ts""), ""10 minutes"", ""5 minutes"", {|SL1015:""5 minutes""|}));
        events.GroupBy(Window(Col(""ts""), ""10 minutes"", ""5 minutes"", ""1 minute""));
        events.GroupBy(Window(Col(""ts""), ""1 day""), Col(""page""));"));

        [Fact]
        public Task WatermarkAndTriggers() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.WithWatermark(""ts"", {|SL1015:""-1 minute""|});
        events.WithWatermark(""ts"", {|SL1015:""10 minuts""|});
        events.WithWatermark(""ts"", ""2 months"");
        events.WithWatermark(""ts"", ""0 seconds"");
        Trigger.ProcessingTime({|SL1015:""1 month""|});
        Trigger.ProcessingTime({|SL1015:-5L|});
        Trigger.ProcessingTime({|SL1015:-5000|});
        Trigger.Continuous({|SL1015:""1 sec""|});
        Trigger.ProcessingTime(""interval 500 milliseconds"");
        Trigger.ProcessingTime(1000);"));

        [Fact]
        public Task ConstantsAndInterpolations() =>
            Verify.VerifyAnalyzerAsync(Body(@"        const string Delay = ""10 "" + ""minutes"";
        const string Bad = ""10 minuites"";
        int n = 5;
        string unit = flag ? ""seconds"" : ""minutes"";
        events.WithWatermark(""ts"", Delay);
        events.WithWatermark(""ts"", {|SL1015:Bad|});
        events.WithWatermark(""ts"", $""{n} minutes"");
        events.WithWatermark(""ts"", {|SL1015:$""{n} mins""|});
        events.WithWatermark(""ts"", $""{n} {unit}"");
        events.WithWatermark(""ts"", given.Columns()[0]);"));

        [Fact]
        public Task Fix_CorrectsUnitTypos() =>
            Verify.VerifyCodeFixAsync(
                Body(@"        events.WithWatermark(""ts"", {|SL1015:""10 secnds""|});
        events.GroupBy(Window(Col(""ts""), {|SL1015:""1 minuts""|}));
        Trigger.ProcessingTime({|SL1015:""500 ms""|});
        Trigger.ProcessingTime({|SL1015:""2 hours 30 s""|});"),
                Body(@"        events.WithWatermark(""ts"", ""10 seconds"");
        events.GroupBy(Window(Col(""ts""), ""1 minute""));
        Trigger.ProcessingTime(""500 milliseconds"");
        Trigger.ProcessingTime(""2 hours 30 seconds"");"),
                InvalidDurationCodeFix.CorrectUnitKey);

        [Fact]
        public Task NoFix_WhenTheUnitIsAmbiguousOrUnknown() =>
            Verify.VerifyNoCodeFixAsync(
                Body(@"        events.WithWatermark(""ts"", {|SL1015:""10 zorks""|});
        events.WithWatermark(""ts"", {|SL1015:""10 m""|});"),
                InvalidDurationCodeFix.CorrectUnitKey);
    }
}
