using Microsoft.CodeAnalysis;

namespace StreamLint
{
    /// <summary>Confluent.Kafka consumer and producer rules (SL3xxx).</summary>
    internal static partial class Descriptors
    {
        private const string Kafka = "Kafka";

        public static readonly DiagnosticDescriptor SL3001_AutoOffsetStoreBeforeProcessing = Create(
            "SL3001",
            "Offsets are stored before the message is processed",
            "Consumer '{0}' keeps enable.auto.offset.store at true{1} with enable.auto.commit on: the offset of each message is stored when Consume returns it and committed in the background while it is still being processed, so a crash during processing skips the message",
            DiagnosticSeverity.Warning,
            "With the defaults enable.auto.commit=true and enable.auto.offset.store=true the client stores a message's offset as soon as Consume returns it, and the background auto-commit may commit it before the loop has processed the message: at-most-once. Set EnableAutoOffsetStore = false and call StoreOffset(result) after the processing to get at-least-once.",
            Kafka);

        public static readonly DiagnosticDescriptor SL3002_StoreOffsetWithAutoStore = Create(
            "SL3002",
            "StoreOffset on a consumer that stores offsets automatically",
            "StoreOffset is called on consumer '{0}' whose enable.auto.offset.store is {1}: the call throws KafkaException \"Local: Invalid argument or configuration\"",
            DiagnosticSeverity.Error,
            "IConsumer.StoreOffset requires enable.auto.offset.store=false (librdkafka rejects explicit stores otherwise). Set EnableAutoOffsetStore = false on the consumer's config.",
            Kafka);

        public static readonly DiagnosticDescriptor SL3003_CommitBeforeProcessing = Create(
            "SL3003",
            "Offset committed before the message is processed",
            "{0} commits the offset of '{1}' before it is processed ({2}): a crash during processing skips the message (at-most-once)",
            DiagnosticSeverity.Warning,
            "A commit marks the message as done for the consumer group. Committing before the processing that follows it in the same iteration means a crash in between loses the message. Commit after the processing.",
            Kafka);

        public static readonly DiagnosticDescriptor SL3004_IncompleteTransactionalLoop = Create(
            "SL3004",
            "Incomplete transactional consume-transform-produce loop",
            "{0}",
            DiagnosticSeverity.Error,
            "A transactional producer (transactional.id) must call InitTransactions before its first transaction, must abort a failed transaction with AbortTransaction, and in a consume-transform-produce loop must commit the consumer's offsets through SendOffsetsToTransaction with the consumer's enable.auto.commit=false; otherwise offsets are committed outside the transaction (duplicates or loss) or the producer throws.",
            Kafka);

        public static readonly DiagnosticDescriptor SL3005_ReadUncommittedInTransactionalPipeline = Create(
            "SL3005",
            "Consumer of a transactional pipeline reads uncommitted records",
            "Consumer '{0}' sets isolation.level to read_uncommitted in an exactly-once pipeline: it also reads records of aborted transactions",
            DiagnosticSeverity.Warning,
            "read_uncommitted returns every record, including those of transactions that were aborted. A consumer whose offsets go into a producer transaction is part of an exactly-once pipeline and should keep librdkafka's default read_committed.",
            Kafka);

        public static readonly DiagnosticDescriptor SL3006_IdempotenceConflict = Create(
            "SL3006",
            "Idempotent producer with an incompatible setting",
            "enable.idempotence=true requires {0}, but the producer config sets {1}: building the producer fails",
            DiagnosticSeverity.Error,
            "librdkafka enforces acks=all, max.in.flight.requests.per.connection <= 5 and message.send.max.retries > 0 for an idempotent producer; a user-supplied incompatible value makes producer instantiation fail.",
            Kafka);

        public static readonly DiagnosticDescriptor SL3007_NonIdempotentProducer = Create(
            "SL3007",
            "Producer retries without idempotence",
            "Producer config{0} leaves enable.idempotence {1} and sets no transactional.id while message.send.max.retries allows retries: a retried send can duplicate or reorder messages",
            DiagnosticSeverity.Warning,
            "librdkafka retries failed sends (message.send.max.retries defaults to 2147483647) and enable.idempotence defaults to false: a retry after a lost acknowledgement writes the message twice, and retries can reorder a partition. EnableIdempotence = true makes retries safe.",
            Kafka);

        public static readonly DiagnosticDescriptor SL3008_ProduceWithoutFlush = Create(
            "SL3008",
            "Producer disposed without Flush",
            "Produce on producer '{0}' queues messages, but its lifetime ends ({1}) without Flush or CommitTransaction: messages still queued are lost",
            DiagnosticSeverity.Warning,
            "Produce only enqueues a message; delivery happens in the background. Disposing the producer without Flush (or CommitTransaction, which flushes) discards what is still queued or in flight.",
            Kafka);

        public static readonly DiagnosticDescriptor SL3009_AwaitProduceAsyncInLoop = Create(
            "SL3009",
            "ProduceAsync awaited per message in a consume loop",
            "ProduceAsync is awaited for every consumed message: each iteration waits for the broker's acknowledgement (one round trip per message)",
            DiagnosticSeverity.Info,
            "Awaiting ProduceAsync serialises the loop on delivery reports. In stream processing use Produce with a delivery handler (and Flush at shutdown), or await a batch of produce tasks together.",
            Kafka);

        public static readonly DiagnosticDescriptor SL3010_ConsumerNotClosed = Create(
            "SL3010",
            "Consumer disposed without Close",
            "Consumer '{0}' is disposed ({1}) without Close(): it does not leave the group cleanly, final offsets are not committed and the group waits session.timeout.ms before rebalancing",
            DiagnosticSeverity.Warning,
            "Close() commits final offsets (when auto commit is on) and tells the group coordinator the consumer is leaving, so partitions are reassigned at once. Dispose alone skips both. Call Close() in a finally block before the consumer is disposed.",
            Kafka);
    }
}
