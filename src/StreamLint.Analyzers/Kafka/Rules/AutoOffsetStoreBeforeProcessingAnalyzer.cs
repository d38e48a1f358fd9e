using System.Collections.Generic;
using System.Collections.Immutable;
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
    /// SL3001: a consume loop whose consumer keeps enable.auto.commit and enable.auto.offset.store on (both not
    /// proven false) and that processes the consumed message after Consume. Silent for a consumer that calls
    /// StoreOffset (SL3002's case) or whose offsets go to a producer transaction (SL3004's case), and when the
    /// config is unknown. Fix targets: the config creation, then the last processing call.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AutoOffsetStoreBeforeProcessingAnalyzer : KafkaAnalyzer
    {
        public AutoOffsetStoreBeforeProcessingAnalyzer()
            : base(Descriptors.SL3001_AutoOffsetStoreBeforeProcessing)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KafkaCompilation kafka) =>
            RegisterKafkaCalls(context, kafka, c => kafka.IsConsumerCall(c, KafkaApi.Consume), (member, call) =>
            {
                if (ConsumeSite.TryCreate(call) is not { Loop: not null } site
                    || call.Instance is not { } receiver
                    || kafka.ClientOf(receiver, member.CancellationToken) is not { Kind: ClientKind.Consumer } client
                    || client.Settings.IsUnknown)
                {
                    return;
                }

                SettingFact store = client.Settings[KafkaApi.EnableAutoOffsetStore];
                if (!client.Settings[KafkaApi.EnableAutoCommit].IsProvenNot(false) || !store.IsProvenNot(false))
                {
                    return;
                }

                ImmutableArray<IOperation> scope = kafka.ScopeOf(receiver, member.Body, client, member.CancellationToken);
                if (kafka.CallsOn(client, scope, member.CancellationToken, KafkaApi.StoreOffset).Any()
                    || KafkaRuleFacts.SendOffsetsCalls(kafka, scope).Any())
                {
                    return;
                }

                List<IInvocationOperation> after = LoopOrder.After(site, call.Syntax, Processing.In(site, kafka, member.CancellationToken), kafka);
                if (after.Count == 0)
                {
                    return;
                }

                IInvocationOperation last = after.OrderBy(p => p.Syntax.SpanStart).Last();
                Location? config = KafkaRuleFacts.ConfigTarget(client, call.Syntax.SyntaxTree, KafkaApi.EnableAutoOffsetStore);
                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL3001_AutoOffsetStoreBeforeProcessing,
                    OperationFacts.NameLocation(call.Syntax),
                    config is null ? ImmutableArray<Location>.Empty : ImmutableArray.Create(config, last.Syntax.GetLocation()),
                    KafkaRuleFacts.Properties(site.Result.Name, ValueOrigins.Strip(receiver).Syntax.ToString()),
                    KafkaRuleFacts.NameOf(receiver),
                    store.IsNotSet ? " (the default)" : string.Empty));
            });
    }
}
