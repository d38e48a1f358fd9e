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
        private protected static bool IsInBlock(BlockContext context, SyntaxNode node)
        {
            foreach (IOperation block in context.OperationBlocks)
            {
                if (block.Syntax.SyntaxTree == node.SyntaxTree && block.Syntax.Span.Contains(node.Span))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Calls <paramref name="analyze"/> for every streaming query started in a method (or other executable member).
        /// Queries are analysed with the whole body in view, from an operation block action, so a diagnostic may point
        /// anywhere in the body (an aggregation several statements before Start) and still be local to it: live in
        /// the IDE and fixable.
        /// </summary>
        private protected static void RegisterStartedQueries(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            System.Action<BlockContext, StartedQuery> analyze) =>
            context.RegisterOperationBlockAction(block =>
            {
                SparkCalls calls = spark.CallsIn(block.OperationBlocks, block.CancellationToken);
                if (calls.Starts.IsEmpty)
                {
                    return;
                }

                var reporting = new BlockContext(block);
                foreach (IInvocationOperation start in calls.Starts)
                {
                    if (StartedQuery.TryCreate(start, spark, block.CancellationToken) is { } query)
                    {
                        analyze(reporting, query);
                    }
                }
            });

        /// <summary>
        /// Calls <paramref name="analyze"/>, with the whole body in view, for each call to Microsoft.Spark in it that
        /// <paramref name="interesting"/> selects (a cheap test on the bound method), in source order.
        /// </summary>
        /// <remarks>
        /// Performance (docs/performance.md): the calls come from <see cref="SparkCompilation.CallsIn"/>, one walk per
        /// member shared by all rules, and members of files that name no Spark API cost one cached check — instead of
        /// a driver callback for every invocation of the project, per rule.
        /// </remarks>
        private protected static void RegisterSparkCalls(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            System.Func<IInvocationOperation, bool> interesting,
            System.Action<BlockContext, IInvocationOperation> analyze) =>
            context.RegisterOperationBlockAction(block =>
            {
                BlockContext? reporting = null;
                foreach (IInvocationOperation call in spark.CallsIn(block.OperationBlocks, block.CancellationToken).All)
                {
                    if (interesting(call))
                    {
                        analyze(reporting ??= new BlockContext(block), call);
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
