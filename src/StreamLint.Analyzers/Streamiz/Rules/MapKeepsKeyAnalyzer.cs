using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Core;
using StreamLint.Streamiz.Topology;

namespace StreamLint.Streamiz.Rules
{
    /// <summary>
    /// SL2006: <c>GroupByKey</c> or a join on a stream whose only key changes since the source (or the last
    /// repartition) are <c>Map</c>/<c>FlatMap</c> calls that provably return the input key: each forces a needless
    /// repartition topic. Reported at each such Map, or at the grouping when the Map is in another member.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MapKeepsKeyAnalyzer : StreamizAnalyzer
    {
        /// <summary>Diagnostic property present when the location is the Map call's name, so the fix can rewrite it.</summary>
        public const string FixableProperty = "Fixable";

        public MapKeepsKeyAnalyzer()
            : base(Descriptors.SL2006_MapKeepsKey)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, StreamizCompilation streamiz) =>
            RegisterStreamizCalls(
                context,
                streamiz,
                call => call.TargetMethod.Name is "GroupByKey" or "Join" or "LeftJoin" or "OuterJoin" && streamiz.Symbols.Is(call.TargetMethod.ContainingType, streamiz.Symbols.KStream),
                (member, call) =>
                {
                    if (streamiz.Evaluator.InputOf(call, null, member.CancellationToken) is not { KeyChanged: true } input
                        || !input.KeyChanges.All(k => k.KeepsKey))
                    {
                        return;
                    }

                    foreach (KeyChange change in input.KeyChanges)
                    {
                        bool local = member.Contains(change.Call.Syntax);
                        string name = change.Call.TargetMethod.Name;
                        member.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SL2006_MapKeepsKey,
                            OperationFacts.NameLocation(local ? change.Call.Syntax : call.Syntax),
                            local ? ImmutableDictionary<string, string?>.Empty.Add(FixableProperty, "true") : null,
                            name,
                            call.TargetMethod.Name,
                            name.StartsWith("Flat", System.StringComparison.Ordinal) ? "FlatMapValues" : "MapValues"));
                    }
                });
    }
}
