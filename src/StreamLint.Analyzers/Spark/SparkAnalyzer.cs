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

        /// <summary>True when <paramref name="node"/> is inside the body being analysed, so a diagnostic there is local to it.</summary>
        private protected static bool IsInBlock(OperationBlockAnalysisContext context, SyntaxNode node)
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
        /// Queries are analysed when the whole body has been seen, so a diagnostic may point anywhere in the body
        /// (an aggregation several statements before Start) and still be local to it: live in the IDE and fixable.
        /// </summary>
        private protected static void RegisterStartedQueries(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            System.Action<OperationBlockAnalysisContext, StartedQuery> analyze)
        {
            context.RegisterOperationBlockStartAction(block =>
            {
                var starts = new System.Collections.Concurrent.ConcurrentBag<Microsoft.CodeAnalysis.Operations.IInvocationOperation>();
                block.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (Microsoft.CodeAnalysis.Operations.IInvocationOperation)c.Operation;
                        if (StartedQuery.IsStartCall(invocation, spark.Symbols))
                        {
                            starts.Add(invocation);
                        }
                    },
                    OperationKind.Invocation);
                block.RegisterOperationBlockEndAction(end =>
                {
                    foreach (var start in System.Linq.Enumerable.OrderBy(starts, s => s.Syntax.SpanStart))
                    {
                        if (StartedQuery.TryCreate(start, spark, end.CancellationToken) is { } query)
                        {
                            analyze(end, query);
                        }
                    }
                });
            });
        }
    }
}
