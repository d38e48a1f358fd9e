using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core.Flow;

namespace StreamLint.Kafka.Rules
{
    /// <summary>
    /// SL3006: a config handed to a ProducerBuilder with enable.idempotence proven true and acks proven other than
    /// all, max.in.flight.requests.per.connection proven above 5, or message.send.max.retries proven 0. Reported at
    /// the conflicting write when it is in the member, else at the builder; fix target: the write (its value is
    /// replaced with the compatible one).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IdempotenceConflictAnalyzer : KafkaAnalyzer
    {
        public IdempotenceConflictAnalyzer()
            : base(Descriptors.SL3006_IdempotenceConflict)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KafkaCompilation kafka)
        {
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
                    if (!settings[KafkaApi.EnableIdempotence].Is(true))
                    {
                        continue;
                    }

                    SettingFact acks = settings[KafkaApi.Acks];
                    if (all is not null && acks.Kind == SettingKind.Constant && !acks.Is(all))
                    {
                        Report(member, builder, acks, "acks=all", "acks=" + AcksName(acks.Value));
                    }

                    SettingFact inFlight = settings[KafkaApi.MaxInFlight];
                    if (inFlight.Kind == SettingKind.Constant && inFlight.Value is int n && n > 5)
                    {
                        Report(member, builder, inFlight, "max.in.flight.requests.per.connection <= 5", "max.in.flight.requests.per.connection=" + n);
                    }

                    SettingFact retries = settings[KafkaApi.MessageSendMaxRetries];
                    if (retries.Is(0))
                    {
                        Report(member, builder, retries, "message.send.max.retries > 0", "message.send.max.retries=0");
                    }
                }
            });
        }

        private static string AcksName(object? value) => value switch
        {
            0 => "0 (Acks.None)",
            1 => "1 (Acks.Leader)",
            _ => value?.ToString() ?? "?",
        };

        private static void Report(StreamLint.Core.MemberContext member, IObjectCreationOperation builder, SettingFact fact, string requirement, string actual)
        {
            SyntaxNode fallback = builder.Syntax is ObjectCreationExpressionSyntax { Type: { } type } ? type : builder.Syntax;
            SyntaxNode place = fact.Site is { } site ? member.LocalOr(site.Syntax, fallback) : fallback;
            member.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SL3006_IdempotenceConflict,
                place.GetLocation(),
                KafkaRuleFacts.Locations(fact.Site is { } write && write.Syntax.SyntaxTree == builder.Syntax.SyntaxTree ? write.Syntax.GetLocation() : null),
                KafkaRuleFacts.Properties(requirement),
                requirement,
                actual));
        }
    }
}
