using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1012: two or more actions or writes on the ForeachBatch DataFrame (directly, or through transformations of it)
    /// in a lambda that never calls Persist() or Cache() on it: each action recomputes the micro-batch.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ForeachBatchRecomputationAnalyzer : SparkAnalyzer
    {
        public ForeachBatchRecomputationAnalyzer()
            : base(Descriptors.SL1012_ForeachBatchRecomputation)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterSparkCalls(context, spark, (c, invocation) => Analyze(c, invocation, spark));

        private static void Analyze(MemberContext context, IInvocationOperation invocation, SparkCompilation spark)
        {
            if (ForeachBatchFunction.TryCreate(invocation, spark, context.CancellationToken) is not { } function)
            {
                return;
            }

            int actions = function.BatchActions(spark, context.CancellationToken, out bool persisted);
            if (actions >= 2 && !persisted)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL1012_ForeachBatchRecomputation,
                    OperationFacts.NameLocation(function.Call.Syntax),
                    function.Batch.Name,
                    actions));
            }
        }
    }
}
