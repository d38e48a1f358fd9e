using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Core;
using StreamLint.Core.Flow;
using StreamLint.Kafka.Clients;

namespace StreamLint.Kafka.Rules
{
    /// <summary>
    /// SL3002: StoreOffset on a consumer whose config leaves enable.auto.offset.store true (not set, or set to true).
    /// Fix target: the config creation.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StoreOffsetWithAutoStoreAnalyzer : KafkaAnalyzer
    {
        public StoreOffsetWithAutoStoreAnalyzer()
            : base(Descriptors.SL3002_StoreOffsetWithAutoStore)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KafkaCompilation kafka) =>
            RegisterKafkaCalls(context, kafka, c => kafka.IsConsumerCall(c, KafkaApi.StoreOffset), (member, call) =>
            {
                if (call.Instance is not { } receiver
                    || kafka.ClientOf(receiver, member.CancellationToken) is not { Kind: ClientKind.Consumer } client)
                {
                    return;
                }

                SettingFact store = client.Settings[KafkaApi.EnableAutoOffsetStore];
                if (!store.IsProvenNot(false))
                {
                    return;
                }

                Location? config = KafkaRuleFacts.ConfigTarget(client, call.Syntax.SyntaxTree, KafkaApi.EnableAutoOffsetStore);
                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL3002_StoreOffsetWithAutoStore,
                    OperationFacts.NameLocation(call.Syntax),
                    KafkaRuleFacts.Locations(config),
                    KafkaRuleFacts.Properties(KafkaApi.EnableAutoOffsetStore),
                    KafkaRuleFacts.NameOf(receiver),
                    KafkaRuleFacts.Describe(store, "true")));
            });
    }
}
