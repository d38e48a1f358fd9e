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
        /// Registers an invocation action only for the bodies of files that can hold Spark code, so that the rest of
        /// the project costs one cached check per member instead of a callback per call.
        /// </summary>
        private protected static void RegisterInvocationAction(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            System.Action<OperationAnalysisContext> action)
        {
            context.RegisterOperationBlockStartAction(block =>
            {
                if (IsSparkRelevant(block.OperationBlocks, spark, block.CancellationToken))
                {
                    block.RegisterOperationAction(action, OperationKind.Invocation);
                }
            });
        }

        private static bool IsSparkRelevant(System.Collections.Immutable.ImmutableArray<IOperation> blocks, SparkCompilation spark, System.Threading.CancellationToken cancellationToken) =>
            !blocks.IsEmpty && spark.IsSparkRelevant(blocks[0].Syntax.SyntaxTree, cancellationToken);

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
        /// <remarks>
        /// Performance (docs/performance.md): a block action costs the driver little per member, and the Start /
        /// ToTable calls are found from the tree's text (<see cref="TreeText"/>, computed once per tree) and a descent
        /// to those positions, so the members of a project that start no query cost a binary search each — instead
        /// of a callback for every invocation of every member.
        /// </remarks>
        private protected static void RegisterStartedQueries(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            System.Action<BlockContext, StartedQuery> analyze) =>
            context.RegisterOperationBlockAction(block =>
            {
                if (!IsSparkRelevant(block.OperationBlocks, spark, block.CancellationToken))
                {
                    return;
                }

                System.Collections.Generic.List<IInvocationOperation>? starts = null;
                foreach (IOperation operationBlock in block.OperationBlocks)
                {
                    StartedQuery.CollectStartCalls(operationBlock, spark.Symbols, ref starts, block.CancellationToken);
                }

                if (starts is null)
                {
                    return;
                }

                starts.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
                var reporting = new BlockContext(block);
                foreach (IInvocationOperation start in starts)
                {
                    if (StartedQuery.TryCreate(start, spark, block.CancellationToken) is { } query)
                    {
                        analyze(reporting, query);
                    }
                }
            });

        /// <summary>
        /// Calls <paramref name="analyze"/>, once the whole body is seen, for each invocation in it that
        /// <paramref name="interesting"/> selects (a cheap test on the bound method), in source order.
        /// </summary>
        private protected static void RegisterInvocationsPerBlock(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            System.Func<IInvocationOperation, bool> interesting,
            System.Action<BlockContext, IInvocationOperation> analyze)
        {
            context.RegisterOperationBlockStartAction(block =>
            {
                if (!IsSparkRelevant(block.OperationBlocks, spark, block.CancellationToken))
                {
                    return;
                }

                var found = new System.Collections.Concurrent.ConcurrentBag<IInvocationOperation>();
                block.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        if (interesting(invocation))
                        {
                            found.Add(invocation);
                        }
                    },
                    OperationKind.Invocation);
                block.RegisterOperationBlockEndAction(end =>
                {
                    var reporting = new BlockContext(end);
                    foreach (IInvocationOperation invocation in System.Linq.Enumerable.OrderBy(found, i => i.Syntax.SpanStart))
                    {
                        analyze(reporting, invocation);
                    }
                });
            });
        }
    }
}
