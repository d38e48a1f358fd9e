using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StreamLint.CodeFixes.Spark;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using SL1013 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.SharedCheckpointLocationAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    public class SL1013Tests
    {
        [Fact]
        public Task SharedLiteralConstOrConcatenation_Reports() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        events.WriteStream().Option(""checkpointLocation"", {|SL1013:""/cp/clicks""|}).Format(""console"").Start();
        clicks.WriteStream().Option(""checkpointLocation"", {|SL1013:Root + ""clicks/""|}).Format(""console"").Start();
        clicks.WriteStream().Option(""checkpointLocation"", {|SL1013:Root + nameof(Orders)|}).Format(""console"").Start();
        events.WriteStream().Option(""checkpointLocation"", {|SL1013:Checkpoints.Orders|}).Format(""console"").Start();
        events.WriteStream().Option(""checkpointLocation"", ""/cp/unique"").Format(""console"").Start();", @"
    const string Root = ""/cp/"";
    class Orders { }
    static class Checkpoints { public const string Orders = ""/cp/Orders""; }"));

        [Fact]
        public Task SameWriterStartedTwice_Silent() =>
            SL1013.VerifyAnalyzerAsync(Body(@"        var writer = events.WriteStream().Format(""delta"").Option(""checkpointLocation"", ""/cp/once"");
        writer.Trigger(Trigger.Once());
        writer.Start(""/d"");
        writer.Start(""/d"");"));

    }
}
