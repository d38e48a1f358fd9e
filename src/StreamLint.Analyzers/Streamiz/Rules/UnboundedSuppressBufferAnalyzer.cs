using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Core;

namespace StreamLint.Streamiz.Rules
{
    /// <summary>
    /// SL2004: <c>StrictBufferConfig.Unbounded()</c>. Streamiz uses buffer configs only for suppression, so every such
    /// call is an unbounded suppression buffer.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnboundedSuppressBufferAnalyzer : StreamizAnalyzer
    {
        public UnboundedSuppressBufferAnalyzer()
            : base(Descriptors.SL2004_UnboundedSuppressBuffer)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, StreamizCompilation streamiz) =>
            RegisterStreamizCalls(
                context,
                streamiz,
                call => call.TargetMethod.Name == "Unbounded" && streamiz.Symbols.Is(call.TargetMethod.ContainingType, streamiz.Symbols.StrictBufferConfig),
                (member, call) => member.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2004_UnboundedSuppressBuffer, OperationFacts.NameLocation(call.Syntax))));
    }
}
