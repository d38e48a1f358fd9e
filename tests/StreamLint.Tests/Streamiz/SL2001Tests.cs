using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static StreamLint.Tests.Streamiz.StreamizCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Streamiz.Rules.WallClockTimestampExtractorAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Streamiz
{
    public class SL2001Tests
    {
        private static string Extractor(string body) => Usings + @"
class ClickTime : ITimestampExtractor
{
    public long Extract(ConsumeResult<object, object> record, long partitionTime)
    {
" + body + @"
    }
}
";

        [Fact]
        public Task WallClockOnMainPath_Warning() =>
            Verify.VerifyAnalyzerAsync(
                Extractor(@"        return {|#0:DateTimeOffset.UtcNow|}.ToUnixTimeMilliseconds();"),
                new DiagnosticResult("SL2001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("ClickTime.Extract", "DateTimeOffset.UtcNow", "on its main path"));

        [Fact]
        public Task WallClockOnlyInInvalidTimestampFallback_Info() =>
            Verify.VerifyAnalyzerAsync(
                Extractor(@"        long ts = record.Message.Timestamp.UnixTimestampMs;
        if (ts < 0)
        {
            return {|#0:DateTimeOffset.UtcNow|}.ToUnixTimeMilliseconds();
        }

        return ts;"),
                new DiagnosticResult("SL2001", DiagnosticSeverity.Info).WithLocation(0).WithArguments("ClickTime.Extract", "DateTimeOffset.UtcNow", "in its invalid-timestamp fallback (records without a valid timestamp get processing time)"));

        [Fact]
        public Task ValidTestWithWallClockOnTheValidSide_Warning() =>
            Verify.VerifyAnalyzerAsync(
                Extractor(@"        long ts = record.Message.Timestamp.UnixTimestampMs;
        if (ts >= 0)
        {
            return {|#0:DateTime.UtcNow|}.Ticks;
        }

        return partitionTime;"),
                new DiagnosticResult("SL2001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("ClickTime.Extract", "DateTime.UtcNow", "on its main path"));

        [Fact]
        public Task NullValueFallbackAndLocal_Info() =>
            Verify.VerifyAnalyzerAsync(Extractor(@"        var value = record.Message.Value as string;
        var now = {|#0:DateTimeOffset.Now|}.ToUnixTimeMilliseconds();
        if (value == null)
        {
            return now;
        }

        return long.Parse(value);").Replace("var now = {|#0:DateTimeOffset.Now|}.ToUnixTimeMilliseconds();\n        if (value == null)\n        {\n            return now;", "if (value == null)\n        {\n            return {|#0:DateTimeOffset.Now|}.ToUnixTimeMilliseconds();"),
                new DiagnosticResult("SL2001", DiagnosticSeverity.Info).WithLocation(0).WithArguments("ClickTime.Extract", "DateTimeOffset.Now", "in its invalid-timestamp fallback (records without a valid timestamp get processing time)"));

        [Fact]
        public Task WallClockThroughALocal_MainPath_Reports() =>
            Verify.VerifyAnalyzerAsync(Extractor(@"        var now = {|SL2001:DateTime.UtcNow|};
        return new DateTimeOffset(now).ToUnixTimeMilliseconds();"));

        [Fact]
        public Task EventTimeWithPartitionTimeFallback_Silent() =>
            Verify.VerifyAnalyzerAsync(Extractor(@"        long ts = record.Message.Timestamp.UnixTimestampMs;
        return ts < 0 ? partitionTime : ts;"));

        [Fact]
        public Task WallClockOnlyLogged_Silent() =>
            Verify.VerifyAnalyzerAsync(Extractor(@"        Console.WriteLine(DateTime.UtcNow);
        return record.Message.Timestamp.UnixTimestampMs;"));

        [Fact]
        public Task ExtractNotImplementingTheInterface_Silent() =>
            Verify.VerifyAnalyzerAsync(Usings + @"
class Clock
{
    public long Extract(ConsumeResult<object, object> record, long partitionTime) => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
");
    }
}
