using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Core.Flow;
using StreamLint.Core.Plans;
using StreamLint.Kafka.Clients;
using StreamLint.Kafka.Loops;
using StreamLint.Kafka.Rules;

namespace StreamLint.Kafka.Plans
{
    /// <summary>
    /// The Confluent.Kafka family's plans: one report per consume loop (a <c>Consume</c> call kept in a local inside a
    /// loop), read with the rules' own model: the consumer and its config (<see cref="KafkaClient"/>), the calls on it in
    /// its scope, the processing of the message (<see cref="Processing"/>) and the order of calls within one iteration
    /// (<see cref="LoopOrder"/>). The guarantee follows where offsets are stored or committed relative to processing;
    /// an unknown config or an unknown client leaves it unknown.
    /// </summary>
    public sealed class KafkaPlanProvider : IPlanProvider
    {
        public IEnumerable<PlanReport> Plans(Compilation compilation, CancellationToken cancellationToken)
        {
            if (KafkaCompilation.For(compilation) is not { } kafka)
            {
                yield break;
            }

            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                SemanticModel model = kafka.Library.ModelFor(tree);
                foreach (KafkaMember member in kafka.MembersIn(model, cancellationToken))
                {
                    var sites = member.Calls.Where(c => kafka.IsConsumerCall(c, KafkaApi.Consume)).Select(ConsumeSite.TryCreate)
                        .Where(s => s is { Loop: not null }).Select(s => s!).ToList();
                    for (int i = 0; i < sites.Count; i++)
                    {
                        yield return Report(sites[i], i + 1, sites.Count, member, kafka, cancellationToken);
                    }
                }
            }
        }

        private static PlanReport Report(ConsumeSite site, int index, int count, KafkaMember member, KafkaCompilation kafka, CancellationToken cancellationToken)
        {
            IOperation? receiver = site.Call.Instance;
            KafkaClient? client = receiver is null ? null : kafka.ClientOf(receiver, cancellationToken);
            ImmutableArray<IOperation> scope = client is null || receiver is null ? ImmutableArray.Create(member.Code.Body) : kafka.ScopeOf(receiver, member.Code.Body, client, cancellationToken);
            List<IInvocationOperation> processing = Processing.In(site, kafka, cancellationToken);
            List<IInvocationOperation> loopCalls = site.Loop!.Descendants().OfType<IInvocationOperation>().ToList();
            List<IInvocationOperation> produces = loopCalls.Where(c => kafka.IsProducerCall(c, KafkaApi.Produce) || kafka.IsProducerCall(c, KafkaApi.ProduceAsync)).ToList();

            string owner = member.Code.Owner is { } symbol && !symbol.Name.StartsWith("<", System.StringComparison.Ordinal)
                ? (symbol.ContainingType is { } type ? type.Name + "." : string.Empty) + symbol.Name
                : "top-level statements";
            string name = count > 1 ? $"{owner} consume loop {index}" : $"{owner} consume loop";

            var extent = new List<PlanLocation> { LocationOf(site.Loop!.Syntax) };
            if (client is not null)
            {
                extent.Add(LocationOf(StatementOf(client.Build.Syntax)));
                if (client.Builder is { } builder)
                {
                    extent.Add(LocationOf(builder.Syntax));
                }

                extent.AddRange(client.Settings.Creations.Select(c => LocationOf(c.Syntax)));
            }

            foreach (IInvocationOperation produce in produces)
            {
                if (produce.Instance is { } producerReceiver && kafka.ClientOf(producerReceiver, cancellationToken) is { } producer)
                {
                    extent.Add(LocationOf(StatementOf(producer.Build.Syntax)));
                    extent.AddRange(producer.Settings.Creations.Select(c => LocationOf(c.Syntax)));
                }
            }

            var steps = new List<PlanStep>();
            List<IInvocationOperation> work = processing.Where(p => !produces.Contains(p)).OrderBy(p => p.Syntax.SpanStart).ToList();
            if (work.Count > 0)
            {
                steps.Add(new PlanStep(PlanStepKinds.Transform, "processing: " + string.Join(", ", work.Select(p => p.TargetMethod.Name).Distinct()) + " (one message at a time, stateless to StreamLint)"));
            }

            return new PlanReport(
                "kafka",
                PlanKinds.ConsumeLoop,
                name,
                LocationOf(OperationFacts.NameLocation(site.Call.Syntax)),
                new[] { Source(client, scope, kafka, cancellationToken) },
                steps,
                null,
                null,
                null,
                "poll loop (Consume)",
                Sink(produces, work),
                Offsets(client, scope, kafka, cancellationToken),
                Guarantee(site, client, scope, processing, produces, kafka, cancellationToken),
                extent);
        }

        private static PlanSource Source(KafkaClient? client, ImmutableArray<IOperation> scope, KafkaCompilation kafka, CancellationToken cancellationToken)
        {
            if (client is null)
            {
                return new PlanSource("kafka", null, null, true);
            }

            var topics = new List<string>();
            foreach (IInvocationOperation subscribe in kafka.CallsOn(client, scope, cancellationToken, "Subscribe", "Assign"))
            {
                if (OperationFacts.Argument(subscribe, 0) is not { } argument)
                {
                    continue;
                }

                if (OperationFacts.ConstantString(argument) is { } topic)
                {
                    topics.Add(topic);
                }
                else
                {
                    IOperation value = OperationFacts.Unwrap(argument);
                    var constants = value.DescendantsAndSelf().OfType<ILiteralOperation>().Select(l => l.ConstantValue.HasValue ? l.ConstantValue.Value as string : null).ToList();
                    topics.AddRange(constants.Count > 0 && constants.All(c => c is not null) ? constants.Select(c => c!) : new[] { "?" });
                }
            }

            return new PlanSource("kafka", topics.Count == 0 ? null : string.Join(", ", topics.Distinct()), null, true);
        }

        private static PlanSink Sink(List<IInvocationOperation> produces, List<IInvocationOperation> work)
        {
            if (produces.Count > 0)
            {
                var topics = produces.Select(p => OperationFacts.ConstantString(OperationFacts.Argument(p, 0)) ?? "?").Distinct().ToList();
                return new PlanSink("kafka", "topic " + string.Join(", ", topics));
            }

            return work.Count > 0 ? new PlanSink("application code", work.Last().TargetMethod.Name + "(…)") : new PlanSink(null, null);
        }

        private static string Offsets(KafkaClient? client, ImmutableArray<IOperation> scope, KafkaCompilation kafka, CancellationToken cancellationToken)
        {
            if (client is null || client.Settings.IsUnknown)
            {
                return "consumer group offsets (how they are committed is unknown)";
            }

            if (KafkaRuleFacts.SendOffsetsCalls(kafka, scope).Any())
            {
                return "consumer group offsets, sent with SendOffsetsToTransaction";
            }

            bool autoCommit = client.Settings[KafkaApi.EnableAutoCommit].IsProvenNot(false);
            bool autoStore = client.Settings[KafkaApi.EnableAutoOffsetStore].IsProvenNot(false);
            bool store = kafka.CallsOn(client, scope, cancellationToken, KafkaApi.StoreOffset).Any();
            bool commit = kafka.CallsOn(client, scope, cancellationToken, KafkaApi.Commit).Any();
            var parts = new List<string>();
            if (autoStore)
            {
                parts.Add("stored when Consume returns (enable.auto.offset.store)");
            }
            else if (store)
            {
                parts.Add("stored with StoreOffset");
            }

            if (autoCommit)
            {
                parts.Add("auto-committed in the background (enable.auto.commit)");
            }

            if (commit)
            {
                parts.Add("committed with Commit");
            }

            return "consumer group offsets" + (parts.Count == 0 ? ", never committed" : ": " + string.Join(", ", parts));
        }

        private static PlanGuarantee Guarantee(ConsumeSite site, KafkaClient? client, ImmutableArray<IOperation> scope, List<IInvocationOperation> processing, List<IInvocationOperation> produces, KafkaCompilation kafka, CancellationToken cancellationToken)
        {
            if (client is null || client.Kind != ClientKind.Consumer)
            {
                return new PlanGuarantee(GuaranteeLevel.Unknown, "the consumer cannot be traced to its ConsumerBuilder");
            }

            if (client.Settings.IsUnknown)
            {
                return new PlanGuarantee(GuaranteeLevel.Unknown, "the consumer's config cannot be read from the code");
            }

            SettingFact autoCommitFact = client.Settings[KafkaApi.EnableAutoCommit];
            SettingFact autoStoreFact = client.Settings[KafkaApi.EnableAutoOffsetStore];
            if (autoCommitFact.IsUnknown || autoStoreFact.IsUnknown)
            {
                return new PlanGuarantee(GuaranteeLevel.Unknown, "enable.auto.commit or enable.auto.offset.store is not a constant");
            }

            bool autoCommit = autoCommitFact.IsProvenNot(false);
            bool autoStore = autoStoreFact.IsProvenNot(false);

            List<IInvocationOperation> sendOffsets = KafkaRuleFacts.SendOffsetsCalls(kafka, scope).ToList();
            List<IInvocationOperation> commitTransactions = site.Loop!.Descendants().OfType<IInvocationOperation>().Where(c => kafka.IsProducerCall(c, KafkaApi.CommitTransaction)).ToList();
            if (sendOffsets.Count > 0 || commitTransactions.Count > 0)
            {
                return Transactional(client, sendOffsets, commitTransactions, autoCommit, kafka, cancellationToken);
            }

            if (processing.Count == 0)
            {
                return new PlanGuarantee(GuaranteeLevel.Unknown, "no processing of the consumed message is visible in the loop");
            }

            List<IInvocationOperation> stores = kafka.CallsOn(client, scope, cancellationToken, KafkaApi.StoreOffset).ToList();
            List<IInvocationOperation> commits = kafka.CallsOn(client, scope, cancellationToken, KafkaApi.Commit).ToList();

            if (autoStore && autoCommit)
            {
                return new PlanGuarantee(GuaranteeLevel.AtMostOnce, "offsets are auto-stored when Consume returns and auto-committed in the background, before processing finishes (enable.auto.offset.store and enable.auto.commit on)");
            }

            if (!autoStore && stores.Count > 0)
            {
                foreach (IInvocationOperation store in stores)
                {
                    if (LoopOrder.After(site, store.Syntax, processing, kafka).Count > 0)
                    {
                        return new PlanGuarantee(GuaranteeLevel.AtMostOnce, $"StoreOffset at line {Line(store)} runs before processing of the message finishes");
                    }
                }

                return autoCommit || commits.Count > 0
                    ? new PlanGuarantee(GuaranteeLevel.AtLeastOnce, "offsets are stored with StoreOffset after processing and committed " + (autoCommit ? "in the background" : "with Commit") + ": a message may be processed again after a failure")
                    : new PlanGuarantee(GuaranteeLevel.Unknown, "offsets are stored but never committed");
            }

            var loopCommits = commits.Where(c => ConsumeSite.LoopAround(c) == site.Loop).ToList();
            if (loopCommits.Count > 0)
            {
                foreach (IInvocationOperation commit in loopCommits)
                {
                    bool ofResult = commit.Arguments.Length == 1;
                    if ((ofResult || autoStore) && LoopOrder.After(site, commit.Syntax, processing, kafka).Count > 0)
                    {
                        return new PlanGuarantee(GuaranteeLevel.AtMostOnce, $"Commit at line {Line(commit)} runs before processing of the message finishes");
                    }
                }

                if (autoCommit)
                {
                    return new PlanGuarantee(GuaranteeLevel.Unknown, "offsets are committed both with Commit and in the background");
                }

                return new PlanGuarantee(GuaranteeLevel.AtLeastOnce, "offsets are committed with Commit after processing: a message may be processed again after a failure");
            }

            if (autoStore && !autoCommit && commits.Count == 0)
            {
                return new PlanGuarantee(GuaranteeLevel.Unknown, "enable.auto.commit is off and the loop never commits offsets");
            }

            return new PlanGuarantee(GuaranteeLevel.Unknown, "how offsets are committed relative to processing cannot be read from the code");
        }

        private static PlanGuarantee Transactional(KafkaClient consumer, List<IInvocationOperation> sendOffsets, List<IInvocationOperation> commitTransactions, bool autoCommit, KafkaCompilation kafka, CancellationToken cancellationToken)
        {
            if (sendOffsets.Count == 0)
            {
                return new PlanGuarantee(GuaranteeLevel.AtLeastOnce, "transactions are committed but the consumer's offsets are never sent with SendOffsetsToTransaction: they are committed outside the transaction");
            }

            if (!sendOffsets.Any(s => KafkaRuleFacts.MetadataConsumer(s, kafka, cancellationToken) is { } metadata && kafka.ClientOf(metadata, cancellationToken)?.Build == consumer.Build))
            {
                return new PlanGuarantee(GuaranteeLevel.Unknown, "the offsets sent to the transaction cannot be tied to this consumer");
            }

            if (autoCommit)
            {
                return new PlanGuarantee(GuaranteeLevel.AtLeastOnce, "offsets go to the transaction but enable.auto.commit is on: they are also committed outside it");
            }

            IInvocationOperation send = sendOffsets[0];
            if (send.Instance is not { } producerReceiver || kafka.ClientOf(producerReceiver, cancellationToken) is not { Kind: ClientKind.Producer } producer)
            {
                return new PlanGuarantee(GuaranteeLevel.Unknown, "the transactional producer cannot be traced to its ProducerBuilder");
            }

            ImmutableArray<IOperation> producerScope = kafka.ScopeOf(producerReceiver, ValueOrigins.RootOf(send), producer, cancellationToken);
            var missing = new List<string>();
            if (!kafka.CallsOn(producer, producerScope, cancellationToken, KafkaApi.InitTransactions).Any())
            {
                missing.Add("InitTransactions");
            }

            if (!kafka.CallsOn(producer, producerScope, cancellationToken, KafkaApi.CommitTransaction).Any())
            {
                missing.Add("CommitTransaction");
            }

            if (!kafka.CallsOn(producer, producerScope, cancellationToken, KafkaApi.AbortTransaction).Any())
            {
                missing.Add("AbortTransaction");
            }

            if (missing.Count > 0)
            {
                return new PlanGuarantee(GuaranteeLevel.AtLeastOnce, "the transactional loop is incomplete: " + string.Join(", ", missing) + " never called on the producer");
            }

            return new PlanGuarantee(GuaranteeLevel.ExactlyOnce, "consume-transform-produce in producer transactions: InitTransactions, offsets sent with SendOffsetsToTransaction, CommitTransaction/AbortTransaction, enable.auto.commit off");
        }

        /// <summary>The statement or member holding a client's Build() (a using declaration included), where its diagnostics are reported.</summary>
        private static SyntaxNode StatementOf(SyntaxNode build) =>
            build.FirstAncestorOrSelf<SyntaxNode>(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax) ?? build;

        private static int Line(IOperation operation) => operation.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

        private static PlanLocation LocationOf(SyntaxNode node) => LocationOf(node.GetLocation());

        private static PlanLocation LocationOf(Location location)
        {
            FileLinePositionSpan span = location.GetLineSpan();
            return new PlanLocation(span.Path ?? string.Empty, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, location.SourceSpan.Start, location.SourceSpan.Length);
        }
    }
}
