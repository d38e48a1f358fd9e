using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static StreamLint.Tests.Streamiz.StreamizCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Streamiz.Rules.SuppressGraceMismatchAnalyzer,
    StreamLint.CodeFixes.Streamiz.WindowGraceForSuppressCodeFix>;

namespace StreamLint.Tests.Streamiz
{
    public class SL2003Tests
    {
        private const string Chain = @"        builder.Stream<string, string>(""clicks"").GroupByKey()
            .WindowedBy(WINDOW)
            .Count()
            .Suppress(SuppressedBuilder.UntilWindowClose<Windowed<string>, long>(GRACE, StrictBufferConfig.Bounded(1000)));";

        private static string Topology2(string window, string grace, string members = "") =>
            Topology(Chain.Replace("WINDOW", window).Replace("GRACE", grace), members);

        [Fact]
        public Task ShorterThanExplicitWindowGrace_Warning() =>
            Verify.VerifyAnalyzerAsync(
                Topology2("TumblingWindowOptions.Of(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5))", "{|#0:TimeSpan.FromMinutes(1)|}"),
                new DiagnosticResult("SL2003", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                    "1m", "5m", "explicit", "a result is emitted as final before the window stops accepting late records, and is then updated"));

        [Fact]
        public Task SuppressionGraceNotConstant_Silent() =>
            Verify.VerifyAnalyzerAsync(
                Topology2("TumblingWindowOptions.Of(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5))", "TimeSpan.FromMinutes(Environment.ProcessorCount)"));

        [Fact]
        public Task WindowGraceNotConstant_Silent() =>
            Verify.VerifyAnalyzerAsync(
                Topology2("TumblingWindowOptions.Of(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(Environment.ProcessorCount))", "TimeSpan.FromMinutes(1)"));

        [Fact]
        public Task ImplicitWindowGrace_ComparedWith24hMinusSize() =>
            Verify.VerifyAnalyzerAsync(
                Topology2("TumblingWindowOptions.Of(60_000)", "{|#0:TimeSpan.Zero|}"),
                new DiagnosticResult("SL2003", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                    "0", "23h59m", "implicit: 24h minus the window size", "a result is emitted as final before the window stops accepting late records, and is then updated"));

        [Fact]
        public Task SameGraceInOtherUnits_Silent() =>
            Verify.VerifyAnalyzerAsync(Topology2("HoppingWindowOptions.Of(60_000, 10_000, 30_000)", "TimeSpan.FromSeconds(30)"));

        [Fact]
        public Task WindowOptionsInAField_AndSuppressionOnATableBuiltInAHelper_Reports() =>
            Verify.VerifyAnalyzerAsync(Topology(
                @"        Counts(builder.Stream<string, string>(""clicks""))
            .Suppress(SuppressedBuilder.UntilWindowClose<Windowed<string>, long>({|SL2003:TimeSpan.FromSeconds(10)|}, StrictBufferConfig.Bounded(1000)));",
                @"    static readonly TumblingWindowOptions Window = TumblingWindowOptions.Of(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));

    static IKTable<Windowed<string>, long> Counts(IKStream<string, string> clicks) =>
        clicks.GroupByKey().WindowedBy(Window).Count();"));

        [Fact]
        public Task GraceInALocal_Reports() =>
            Verify.VerifyAnalyzerAsync(Topology(
                @"        var grace = TimeSpan.FromMinutes(2);
        var window = TumblingWindowOptions.Of(TimeSpan.FromMinutes(1), grace);
        var suppressed = SuppressedBuilder.UntilWindowClose<Windowed<string>, long>({|SL2003:TimeSpan.FromMinutes(3)|}, StrictBufferConfig.Bounded(1000));
        builder.Stream<string, string>(""clicks"").GroupByKey().WindowedBy(window).Count().Suppress(suppressed);"));

        [Fact]
        public Task WindowFromAnUnknownParameter_Silent() =>
            Verify.VerifyAnalyzerAsync(Usings + @"
static class Clicks
{
    public static void Build(StreamBuilder builder, TumblingWindowOptions window) =>
        builder.Stream<string, string>(""clicks"").GroupByKey().WindowedBy(window).Count()
            .Suppress(SuppressedBuilder.UntilWindowClose<Windowed<string>, long>(TimeSpan.FromMinutes(1), StrictBufferConfig.Bounded(1000)));
}
");

        [Fact]
        public Task Fix_WritesTheWindowGrace_FixAll() =>
            Verify.VerifyCodeFixAsync(
                Topology(Chain.Replace("WINDOW", "TumblingWindowOptions.Of(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5))").Replace("GRACE", "{|SL2003:TimeSpan.FromMinutes(1)|}")
                    + "\n" + Chain.Replace("WINDOW", "TumblingWindowOptions.Of(1000, 1500)").Replace("GRACE", "{|SL2003:TimeSpan.Zero|}")),
                Topology(Chain.Replace("WINDOW", "TumblingWindowOptions.Of(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5))").Replace("GRACE", "TimeSpan.FromMinutes(5)")
                    + "\n" + Chain.Replace("WINDOW", "TumblingWindowOptions.Of(1000, 1500)").Replace("GRACE", "TimeSpan.FromMilliseconds(1500)")),
                "SL2003.WindowGrace");
    }
}
