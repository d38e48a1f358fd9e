using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core.Flow;

namespace StreamLint.Kafka.Rules
{
    /// <summary>
    /// SL3007: a ProducerBuilder whose config (any ClientConfig subtype) is known and leaves enable.idempotence not
    /// true, sets no transactional.id, and allows retries (message.send.max.retries not 0). A producer with acks=0
    /// never retries a lost acknowledgement and is not reported. Fix target: the ProducerConfig creation, offered
    /// only when enabling idempotence conflicts with no other key (acks, max.in.flight).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NonIdempotentProducerAnalyzer : KafkaAnalyzer
    {
        public NonIdempotentProducerAnalyzer()
            : base(Descriptors.SL3007_NonIdempotentProducer)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KafkaCompilation kafka)
        {
            object? none = KafkaSymbols.EnumValue(kafka.Symbols.Acks, "None");
            object? all = KafkaSymbols.EnumValue(kafka.Symbols.Acks, "All");
            RegisterKafkaMembers(context, kafka, (member, code) =>
            {
                foreach (IObjectCreationOperation builder in member.Body.Descendants().OfType<IObjectCreationOperation>())
                {
                    if (!kafka.Symbols.Is(builder.Type, kafka.Symbols.ProducerBuilder) || builder.Arguments.Length != 1)
                    {
                        continue;
                    }

                    ObjectSettings settings = kafka.Settings.Of(builder.Arguments[0].Value, member.CancellationToken);
                    SettingFact idempotence = settings[KafkaApi.EnableIdempotence];
                    SettingFact acks = settings[KafkaApi.Acks];
                    if (settings.IsUnknown
                        || !idempotence.IsProvenNot(true)
                        || !settings[KafkaApi.TransactionalId].IsNotSet
                        || !settings[KafkaApi.MessageSendMaxRetries].IsProvenNot(0)
                        || (none is not null && !acks.IsProvenNot(none)))
                    {
                        continue;
                    }

                    IObjectCreationOperation? creation = settings.Creations.Length == 1 ? settings.Creations[0] : null;
                    bool fixable = creation is not null
                        && kafka.Symbols.Is(creation.Type, kafka.Symbols.ProducerConfig)
                        && creation.Syntax.SyntaxTree == builder.Syntax.SyntaxTree
                        && (acks.IsNotSet || (all is not null && acks.Is(all)))
                        && settings[KafkaApi.MaxInFlight] is var inFlight && (inFlight.IsNotSet || (inFlight.Kind == SettingKind.Constant && inFlight.Value is int n && n <= 5));
                    string kind = creation is not null && !kafka.Symbols.Is(creation.Type, kafka.Symbols.ProducerConfig) ? " (a " + creation.Type!.Name + ")" : string.Empty;
                    SyntaxNode place = builder.Syntax is ObjectCreationExpressionSyntax { Type: { } type } ? type : builder.Syntax;
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL3007_NonIdempotentProducer,
                        place.GetLocation(),
                        KafkaRuleFacts.Locations(fixable ? KafkaRuleFacts.ConfigTarget(settings, builder.Syntax.SyntaxTree, KafkaApi.EnableIdempotence) : null),
                        KafkaRuleFacts.Properties(KafkaApi.EnableIdempotence),
                        kind,
                        idempotence.IsNotSet ? "unset (false by default)" : "false"));
                }
            });
        }
    }
}
