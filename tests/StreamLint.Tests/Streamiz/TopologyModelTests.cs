using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Streamiz;
using StreamLint.Streamiz.Topology;
using StreamLint.Tests.Infrastructure;
using Xunit;
using static StreamLint.Tests.Streamiz.StreamizCode;

namespace StreamLint.Tests.Streamiz
{
    /// <summary>The topology model read directly: the lineage of the value at the last statement, as <see cref="TopologyNode.Dump"/> prints it.</summary>
    public class TopologyModelTests
    {
        private static string DumpLast(string source)
        {
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Model",
                new[] { CSharpSyntaxTree.ParseText(source) },
                LibraryReferences.For(Libraries.Streamiz),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            StreamizCompilation streamiz = StreamizCompilation.For(compilation)!;
            SyntaxTree tree = compilation.SyntaxTrees[0];
            SemanticModel model = compilation.GetSemanticModel(tree);
            InvocationExpressionSyntax last = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.ValueText == "Build")
                .Body!.Statements.OfType<ExpressionStatementSyntax>().Last().Expression as InvocationExpressionSyntax ?? throw new System.InvalidOperationException();
            var call = (IInvocationOperation)model.GetOperation(last)!;
            TopologyNode? node = streamiz.Evaluator.EvaluateCall(call, CancellationToken.None);
            return node?.Dump().Replace("\r", string.Empty) ?? "<unknown>";
        }

        [Fact]
        public void WindowedCountWithImplicitGrace_AndSuppression()
        {
            string dump = DumpLast(Topology(@"        builder.Stream<string, string>(""clicks"")
            .SelectKey((k, v, c) => v)
            .GroupByKey()
            .WindowedBy(TumblingWindowOptions.Of(TimeSpan.FromMinutes(1)))
            .Count()
            .Suppress(SuppressedBuilder.UntilWindowClose<Windowed<string>, long>(TimeSpan.Zero, StrictBufferConfig.Bounded(10)))
            .ToStream()
            .To(""counts"");"));
            Assert.Equal(
                @"Stream(""clicks"") [Stream]
SelectKey [Stream; key changed]
GroupByKey [GroupedStream; key changed]
WindowedBy [WindowedStream; key changed; TumblingWindowOptions size 1m, grace 23h59m (implicit)]
Count [Table; TumblingWindowOptions size 1m, grace 23h59m (implicit); stateful]
Suppress(suppressed) [Table; TumblingWindowOptions size 1m, grace 23h59m (implicit)]
ToStream [Stream]
To(""counts"") [Sink]",
                dump);
        }

        [Fact]
        public void HelpersLocalsAndFieldWindow()
        {
            string dump = DumpLast(Topology(
                @"        var clicks = Clean(builder.Stream<string, string>(""clicks""));
        var keyed = clicks.Map((k, v, c) => KeyValuePair.Create(k, v.Length));
        keyed.GroupByKey().WindowedBy(Window).Count();",
                @"    static readonly HoppingWindowOptions Window;

    static Clicks() => Window = HoppingWindowOptions.Of(60_000, 10_000, 5_000);

    static IKStream<string, string> Clean(IKStream<string, string> input) => input.Filter((k, v, c) => v != null);"));
            Assert.Equal(
                @"Stream(""clicks"") [Stream]
Filter [Stream]
Map [Stream; key kept by Map]
GroupByKey [GroupedStream; key kept by Map]
WindowedBy [WindowedStream; key kept by Map; HoppingWindowOptions size 1m, advance 10s, grace 5s (explicit)]
Count [Table; HoppingWindowOptions size 1m, advance 10s, grace 5s (explicit); stateful]",
                dump);
        }

        [Fact]
        public void StreamTableJoinAndRepartition()
        {
            string dump = DumpLast(Topology(@"        var users = builder.Table<string, string>(""users"");
        builder.Stream<string, string>(""clicks"").SelectKey((k, v, c) => v).Repartition().Join(users, (click, user) => click + user).Foreach((k, v, c) => { });"));
            Assert.Equal(
                @"(left)
  Stream(""clicks"") [Stream]
  SelectKey [Stream; key changed]
  Repartition [Stream]
(right)
  Table(""users"") [Table]
Join [Stream; stateful]
Foreach [Sink]",
                dump);
        }

        [Fact]
        public void DisagreeingPaths_AreUnknown()
        {
            string dump = DumpLast(Topology(@"        var clicks = builder.Stream<string, string>(""clicks"");
        if (DateTime.Now.Hour > 12)
        {
            clicks = clicks.SelectKey((k, v, c) => v);
        }

        clicks.To(""out"");"));
            Assert.Equal("<unknown>", dump);
        }

        [Fact]
        public void UncalledPublicHelperParameter_IsUnknown()
        {
            string dump = DumpLast(Usings + @"
public static class Clicks
{
    public static void Build(IKStream<string, string> input)
    {
        input.To(""out"");
    }
}
");
            Assert.Equal("<unknown>", dump);
        }
    }
}
