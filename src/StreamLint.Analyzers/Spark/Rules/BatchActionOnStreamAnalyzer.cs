using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>SL1006: a batch action (Count, Show, Collect, Take, Head, First, Tail, …, Write) on a streaming DataFrame.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BatchActionOnStreamAnalyzer : SparkAnalyzer
    {
        public const string StartMessage = "Queries with streaming sources must be executed with writeStream.start()";
        public const string WriteMessage = "'write' can not be called on streaming Dataset/DataFrame";

        private static readonly ImmutableHashSet<string> Actions = ImmutableHashSet.Create(
            "Count", "Show", "Collect", "Take", "Head", "First", "Tail", "ToLocalIterator", "Checkpoint", "LocalCheckpoint",
            "Describe", "Summary", "IsEmpty", "Write");

        public BatchActionOnStreamAnalyzer()
            : base(Descriptors.SL1006_BatchActionOnStream)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterSparkCalls(
                context,
                spark,
                (c, invocation) =>
                {
                    if (Actions.Contains(invocation.TargetMethod.Name)
                        && spark.Symbols.Is(invocation.TargetMethod.ContainingType, spark.Symbols.DataFrame)
                        && spark.Evaluator.EvaluateBoundDataFrame(invocation.Instance, c.CancellationToken) is { Kind: Streamingness.Streaming })
                    {
                        string name = invocation.TargetMethod.Name;
                        c.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SL1006_BatchActionOnStream,
                            OperationFacts.NameLocation(invocation.Syntax),
                            name + "()",
                            name == "Write" ? WriteMessage : StartMessage));
                    }
                });
    }
}
