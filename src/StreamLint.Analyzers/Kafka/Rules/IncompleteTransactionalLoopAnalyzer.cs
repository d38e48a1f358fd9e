using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Kafka.Clients;
using StreamLint.Kafka.Loops;

namespace StreamLint.Kafka.Rules
{
    /// <summary>
    /// SL3004, four readings of an incomplete transactional loop, each proven on one producer or consumer:
    /// <list type="bullet">
    /// <item>BeginTransaction on a producer on which InitTransactions is never called (the call throws);</item>
    /// <item>SendOffsetsToTransaction with the group metadata of a consumer whose enable.auto.commit is not false
    /// (offsets are also committed outside the transaction) — fix: EnableAutoCommit = false;</item>
    /// <item>CommitTransaction in a consume loop on a producer whose scope never sends the consumer's offsets
    /// (SendOffsetsToTransaction) — consume-transform-produce whose offsets bypass the transaction;</item>
    /// <item>CommitTransaction on a producer on which AbortTransaction is never called (a failed transaction is never aborted).</item>
    /// </list>
    /// The scope of "never" is the member and the helpers it passes the client to, or every member of the type for a
    /// client held in the type's field.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IncompleteTransactionalLoopAnalyzer : KafkaAnalyzer
    {
        public const string FixAutoCommit = "EnableAutoCommit";

        public IncompleteTransactionalLoopAnalyzer()
            : base(Descriptors.SL3004_IncompleteTransactionalLoop)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KafkaCompilation kafka) =>
            RegisterKafkaCalls(
                context,
                kafka,
                c => kafka.IsProducerCall(c, KafkaApi.BeginTransaction) || kafka.IsProducerCall(c, KafkaApi.SendOffsetsToTransaction) || kafka.IsProducerCall(c, KafkaApi.CommitTransaction),
                (member, call) =>
                {
                    System.Threading.CancellationToken token = member.CancellationToken;
                    if (call.Instance is not { } receiver)
                    {
                        return;
                    }

                    if (call.TargetMethod.Name == KafkaApi.SendOffsetsToTransaction)
                    {
                        ReportAutoCommit(member, call, kafka);
                        return;
                    }

                    if (kafka.ClientOf(receiver, token) is not { Kind: ClientKind.Producer } producer)
                    {
                        return;
                    }

                    ImmutableArray<IOperation> scope = kafka.ScopeOf(receiver, member.Body, producer, token);
                    string name = KafkaRuleFacts.NameOf(receiver);
                    switch (call.TargetMethod.Name)
                    {
                        case KafkaApi.BeginTransaction:
                            if (!kafka.CallsOn(producer, scope, token, KafkaApi.InitTransactions).Any())
                            {
                                Report(member, call, $"Producer '{name}' begins a transaction but InitTransactions is never called on it: BeginTransaction throws until transactions are initialised (and a producer without transactional.id cannot have them)");
                            }

                            break;

                        case KafkaApi.CommitTransaction:
                            if (ConsumeSite.LoopAround(call) is { } loop && KafkaRuleFacts.IsConsumeLoop(loop, kafka)
                                && !KafkaRuleFacts.SendOffsetsCalls(kafka, scope).Any())
                            {
                                Report(member, call, $"Producer '{name}' commits transactions in a consume loop but the consumer's offsets are never sent with SendOffsetsToTransaction: they are committed outside the transaction (duplicates or loss after a failure)");
                            }

                            if (!kafka.CallsOn(producer, scope, token, KafkaApi.AbortTransaction).Any())
                            {
                                Report(member, call, $"Producer '{name}' commits transactions but AbortTransaction is never called on it: a failed transaction is never aborted and the producer cannot begin the next one");
                            }

                            break;
                    }
                });

        private static void ReportAutoCommit(MemberContext member, IInvocationOperation call, KafkaCompilation kafka)
        {
            System.Threading.CancellationToken token = member.CancellationToken;
            if (KafkaRuleFacts.MetadataConsumer(call, kafka, token) is { } consumerReceiver
                && kafka.ClientOf(consumerReceiver, token) is { Kind: ClientKind.Consumer } consumer
                && consumer.Settings[KafkaApi.EnableAutoCommit].IsProvenNot(false))
            {
                Location? config = KafkaRuleFacts.ConfigTarget(consumer, call.Syntax.SyntaxTree, KafkaApi.EnableAutoCommit);
                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL3004_IncompleteTransactionalLoop,
                    OperationFacts.NameLocation(call.Syntax),
                    KafkaRuleFacts.Locations(config),
                    KafkaRuleFacts.Properties(FixAutoCommit),
                    $"Consumer '{KafkaRuleFacts.NameOf(consumerReceiver)}' sends its offsets to the producer transaction but keeps enable.auto.commit at {KafkaRuleFacts.Describe(consumer.Settings[KafkaApi.EnableAutoCommit], "true")}: offsets are also committed outside the transaction"));
            }
        }

        private static void Report(MemberContext member, IInvocationOperation call, string message) =>
            member.ReportDiagnostic(Diagnostic.Create(Descriptors.SL3004_IncompleteTransactionalLoop, OperationFacts.NameLocation(call.Syntax), message));
    }
}
