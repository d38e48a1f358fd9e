using Microsoft.CodeAnalysis;

namespace StreamLint
{
    /// <summary>Event time, watermarks and state (issue 3 of the catalogue).</summary>
    internal static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor SL1002_UnboundedStreamingState = Create(
            "SL1002",
            "Streaming state is never evicted",
            "{0} keeps state that is never evicted: {1}; the state store grows for as long as the query runs",
            DiagnosticSeverity.Warning,
            "A stateful streaming operator (windowed aggregation, deduplication, stream-stream join) drops old state only when a watermark on an event-time column it uses tells Spark that no older data will come. Without it, or in Complete mode, state grows until executors run out of memory.",
            Spark);

        public static readonly DiagnosticDescriptor SL1003_ProcessingTimeWindow = Create(
            "SL1003",
            "Window or watermark on processing time",
            "{0} is built on '{1}', which is processing time (when Spark saw the row, not when the event happened); late or replayed data lands in the wrong window. Use a timestamp from the event itself (for Kafka, the record's 'timestamp' column or a field of the payload).",
            DiagnosticSeverity.Warning,
            "Windows and watermarks are meant for event time. Built on the wall clock (CurrentTimestamp(), the socket source's includeTimestamp column, UnixTimestamp()), results depend on when data arrives, so restarts, backfills and lag change them.",
            Spark);

        public static readonly DiagnosticDescriptor SL1004_IneffectiveWatermark = Create(
            "SL1004",
            "Watermark that cannot bound anything",
            "WithWatermark(\"{0}\", …) has no effect: {1}",
            DiagnosticSeverity.Warning,
            "A watermark bounds an aggregation's state only when it is set before the aggregation, on the column the aggregation groups or windows on, and on a streaming DataFrame. Anywhere else it does nothing, and the state it was meant to bound grows (or Spark rejects the query in Append mode).",
            Spark);

        public static readonly DiagnosticDescriptor SL1005_OuterJoinWithoutWatermark = Create(
            "SL1005",
            "Stream-stream outer or semi join without the watermark it needs",
            "Stream-stream {0} join needs a watermark: Spark throws at Start(): \"Stream-stream {0} join between two streaming DataFrame/Datasets is not supported without a watermark in the join keys, or a watermark on the nullable side and an appropriate range condition\"",
            DiagnosticSeverity.Error,
            "An outer or semi stream-stream join can emit its unmatched rows only once it knows no match can arrive any more, which requires a watermark in the join keys or a watermark on the nullable side plus a time-range condition.",
            Spark);

        public static readonly DiagnosticDescriptor SL1018_UnpartitionedState = Create(
            "SL1018",
            "Streaming state that cannot be spread over executors",
            "{0}",
            DiagnosticSeverity.Warning,
            "Stateful streaming operators keep their state in partitions whose number is frozen into the checkpoint on the first run. A single partition (Repartition(1), Coalesce(1), or an aggregation keyed only by a time window) puts all state on one executor; an unset spark.sql.shuffle.partitions freezes the default of 200.",
            Spark);

        public static readonly DiagnosticDescriptor SL1021_ChainedStatefulOperators = Create(
            "SL1021",
            "Stateful operator after a streaming aggregation",
            "{0} runs after the streaming aggregation '{1}'; Spark {2} throws at Start(): \"{3}\"",
            DiagnosticSeverity.Error,
            "An aggregation emits rows that a later stateful operator may treat as late and drop. Spark up to 3.3 rejects a second stateful operator after an aggregation; from 3.4 it allows the chain only in Append mode. Split the pipeline into two queries, or use Append mode on Spark 3.4 or later.",
            Spark);
    }
}
