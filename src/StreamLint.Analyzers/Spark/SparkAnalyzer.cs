using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

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
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (SparkCompilation.For(start.Compilation) is { } spark)
                {
                    this.OnSparkCompilationStart(start, spark);
                }
            });
        }

        private protected abstract void OnSparkCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark);

        /// <summary>
        /// Calls <paramref name="analyze"/> for every streaming query started in a method (or other executable member).
        /// Queries are analysed with the whole body in view, from an operation block action, so a diagnostic may point
        /// anywhere in the body (an aggregation several statements before Start) and still be local to it: live in
        /// the IDE and fixable.
        /// </summary>
        /// <remarks>
        /// Performance (docs/performance.md): a block action costs the driver little per member, and the Start /
        /// ToTable calls are found from the tree's text (<see cref="TreeText"/>, computed once per tree) and a descent
        /// to those positions, so the members of a project that start no query cost a binary search each — instead
        /// of a callback for every invocation of every member.
        /// </remarks>
        private protected static void RegisterStartedQueries(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            System.Action<OperationBlockAnalysisContext, StartedQuery> analyze)
        {
            context.RegisterOperationBlockAction(block =>
            {
                System.Collections.Generic.List<Microsoft.CodeAnalysis.Operations.IInvocationOperation>? starts = null;
                foreach (IOperation operationBlock in block.OperationBlocks)
                {
                    StartedQuery.CollectStartCalls(operationBlock, spark.Symbols, ref starts, block.CancellationToken);
                }

                if (starts is null)
                {
                    return;
                }

                starts.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
                foreach (var start in starts)
                {
                    if (StartedQuery.TryCreate(start, spark, block.CancellationToken) is { } query)
                    {
                        analyze(block, query);
                    }
                }
            });
        }
    }
}
