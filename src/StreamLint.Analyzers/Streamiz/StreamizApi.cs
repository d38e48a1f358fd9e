using System.Collections.Immutable;
using StreamLint.Core;

namespace StreamLint.Streamiz
{
    /// <summary>Streamiz.Kafka.Net's vocabulary: the words that admit a file and the operator names the model knows.</summary>
    internal static class StreamizApi
    {
        /// <summary>
        /// Names code using Streamiz writes somewhere in a file: its entry types and <c>Streamiz</c> from the using
        /// directive. Names no other common library uses (not <c>Stream</c> or <c>Topology</c>).
        /// </summary>
        public static readonly NameSet Words = new NameSet(new[]
        {
            "Streamiz", "StreamBuilder", "IKStream", "IKTable", "IKGroupedStream", "ITimeWindowedKStream", "StreamConfig",
            "KafkaStream", "ITimestampExtractor", "TumblingWindowOptions", "HoppingWindowOptions", "JoinWindowOptions",
            "SuppressedBuilder", "StrictBufferConfig", "ProcessingGuarantee",
        });

        public const string Repartition = "Repartition";

        /// <summary>The StreamConfig property that selects at-least-once or exactly-once.</summary>
        public const string Guarantee = "Guarantee";

        /// <summary>The StreamConfig properties whose setters throw once the guarantee is exactly-once.</summary>
        public const string IsolationLevel = "IsolationLevel";

        public const string EnableIdempotence = "EnableIdempotence";

        /// <summary>The one method of ITimestampExtractor.</summary>
        public const string Extract = "Extract";

        /// <summary>IKStream operators that may give records a new key (Streamiz marks the stream for repartitioning).</summary>
        public static readonly ImmutableHashSet<string> KeyChanging = ImmutableHashSet.Create("SelectKey", "Map", "FlatMap", "MapAsync", "FlatMapAsync", "Transform");

        /// <summary>IKStream operators that keep the key and the partitioning facts of their input.</summary>
        public static readonly ImmutableHashSet<string> KeyPreserving = ImmutableHashSet.Create(
            "Filter", "FilterNot", "MapValues", "FlatMapValues", "MapValuesAsync", "FlatMapValuesAsync", "Peek", "WithRecordTimestamp",
            "TransformValues", "Print", "DropDuplicate");

        /// <summary>Grouped-stream / windowed-stream / grouped-table operators that aggregate into a table.</summary>
        public static readonly ImmutableHashSet<string> Aggregations = ImmutableHashSet.Create("Count", "Aggregate", "Reduce");

        public static readonly ImmutableHashSet<string> Joins = ImmutableHashSet.Create("Join", "LeftJoin", "OuterJoin");

        /// <summary>Operators whose functions run once per record and may hold side effects (SL2007).</summary>
        public static readonly ImmutableHashSet<string> RecordFunctions = ImmutableHashSet.Create(
            "Foreach", "ForeachAsync", "Peek", "MapValues", "FlatMapValues", "MapValuesAsync", "FlatMapValuesAsync", "Process", "Map", "FlatMap", "Filter", "FilterNot", "SelectKey");
    }
}
