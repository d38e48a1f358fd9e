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
    /// SL2002: <c>TumblingWindowOptions.Of(size)</c>, <c>HoppingWindowOptions.Of(size, advance)</c> or
    /// <c>JoinWindowOptions.Of(difference)</c> — the overloads without a grace, whose grace is 24 h minus the size.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ImplicitWindowGraceAnalyzer : StreamizAnalyzer
    {
        /// <summary>Diagnostic property: <c>TimeSpan</c> or <c>long</c>, the type of the size arguments (the fix adds a grace of the same type).</summary>
        public const string ArgumentTypeProperty = "ArgumentType";

        public ImplicitWindowGraceAnalyzer()
            : base(Descriptors.SL2002_ImplicitWindowGrace)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, StreamizCompilation streamiz) =>
            RegisterStreamizCalls(context, streamiz, call => call.TargetMethod.Name == "Of", (member, call) =>
            {
                if (GracelessKind(call, streamiz.Symbols) is not { } kind)
                {
                    return;
                }

                WindowFacts? window = streamiz.Evaluator.WindowOf(call, null, member.CancellationToken);
                string grace = window?.GraceMs is { } ms ? Millis.Format(ms) : "24h − size";
                string argumentType = Millis.IsTimeSpan(call.TargetMethod.Parameters[0].Type) ? "TimeSpan" : "long";
                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL2002_ImplicitWindowGrace,
                    OperationFacts.NameLocation(call.Syntax),
                    ImmutableDictionary<string, string?>.Empty.Add(ArgumentTypeProperty, argumentType),
                    kind,
                    grace));
            });

        /// <summary>The options type's name when <paramref name="call"/> is one of its grace-less <c>Of</c> overloads.</summary>
        internal static string? GracelessKind(IInvocationOperation call, StreamizSymbols symbols)
        {
            INamedTypeSymbol type = call.TargetMethod.ContainingType;
            int count = call.TargetMethod.Parameters.Length;
            if ((symbols.Is(type, symbols.TumblingWindowOptions) && count == 1)
                || (symbols.Is(type, symbols.HoppingWindowOptions) && count == 2)
                || (symbols.Is(type, symbols.JoinWindowOptions) && count == 1))
            {
                return type.Name;
            }

            return null;
        }
    }
}
