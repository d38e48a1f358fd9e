using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StreamLint.CodeFixes.Spark;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1020 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.StreamingQueryNotAwaitedAnalyzer, StreamLint.CodeFixes.Spark.StreamingQueryNotAwaitedCodeFix>;
using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    public class SL1020Tests
    {
        [Fact]
        public Task DiscardedStartNotAwaited_Reports() =>
            SL1020.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Format(""console"").{|SL1020:Start|}();
        clicks.WriteStream().Format(""console"").{|SL1020:Start|}();"));

        [Fact]
        public Task AwaitedOrKept_Silent() =>
            SL1020.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Format(""console"").Start();
        var q = clicks.WriteStream().Format(""console"").Start();
        q.AwaitTermination();"));

        [Fact]
        public Task AwaitAnyTerminationElsewhere_Silent() =>
            SL1020.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Format(""console"").Start();", @"
    static void Main(SparkSession spark) => spark.Streams().AwaitAnyTermination();"));

        [Fact]
        public Task Fix_AwaitsOnlyTheLastQuery() =>
            SL1020.VerifyCodeFixAsync(
                Body(@"        events.WriteStream().Format(""console"").{|SL1020:Start|}();
        clicks.WriteStream().Format(""console"").{|SL1020:Start|}();"),
                Body(@"        events.WriteStream().Format(""console"").Start();
        clicks.WriteStream().Format(""console"").Start().AwaitTermination();"),
                StreamingQueryNotAwaitedCodeFix.AwaitTerminationKey);
    
    }
}
