using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.CodeFixes.Spark;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.AppendAggregationWithoutWatermarkAnalyzer,
    StreamLint.CodeFixes.Spark.AppendAggregationWithoutWatermarkCodeFix>;

namespace StreamLint.Tests.Reliability
{
    /// <summary>Bugs the reliability fuzzer found, pinned down one by one.</summary>
    public class RegressionTests
    {
        private const string Usings = @"using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using M = Microsoft.Spark.Sql.Streaming.OutputMode;
";

        private static string Code(string body) => Usings + @"
static class Modes
{
    public const string Append = ""append"";
}

class Job
{
    const string AppendMode = ""append"";

    void Run(SparkSession spark)
    {
        DataFrame events = spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""clicks"").Load();
" + body + @"
    }
}";

        /// <summary>
        /// Found by the fuzzer (seed Constants.cs): the Update-mode fix renamed any member access argument
        /// <c>X.Append</c> to <c>X.Update</c>, so a mode given as a user constant (<c>Modes.Append</c>) became
        /// <c>Modes.Update</c>, which does not exist (CS0117). Only the Spark OutputMode enum keeps its form now;
        /// any other constant argument is replaced by the string "update".
        /// </summary>
        [Fact]
        public Task UpdateModeFix_ModeFromUserConstant_BecomesTheUpdateString() =>
            Verify.VerifyCodeFixAsync(
                Code(@"        events.GroupBy(""page"").{|SL1001:Count|}().WriteStream().OutputMode(Modes.Append).Format(""console"").Start();
        events.GroupBy(""country"").{|SL1001:Count|}().WriteStream().OutputMode(AppendMode).Format(""console"").Start();
        events.GroupBy(""user"").{|SL1001:Count|}().WriteStream().OutputMode((OutputMode)0).Format(""console"").Start();
        events.GroupBy(""ip"").{|SL1001:Count|}().WriteStream().OutputMode((OutputMode.Append)).Format(""console"").Start();"),
                Code(@"        events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();
        events.GroupBy(""country"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();
        events.GroupBy(""user"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();
        events.GroupBy(""ip"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();"),
                AppendAggregationWithoutWatermarkCodeFix.UseUpdateModeKey);

        [Fact]
        public Task UpdateModeFix_SparkEnumThroughAnAlias_KeepsTheEnumForm() =>
            Verify.VerifyCodeFixAsync(
                Code(@"        events.GroupBy(""page"").{|SL1001:Count|}().WriteStream().OutputMode(M.Append).Format(""console"").Start();
        events.GroupBy(""user"").{|SL1001:Count|}().WriteStream().OutputMode(Microsoft.Spark.Sql.Streaming.OutputMode.Append).Format(""console"").Start();"),
                Code(@"        events.GroupBy(""page"").Count().WriteStream().OutputMode(M.Update).Format(""console"").Start();
        events.GroupBy(""user"").Count().WriteStream().OutputMode(Microsoft.Spark.Sql.Streaming.OutputMode.Update).Format(""console"").Start();"),
                AppendAggregationWithoutWatermarkCodeFix.UseUpdateModeKey);

        /// <summary>
        /// Found by the large fuzz run (seeds StoredWriters.cs and TopLevel.cs, a deleted ')'): on a writer whose
        /// WriteStream( call is not closed yet, the Update-mode fix appended .OutputMode("update") after the missing ')',
        /// which lands inside the open argument list (WriteStream(.OutputMode("update");) and adds a syntax error while
        /// the user types. Fluent edits are no longer offered where the call they attach to ends in a missing token.
        /// </summary>
        [Fact]
        public Task UpdateModeFix_OnAnUnfinishedWriteStreamCall_AddsNoSyntaxError() =>
            AssertFixesAddNoSyntaxErrors(Code(@"        var counts = events.GroupBy(""page"").Count();
        var writer = counts.WriteStream(;
        writer.ForeachBatch((batch, id) => { });
        writer.Start();"), "SL1001");

        /// <summary>Runs every analyzer and every fix offered for <paramref name="ruleId"/>: none may add a syntax error.</summary>
        private static async Task AssertFixesAddNoSyntaxErrors(string source, string ruleId)
        {
            SourceCase program = SourceCase.From("regression", source);
            Document document = await Harness.DocumentAsync(program, CancellationToken.None);
            Compilation compilation = (await document.Project.GetCompilationAsync())!;
            ImmutableArray<Diagnostic> diagnostics = (await Harness.AnalyzeAsync(compilation, concurrent: false)).Diagnostics.Where(d => d.Id == ruleId).ToImmutableArray();
            Assert.NotEmpty(diagnostics); // the broken program still gets the diagnostic, so the fixes were asked

            int before = SyntaxErrors(source);
            Assert.True(before > 0, "the regression program is meant to be unfinished");
            foreach (Diagnostic diagnostic in diagnostics)
            {
                foreach ((CodeFixProvider fixer, CodeAction action) in await Harness.FixesForAsync(document, diagnostic, CancellationToken.None))
                {
                    Solution changed = (await Harness.ApplyAsync(action, CancellationToken.None))!;
                    string text = (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
                    Assert.True(SyntaxErrors(text) <= before, $"{fixer.GetType().Name} '{action.EquivalenceKey}' adds a syntax error:\n{text}");
                }
            }
        }

        private static int SyntaxErrors(string text) =>
            Harness.Parse(text).GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    }
}
