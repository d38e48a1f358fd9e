using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static StreamLint.Tests.Streamiz.StreamizCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Streamiz.Rules.UnboundedSuppressBufferAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Streamiz
{
    public class SL2004Tests
    {
        private const string Suppressed = @"        builder.Stream<string, string>(""clicks"").GroupByKey()
            .WindowedBy(TumblingWindowOptions.Of(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)))
            .Count()
            .Suppress(SuppressedBuilder.UntilWindowClose<Windowed<string>, long>(TimeSpan.FromMinutes(1), BUFFER));";

        [Fact]
        public Task Unbounded_Info() =>
            Verify.VerifyAnalyzerAsync(
                Topology(Suppressed.Replace("BUFFER", "StrictBufferConfig.{|#0:Unbounded|}()")),
                new DiagnosticResult("SL2004", DiagnosticSeverity.Info).WithLocation(0));

        [Fact]
        public Task UnboundedInALocal_Info() =>
            Verify.VerifyAnalyzerAsync(Topology("        var buffer = StrictBufferConfig.{|SL2004:Unbounded|}();\n" + Suppressed.Replace("BUFFER", "buffer")));

        [Fact]
        public Task Bounded_Silent() =>
            Verify.VerifyAnalyzerAsync(Topology(Suppressed.Replace("BUFFER", "StrictBufferConfig.Bounded(10_000)")));
    }
}
