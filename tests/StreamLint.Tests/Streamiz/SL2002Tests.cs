using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static StreamLint.Tests.Streamiz.StreamizCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Streamiz.Rules.ImplicitWindowGraceAnalyzer,
    StreamLint.CodeFixes.Streamiz.ExplicitWindowGraceCodeFix>;

namespace StreamLint.Tests.Streamiz
{
    public class SL2002Tests
    {
        [Fact]
        public Task TumblingWithoutGrace_ReportsWarningWithImplicitGrace() =>
            Verify.VerifyAnalyzerAsync(
                Topology(@"        builder.Stream<string, string>(""clicks"").GroupByKey().WindowedBy(TumblingWindowOptions.{|#0:Of|}(TimeSpan.FromMinutes(1))).Count();"),
                new DiagnosticResult("SL2002", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("TumblingWindowOptions", "23h59m"));

        [Fact]
        public Task HoppingAndJoinWithoutGrace_Report() =>
            Verify.VerifyAnalyzerAsync(Topology(@"        var clicks = builder.Stream<string, string>(""clicks"");
        clicks.GroupByKey().WindowedBy(HoppingWindowOptions.{|SL2002:Of|}(60_000, 10_000)).Count();
        clicks.Join(clicks, (a, b) => a + b, JoinWindowOptions.{|SL2002:Of|}(TimeSpan.FromSeconds(30)));"));

        [Fact]
        public Task ExplicitGrace_Silent() =>
            Verify.VerifyAnalyzerAsync(Topology(@"        var clicks = builder.Stream<string, string>(""clicks"");
        clicks.GroupByKey().WindowedBy(TumblingWindowOptions.Of(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10))).Count();
        clicks.GroupByKey().WindowedBy(HoppingWindowOptions.Of(60_000, 10_000, 5_000)).Count();
        clicks.Join(clicks, (a, b) => a + b, JoinWindowOptions.Of(TimeSpan.FromSeconds(30), TimeSpan.Zero));"));

        [Fact]
        public Task OptionsInAFieldOrLocal_ReportedWhereBuilt() =>
            Verify.VerifyAnalyzerAsync(Topology(
                @"        var window = TumblingWindowOptions.{|SL2002:Of|}(60_000);
        builder.Stream<string, string>(""clicks"").GroupByKey().WindowedBy(window).Count();
        builder.Stream<string, string>(""views"").GroupByKey().WindowedBy(Window).Count();",
                @"    static readonly TumblingWindowOptions Window = TumblingWindowOptions.{|SL2002:Of|}(TimeSpan.FromMinutes(5));"));

        [Fact]
        public Task Fix_Long_AddsZeroGrace() =>
            Verify.VerifyCodeFixAsync(
                Topology(@"        builder.Stream<string, string>(""clicks"").GroupByKey().WindowedBy(TumblingWindowOptions.{|SL2002:Of|}(60_000)).Count();"),
                Topology(@"        builder.Stream<string, string>(""clicks"").GroupByKey().WindowedBy(TumblingWindowOptions.Of(60_000, 0L)).Count();"),
                "SL2002.ExplicitGrace");

        [Fact]
        public Task Fix_TimeSpan_AddsZeroGrace_FixAll() =>
            Verify.VerifyCodeFixAsync(
                Topology(@"        var clicks = builder.Stream<string, string>(""clicks"");
        clicks.GroupByKey().WindowedBy(HoppingWindowOptions.{|SL2002:Of|}(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10))).Count();
        clicks.Join(clicks, (a, b) => a + b, JoinWindowOptions.{|SL2002:Of|}(TimeSpan.FromSeconds(30)));"),
                Topology(@"        var clicks = builder.Stream<string, string>(""clicks"");
        clicks.GroupByKey().WindowedBy(HoppingWindowOptions.Of(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), TimeSpan.Zero)).Count();
        clicks.Join(clicks, (a, b) => a + b, JoinWindowOptions.Of(TimeSpan.FromSeconds(30), TimeSpan.Zero));"),
                "SL2002.ExplicitGrace");
    }
}
