using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static StreamLint.Tests.Streamiz.StreamizCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Streamiz.Rules.MapKeepsKeyAnalyzer,
    StreamLint.CodeFixes.Streamiz.MapValuesCodeFix>;

namespace StreamLint.Tests.Streamiz
{
    public class SL2006Tests
    {
        [Fact]
        public Task MapKeepingKeyBeforeGroupByKey_Info() =>
            Verify.VerifyAnalyzerAsync(
                Topology(@"        builder.Stream<string, string>(""clicks"").{|#0:Map|}((k, v, c) => KeyValuePair.Create(k, v.Length)).GroupByKey().Count();"),
                new DiagnosticResult("SL2006", DiagnosticSeverity.Info).WithLocation(0).WithArguments("Map", "GroupByKey", "MapValues"));

        [Fact]
        public Task FlatMapKeepingKeyBeforeJoin_Reports() =>
            Verify.VerifyAnalyzerAsync(Topology(@"        var clicks = builder.Stream<string, string>(""clicks"");
        var words = clicks.{|SL2006:FlatMap|}((k, v, c) => v.Split(' ').Select(w => new KeyValuePair<string, string>(k, w)));
        words.Join(clicks, (a, b) => a + b, JoinWindowOptions.Of(TimeSpan.FromMinutes(1), TimeSpan.Zero));"));

        [Fact]
        public Task MapChangingKey_Silent() =>
            Verify.VerifyAnalyzerAsync(Topology(@"        builder.Stream<string, string>(""clicks"").Map((k, v, c) => KeyValuePair.Create(v, k)).GroupByKey().Count();"));

        [Fact]
        public Task MapKeepingKeyWithoutGroupingOrJoin_Silent() =>
            Verify.VerifyAnalyzerAsync(Topology(@"        builder.Stream<string, string>(""clicks"").Map((k, v, c) => KeyValuePair.Create(k, v.Length)).To(""lengths"");"));

        [Fact]
        public Task KeyAlsoChangedBySelectKey_Silent() =>
            Verify.VerifyAnalyzerAsync(Topology(@"        builder.Stream<string, string>(""clicks"").Map((k, v, c) => KeyValuePair.Create(k, v)).SelectKey((k, v, c) => v).GroupByKey().Count();"));

        [Fact]
        public Task MapperAsAMethodGroup_Silent() =>
            Verify.VerifyAnalyzerAsync(Topology(
                @"        builder.Stream<string, string>(""clicks"").Map<string, int>(KeepKey).GroupByKey().Count();",
                @"    static KeyValuePair<string, int> KeepKey(string k, string v, IRecordContext c) => KeyValuePair.Create(k, v.Length);"));

        [Fact]
        public Task Fix_MapToMapValues_FixAll() =>
            Verify.VerifyCodeFixAsync(
                Topology(@"        builder.Stream<string, string>(""clicks"").{|SL2006:Map|}((k, v, c) => KeyValuePair.Create(k, v.Length)).GroupByKey().Count();
        builder.Stream<string, string>(""views"").{|SL2006:Map<string, string>|}((k, v, c) => new KeyValuePair<string, string>(k, v.ToUpperInvariant())).GroupByKey().Count();"),
                Topology(@"        builder.Stream<string, string>(""clicks"").MapValues((k, v, c) => v.Length).GroupByKey().Count();
        builder.Stream<string, string>(""views"").MapValues<string>((k, v, c) => v.ToUpperInvariant()).GroupByKey().Count();"),
                "SL2006.MapValues");
    }
}
