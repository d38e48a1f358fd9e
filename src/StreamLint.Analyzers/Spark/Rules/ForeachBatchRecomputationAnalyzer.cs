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
            if (ForeachBatchFunction.TryCreate(invocation, spark, context.CancellationToken) is not { IsLambda: true } function)
            {
                return;
            }

            int actions = 0;
            foreach (IInvocationOperation call in function.Body.DescendantsAndSelf().OfType<IInvocationOperation>())
            {
                string name = call.TargetMethod.Name;
                bool isAction = (SparkApi.DataFrameActions.Contains(name) && spark.Symbols.Is(call.TargetMethod.ContainingType, spark.Symbols.DataFrame))
                    || (SparkApi.BatchWrites.Contains(name) && spark.Symbols.Is(call.TargetMethod.ContainingType, spark.Symbols.DataFrameWriter));
                bool isPersist = name is "Persist" or "Cache" && spark.Symbols.Is(call.TargetMethod.ContainingType, spark.Symbols.DataFrame);
                if ((isAction || isPersist) && RootsAtBatch(call, function.Batch))
                {
                    if (isPersist)
                    {
                        return;
                    }

                    actions++;
                }
            }

            if (actions >= 2)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL1012_ForeachBatchRecomputation,
                    OperationFacts.NameLocation(function.Call.Syntax),
                    function.Batch.Name,
                    actions));
            }
        }

        /// <summary>True when the call's receiver chain starts at the batch parameter (<c>batch.Filter(…).Write().Save()</c>).</summary>
        private static bool RootsAtBatch(IInvocationOperation invocation, IParameterSymbol batch)
        {
            IOperation? receiver = invocation.Instance;
            while (receiver is IInvocationOperation inner)
            {
                receiver = inner.Instance;
            }

            return receiver is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, batch);
        }
    }
}
