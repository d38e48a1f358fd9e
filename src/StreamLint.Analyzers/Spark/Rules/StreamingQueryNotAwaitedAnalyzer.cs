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
    /// SL1020: Start()/ToTable() whose StreamingQuery is discarded (an expression statement) in a method that awaits no
    /// query — no AwaitTermination, ProcessAllAvailable or Streams().AwaitAnyTermination() — when nothing in the
    /// compilation calls AwaitAnyTermination either. A query kept in a variable, field or return value is not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StreamingQueryNotAwaitedAnalyzer : SparkAnalyzer
    {
        /// <summary>Property present on the last discarded start of a method: only there is appending AwaitTermination() safe.</summary>
        public const string LastStartProperty = "LastStart";

        private static readonly ImmutableHashSet<string> Awaits = ImmutableHashSet.Create("AwaitTermination", "AwaitAnyTermination", "ProcessAllAvailable");

        public StreamingQueryNotAwaitedAnalyzer()
            : base(Descriptors.SL1020_StreamingQueryNotAwaited)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterSparkMembers(context, spark, (block, member) =>
            {
                SparkMember calls = member;
                var discarded = calls.Starts.Where(i => i.Parent is IExpressionStatementOperation).ToList();
                if (discarded.Count == 0
                    || calls.Calls.Any(i => Awaits.Contains(i.TargetMethod.Name)
                        && (spark.Symbols.Is(i.TargetMethod.ContainingType, spark.Symbols.StreamingQuery) || spark.Symbols.Is(i.TargetMethod.ContainingType, spark.Symbols.StreamingQueryManager)))
                    || spark.Library.MentionsIdentifier("AwaitAnyTermination", block.CancellationToken))
                {
                    return;
                }

                // Appending AwaitTermination() to any start but the last would block before the later queries start.
                IInvocationOperation last = discarded[discarded.Count - 1];
                bool laterStarts = calls.Starts.Any(i => i.Syntax.SpanStart > last.Syntax.SpanStart);
                foreach (IInvocationOperation start in discarded)
                {
                    block.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL1020_StreamingQueryNotAwaited,
                        OperationFacts.NameLocation(start.Syntax),
                        start == last && !laterStarts && HasAwaitTermination(start.TargetMethod.ReturnType) ? ImmutableDictionary<string, string?>.Empty.Add(LastStartProperty, "true") : null,
                        start.TargetMethod.Name));
                }
            });

        /// <summary>The fix calls AwaitTermination(): only offer it when the returned type has that method.</summary>
        private static bool HasAwaitTermination(ITypeSymbol type) =>
            type.GetMembers("AwaitTermination").OfType<IMethodSymbol>().Any(m => !m.IsStatic && m.Parameters.All(p => p.IsOptional));
    }
}
