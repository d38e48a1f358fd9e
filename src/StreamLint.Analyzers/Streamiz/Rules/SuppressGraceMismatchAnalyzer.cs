using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Streamiz.Time;
using StreamLint.Streamiz.Topology;

namespace StreamLint.Streamiz.Rules
{
    /// <summary>
    /// SL2003: <c>Suppress(SuppressedBuilder.UntilWindowClose(grace, …))</c> on a windowed table whose window's grace
    /// (explicit, or the implicit 24 h − size) differs from the suppression's. Both must be known constants.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SuppressGraceMismatchAnalyzer : StreamizAnalyzer
    {
        /// <summary>Diagnostic property: the window's grace in milliseconds (the fix writes it).</summary>
        public const string WindowGraceProperty = "WindowGraceMs";

        public SuppressGraceMismatchAnalyzer()
            : base(Descriptors.SL2003_SuppressGraceMismatch)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, StreamizCompilation streamiz) =>
            RegisterStreamizCalls(
                context,
                streamiz,
                call => call.TargetMethod.Name == "Suppress" && streamiz.Symbols.Is(call.TargetMethod.ContainingType, streamiz.Symbols.KTable),
                (member, suppress) =>
                {
                    if (streamiz.Evaluator.InputOf(suppress, null, member.CancellationToken) is not { Window: { GraceMs: { } windowGrace } window }
                        || streamiz.Flow.Origins(OperationFacts.Argument(suppress, 0)!, null, member.CancellationToken) is not { Length: 1 } origins
                        || origins[0].Operation is not IInvocationOperation { TargetMethod.Name: "UntilWindowClose" } until
                        || !streamiz.Symbols.Is(until.TargetMethod.ContainingType, streamiz.Symbols.SuppressedBuilder)
                        || OperationFacts.Argument(until, 0) is not { } graceArgument
                        || Millis.Of(graceArgument, origins[0].Env, streamiz.Flow, member.CancellationToken) is not { } suppressGrace
                        || suppressGrace == windowGrace)
                    {
                        return;
                    }

                    string effect = suppressGrace < windowGrace
                        ? "a result is emitted as final before the window stops accepting late records, and is then updated"
                        : "final results wait longer than the window accepts records";
                    Location location = member.Contains(graceArgument.Syntax)
                        ? graceArgument.Syntax.GetLocation()
                        : OperationFacts.NameLocation(suppress.Syntax);
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL2003_SuppressGraceMismatch,
                        location,
                        member.Contains(graceArgument.Syntax) ? ImmutableDictionary<string, string?>.Empty.Add(WindowGraceProperty, windowGrace.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null,
                        Millis.Format(suppressGrace),
                        Millis.Format(windowGrace),
                        window.HasExplicitGrace ? "explicit" : "implicit: 24h minus the window size",
                        effect));
                });
    }
}
