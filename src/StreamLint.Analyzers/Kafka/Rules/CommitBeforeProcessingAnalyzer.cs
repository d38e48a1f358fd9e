using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Core.Flow;
using StreamLint.Kafka.Clients;
using StreamLint.Kafka.Loops;

namespace StreamLint.Kafka.Rules
{
    /// <summary>
    /// SL3003: in a consume loop, <c>Commit(result)</c> of the consumed result — or an argument-less <c>Commit()</c>
    /// on a consumer that stores offsets when Consume returns (enable.auto.offset.store not false) — from which
    /// processing of that message can still follow before the next Consume (control-flow order: code in a catch
    /// that runs only when the commit failed is not after it). Fix target: the last processing call.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CommitBeforeProcessingAnalyzer : KafkaAnalyzer
    {
        public CommitBeforeProcessingAnalyzer()
            : base(Descriptors.SL3003_CommitBeforeProcessing)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KafkaCompilation kafka) =>
            RegisterKafkaMembers(context, kafka, (member, code) =>
            {
                List<ConsumeSite>? sites = null;
                foreach (IInvocationOperation commit in code.Calls)
                {
                    if (!kafka.IsConsumerCall(commit, KafkaApi.Commit) || commit.Instance is not { } receiver)
                    {
                        continue;
                    }

                    sites ??= code.Calls.Where(c => kafka.IsConsumerCall(c, KafkaApi.Consume)).Select(ConsumeSite.TryCreate)
                        .Where(s => s is { Loop: not null }).Select(s => s!).ToList();
                    if (FindSite(commit, receiver, sites, kafka, member.CancellationToken) is not { } site)
                    {
                        continue;
                    }

                    List<IInvocationOperation> after = LoopOrder.After(site, commit.Syntax, Processing.In(site, kafka, member.CancellationToken), kafka);
                    if (after.Count == 0)
                    {
                        continue;
                    }

                    IInvocationOperation first = after.OrderBy(p => p.Syntax.SpanStart).First();
                    IInvocationOperation last = after.OrderBy(p => p.Syntax.SpanStart).Last();
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL3003_CommitBeforeProcessing,
                        OperationFacts.NameLocation(commit.Syntax),
                        new[] { last.Syntax.GetLocation() },
                        KafkaRuleFacts.NameOf(receiver) + "." + commit.TargetMethod.Name + "(" + string.Join(", ", commit.Arguments.Select(a => a.Syntax.ToString())) + ")",
                        site.Result.Name,
                        first.TargetMethod.Name + "(…)"));
                }
            });

        private static ConsumeSite? FindSite(IInvocationOperation commit, IOperation receiver, List<ConsumeSite> sites, KafkaCompilation kafka, System.Threading.CancellationToken cancellationToken)
        {
            ILoopOperation? loop = ConsumeSite.LoopAround(commit);
            if (loop is null)
            {
                return null;
            }

            foreach (ConsumeSite site in sites)
            {
                if (site.Loop != loop || site.Call.Instance is not { } consumeReceiver
                    || !kafka.SameClient(receiver, consumeReceiver, cancellationToken))
                {
                    continue;
                }

                if (commit.Arguments.Length == 1)
                {
                    if (ValueOrigins.Strip(commit.Arguments[0].Value) is ILocalReferenceOperation local
                        && SymbolEqualityComparer.Default.Equals(local.Local, site.Result)
                        && kafka.Symbols.Is(commit.Arguments[0].Value.Type, kafka.Symbols.ConsumeResult))
                    {
                        return site;
                    }
                }
                else if (commit.Arguments.Length == 0
                    && kafka.ClientOf(receiver, cancellationToken) is { Kind: ClientKind.Consumer } client
                    && client.Settings[KafkaApi.EnableAutoOffsetStore].IsProvenNot(false))
                {
                    return site;
                }
            }

            return null;
        }
    }
}
