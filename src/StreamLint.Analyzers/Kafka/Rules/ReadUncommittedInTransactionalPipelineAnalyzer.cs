using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Core;
using StreamLint.Core.Flow;
using StreamLint.Kafka.Clients;

namespace StreamLint.Kafka.Rules
{
    /// <summary>
    /// SL3005: a consumer whose group metadata is sent to a producer transaction (it is part of an exactly-once
    /// pipeline) with isolation.level proven read_uncommitted. Reported at the IsolationLevel write when it is in the
    /// member, else at SendOffsetsToTransaction; fix target: the write.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReadUncommittedInTransactionalPipelineAnalyzer : KafkaAnalyzer
    {
        public ReadUncommittedInTransactionalPipelineAnalyzer()
            : base(Descriptors.SL3005_ReadUncommittedInTransactionalPipeline)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KafkaCompilation kafka)
        {
            object? readUncommitted = KafkaSymbols.EnumValue(kafka.Symbols.IsolationLevel, "ReadUncommitted");
            if (readUncommitted is null)
            {
                return;
            }

            RegisterKafkaCalls(context, kafka, c => kafka.IsProducerCall(c, KafkaApi.SendOffsetsToTransaction), (member, call) =>
            {
                if (KafkaRuleFacts.MetadataConsumer(call, kafka, member.CancellationToken) is not { } consumerReceiver
                    || kafka.ClientOf(consumerReceiver, member.CancellationToken) is not { Kind: ClientKind.Consumer } consumer)
                {
                    return;
                }

                SettingFact isolation = consumer.Settings[KafkaApi.IsolationLevel];
                if (!isolation.Is(readUncommitted))
                {
                    return;
                }

                SyntaxNode place = isolation.Site is { } site ? member.LocalOr(site.Syntax, call.Syntax) : call.Syntax;
                Location location = place == call.Syntax ? OperationFacts.NameLocation(call.Syntax) : place.GetLocation();
                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL3005_ReadUncommittedInTransactionalPipeline,
                    location,
                    KafkaRuleFacts.Locations(isolation.Site is { } write && write.Syntax.SyntaxTree == call.Syntax.SyntaxTree ? write.Syntax.GetLocation() : null),
                    KafkaRuleFacts.Properties(KafkaApi.IsolationLevel),
                    KafkaRuleFacts.NameOf(consumerReceiver)));
            });
        }
    }
}
