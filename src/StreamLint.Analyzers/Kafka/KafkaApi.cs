using StreamLint.Core;

namespace StreamLint.Kafka
{
    /// <summary>Confluent.Kafka's vocabulary: the client methods and config properties the rules name, and the words that mark a file as Kafka client code.</summary>
    internal static class KafkaApi
    {
        public const string Consume = "Consume";
        public const string Commit = "Commit";
        public const string StoreOffset = "StoreOffset";
        public const string Close = "Close";
        public const string Build = "Build";
        public const string Produce = "Produce";
        public const string ProduceAsync = "ProduceAsync";
        public const string Flush = "Flush";
        public const string InitTransactions = "InitTransactions";
        public const string BeginTransaction = "BeginTransaction";
        public const string SendOffsetsToTransaction = "SendOffsetsToTransaction";
        public const string CommitTransaction = "CommitTransaction";
        public const string AbortTransaction = "AbortTransaction";
        public const string ConsumerGroupMetadata = "ConsumerGroupMetadata";

        public const string EnableAutoCommit = "EnableAutoCommit";
        public const string EnableAutoOffsetStore = "EnableAutoOffsetStore";
        public const string IsolationLevel = "IsolationLevel";
        public const string EnableIdempotence = "EnableIdempotence";
        public const string Acks = "Acks";
        public const string MaxInFlight = "MaxInFlight";
        public const string MessageSendMaxRetries = "MessageSendMaxRetries";
        public const string TransactionalId = "TransactionalId";

        /// <summary>
        /// Names that code using the Confluent.Kafka clients writes in a file: the builders, client interfaces and
        /// config classes, and <c>Confluent</c> from <c>using Confluent.Kafka</c>.
        /// </summary>
        public static readonly NameSet Words = new NameSet(new[]
        {
            "Confluent", "ConsumerBuilder", "ProducerBuilder", "IConsumer", "IProducer", "ConsumerConfig", "ProducerConfig", "ConsumeResult",
        });

        /// <summary>The librdkafka key behind a config property, as messages name it.</summary>
        public static string KeyOf(string property) => property switch
        {
            EnableAutoCommit => "enable.auto.commit",
            EnableAutoOffsetStore => "enable.auto.offset.store",
            IsolationLevel => "isolation.level",
            EnableIdempotence => "enable.idempotence",
            Acks => "acks",
            MaxInFlight => "max.in.flight.requests.per.connection",
            MessageSendMaxRetries => "message.send.max.retries",
            TransactionalId => "transactional.id",
            _ => property,
        };
    }
}
