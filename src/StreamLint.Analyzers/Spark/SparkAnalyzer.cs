using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Spark
{
    /// <summary>
    /// Base of every Microsoft.Spark rule: resolves the library once per compilation and registers nothing at all
    /// when it is not referenced.
    /// </summary>
    public abstract class SparkAnalyzer : DiagnosticAnalyzer
    {
        private protected SparkAnalyzer(params DiagnosticDescriptor[] descriptors) =>
            this.SupportedDiagnostics = ImmutableArray.Create(descriptors);

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated files and members are not analysed (no Analyze flag). ReportDiagnostics spares every diagnostic
            // the driver's generated-code test, which on the first diagnostic of a file binds the attributes of every
            // symbol declared in it — the largest single cost of a file with findings (docs/performance.md). The rules
            // only report inside the member they analyse, which is not generated, so nothing more is reported.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                if (SparkCompilation.For(start.Compilation) is { } spark)
                {
                    this.OnSparkCompilationStart(start, spark);
                }
            });
        }

        private protected abstract void OnSparkCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark);

        /// <summary>True when <paramref name="node"/> is inside the body being analysed, so a diagnostic there is local to it.</summary>
        private protected static bool IsInBlock(BlockContext context, SyntaxNode node) =>
            context.Body.Syntax.SyntaxTree == node.SyntaxTree && context.Body.Syntax.Span.Contains(node.Span);

        /// <summary>
        /// Calls <paramref name="analyze"/> for every member of a file that calls Microsoft.Spark.
        /// </summary>
        /// <remarks>
        /// Performance (docs/performance.md): one semantic-model action per file, not an operation-block action per
        /// member. The members and their Spark calls are found once per file for all rules
        /// (<see cref="SparkCompilation.MembersIn"/>), files that name no Spark API cost one cached check, and a
        /// project's thousands of other members cost nothing at all — instead of twenty driver callbacks each.
        /// Diagnostics stay local to the file: live in the IDE and fixable.
        /// </remarks>
        private protected static void RegisterSparkMembers(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            System.Action<BlockContext, SparkMember> analyze) =>
            context.RegisterSemanticModelAction(c =>
            {
                foreach (SparkMember member in spark.MembersIn(c.SemanticModel, c.CancellationToken))
                {
                    analyze(new BlockContext(member, c), member);
                }
            });

        /// <summary>
        /// Calls <paramref name="analyze"/> for every streaming query started in a member, with the member in view,
        /// so a diagnostic may point anywhere in it (an aggregation several statements before Start).
        /// </summary>
        private protected static void RegisterStartedQueries(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            System.Action<BlockContext, StartedQuery> analyze) =>
            RegisterSparkMembers(context, spark, (block, member) =>
            {
                foreach (StartedQuery query in member.Calls.Queries(spark, block.CancellationToken))
                {
                    analyze(block, query);
                }
            });

        /// <summary>
        /// Calls <paramref name="analyze"/> for each call to Microsoft.Spark that <paramref name="interesting"/>
        /// selects (a cheap test on the bound method), in source order, with its member in view.
        /// </summary>
        private protected static void RegisterSparkCalls(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            System.Func<IInvocationOperation, bool> interesting,
            System.Action<BlockContext, IInvocationOperation> analyze) =>
            RegisterSparkMembers(context, spark, (block, member) =>
            {
                foreach (IInvocationOperation call in member.Calls.All)
                {
                    if (interesting(call))
                    {
                        analyze(block, call);
                    }
                }
            });

        /// <summary>As <see cref="RegisterSparkCalls(CompilationStartAnalysisContext, SparkCompilation, System.Func{IInvocationOperation, bool}, System.Action{BlockContext, IInvocationOperation})"/>, for every Spark call.</summary>
        private protected static void RegisterSparkCalls(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            System.Action<BlockContext, IInvocationOperation> analyze) =>
            RegisterSparkCalls(context, spark, _ => true, analyze);
    }
}
