using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Core;
using StreamLint.Streamiz.Topology;

namespace StreamLint.Streamiz.Rules
{
    /// <summary>
    /// SL2005: <c>Process</c>/<c>Transform</c>/<c>TransformValues</c> with a state store (store names, or a supplier
    /// built with <c>StateStore(…)</c>) on a stream whose key changed since the source or the last <c>Repartition()</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StatefulProcessAfterKeyChangeAnalyzer : StreamizAnalyzer
    {
        public StatefulProcessAfterKeyChangeAnalyzer()
            : base(Descriptors.SL2005_StatefulProcessAfterKeyChange)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, StreamizCompilation streamiz) =>
            RegisterStreamizCalls(
                context,
                streamiz,
                call => call.TargetMethod.Name is "Process" or "Transform" or "TransformValues" && streamiz.Symbols.Is(call.TargetMethod.ContainingType, streamiz.Symbols.KStream),
                (member, call) =>
                {
                    if (streamiz.Evaluator.HasStateStore(call, null, member.CancellationToken) != true
                        || streamiz.Evaluator.InputOf(call, null, member.CancellationToken) is not { KeyChanged: true } input)
                    {
                        return;
                    }

                    KeyChange last = input.KeyChanges[input.KeyChanges.Length - 1];
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL2005_StatefulProcessAfterKeyChange,
                        OperationFacts.NameLocation(call.Syntax),
                        call.TargetMethod.Name,
                        last.Call.TargetMethod.Name));
                });
    }
}
