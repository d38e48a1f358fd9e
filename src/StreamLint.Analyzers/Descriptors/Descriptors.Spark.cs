using Microsoft.CodeAnalysis;

namespace StreamLint
{
    /// <summary>Microsoft.Spark (.NET for Apache Spark), Structured Streaming: SL1001–SL1099.</summary>
    internal static partial class Descriptors
    {
        private const string Spark = "Spark";

        public static readonly DiagnosticDescriptor SL1001_AppendAggregationWithoutWatermark = Create(
            "SL1001",
            "Streaming aggregation in Append mode needs a watermark on a grouping key",
            "Streaming aggregation '{0}' is written in Append output mode{1}, but no grouping key carries a watermark; Spark throws at Start(): \"Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark\"",
            DiagnosticSeverity.Error,
            "In Append mode Spark emits a group only once the watermark has passed its end, so the grouping keys must include the event-time column (or a Window over it) watermarked upstream with WithWatermark. Without it Spark rejects the query when it starts.",
            Spark);

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

        public static readonly DiagnosticDescriptor SL1006_BatchActionOnStream = Create(
            "SL1006",
            "Batch action on a streaming DataFrame",
            "'{0}' is a batch action on a streaming DataFrame; Spark throws: \"{1}\"",
            DiagnosticSeverity.Error,
            "A streaming DataFrame has no end, so actions that need all of its rows (Count, Show, Collect, Take, Head, First, …) or a batch writer (Write) cannot run. Start a streaming query with WriteStream()…Start() instead; for a look at the data use the console sink.",
            Spark);

        public static readonly DiagnosticDescriptor SL1007_UnsupportedStreamingOperation = Create(
            "SL1007",
            "Operation Spark does not support on streaming DataFrames",
            "{0} on a streaming DataFrame; Spark throws at Start(): \"{1}\"",
            DiagnosticSeverity.Error,
            "Spark's streaming checker rejects operations that would need the whole unbounded input (distinct aggregates, grouping sets, sorting outside Complete-mode aggregations, sampling, intersect, except with a streaming right side, non-time windows, monotonically increasing ids) and the stream-static joins whose unmatched rows could never be emitted.",
            Spark);

        public static readonly DiagnosticDescriptor SL1008_InvalidOutputMode = Create(
            "SL1008",
            "Output mode Spark rejects for this query",
            "{0}; Spark throws {1}: \"{2}\"",
            DiagnosticSeverity.Error,
            "Each output mode fits some plans only: Complete needs an aggregation, stream-stream joins run only in Append, and the mode string must be append, complete or update.",
            Spark);

        public static readonly DiagnosticDescriptor SL1009_WriteStreamOnBatch = Create(
            "SL1009",
            "WriteStream() on a batch DataFrame",
            "WriteStream() is called on a batch DataFrame read with {0}; Spark throws: \"'writeStream' can be called only on streaming Dataset/DataFrame\"",
            DiagnosticSeverity.Error,
            "A streaming query needs a streaming source (ReadStream()); a DataFrame from Read(), CreateDataFrame, Range or a batch table cannot be written with WriteStream().",
            Spark);

        public static readonly DiagnosticDescriptor SL1010_MissingCheckpointLocation = Create(
            "SL1010",
            "Streaming query started without a checkpoint location",
            "Streaming query to the {0} sink is started without Option(\"checkpointLocation\", …) and no spark.sql.streaming.checkpointLocation is set in the compilation; {1}",
            DiagnosticSeverity.Warning,
            "The checkpoint holds the query's progress (source offsets) and its state. Without one, foreach/foreachBatch queries restart from scratch after a failure (losing or duplicating data) and file, Kafka and table sinks throw when the query starts.",
            Spark);

        public static readonly DiagnosticDescriptor SL1011_NonIdempotentForeachBatch = Create(
            "SL1011",
            "ForeachBatch appends without using batchId",
            "The ForeachBatch function appends to {0} without using batchId: when Spark replays a micro-batch after a failure the same rows are written again",
            DiagnosticSeverity.Warning,
            "ForeachBatch is at-least-once: after a failure Spark runs the last micro-batch again with the same batchId. A function that appends without using batchId (to skip, key or version the write) duplicates that batch's rows.",
            Spark);

        public static readonly DiagnosticDescriptor SL1012_ForeachBatchRecomputation = Create(
            "SL1012",
            "ForeachBatch writes the batch several times without persisting it",
            "The micro-batch '{0}' is used by {1} actions without Persist()/Cache(): each one recomputes the batch (re-reads the source, reloads state)",
            DiagnosticSeverity.Info,
            "Every action on the ForeachBatch DataFrame runs the micro-batch's plan again. Persist it before the first action and unpersist it after the last.",
            Spark);

        public static readonly DiagnosticDescriptor SL1013_SharedCheckpointLocation = Create(
            "SL1013",
            "Two queries share a checkpoint location",
            "Checkpoint location \"{0}\" is also used by another query ({1}); two queries writing one checkpoint corrupt each other's offsets and state",
            DiagnosticSeverity.Error,
            "A checkpoint belongs to exactly one query: its offsets, commits and state files describe that query's plan. A second query using the same directory fails to start or silently resumes from the other's progress.",
            Spark);

        public static readonly DiagnosticDescriptor SL1014_InvalidKafkaOptions = Create(
            "SL1014",
            "Kafka option the Spark Kafka connector rejects",
            "{0}",
            DiagnosticSeverity.Error,
            "Spark's Kafka source and sink manage consumers, offsets and (de)serialization themselves: some Kafka client options are rejected, a source needs exactly one of subscribe, subscribePattern or assign, both need kafka.bootstrap.servers, and endingOffsets applies to batch reads only.",
            Spark);

        public static readonly DiagnosticDescriptor SL1015_InvalidDuration = Create(
            "SL1015",
            "Interval string Spark cannot parse or rejects",
            "{0}",
            DiagnosticSeverity.Error,
            "Window, slide and start durations, watermark delays and trigger intervals are parsed by Spark when the query starts; a typo or an out-of-range value fails the query then, not when it is written.",
            Spark);

        public static readonly DiagnosticDescriptor SL1016_ContinuousTriggerUnsupported = Create(
            "SL1016",
            "Continuous trigger on a plan continuous processing does not support",
            "Trigger.Continuous(…) is used with {0}; Spark throws at Start(): \"{1}\"",
            DiagnosticSeverity.Error,
            "Continuous processing runs only map-like plans (projections and filters) without current-time functions, and not with ForeachBatch. Use Trigger.ProcessingTime(…) for anything else.",
            Spark);

        public static readonly DiagnosticDescriptor SL1017_ForeachWriterNotSerializable = Create(
            "SL1017",
            "IForeachWriter that cannot be shipped to executors",
            "{0}",
            DiagnosticSeverity.Error,
            "Microsoft.Spark serializes IForeachWriter instances to send them to executors; a class without [Serializable] (the attribute is not inherited) fails there. Connections must be opened in Open(), not when the writer is constructed on the driver.",
            Spark);

        public static readonly DiagnosticDescriptor SL1018_UnpartitionedState = Create(
            "SL1018",
            "Streaming state that cannot be spread over executors",
            "{0}",
            DiagnosticSeverity.Warning,
            "Stateful streaming operators keep their state in partitions whose number is frozen into the checkpoint on the first run. A single partition (Repartition(1), Coalesce(1), or an aggregation keyed only by a time window) puts all state on one executor; an unset spark.sql.shuffle.partitions freezes the default of 200.",
            Spark);

        public static readonly DiagnosticDescriptor SL1019_LatencyBudgetExceeded = Create(
            "SL1019",
            "Query latency above the configured budget",
            "{0} exceeds the latency budget of {1} (streamlint.latency_budget)",
            DiagnosticSeverity.Warning,
            "With streamlint.latency_budget set, StreamLint compares what the code declares (trigger interval; in Append mode, window length plus watermark delay, the earliest a result can be emitted) with the budget. Without the option the rule reports nothing.",
            Spark);

        public static readonly DiagnosticDescriptor SL1020_StreamingQueryNotAwaited = Create(
            "SL1020",
            "Streaming query started but never awaited",
            "The query returned by {0}() is discarded and nothing awaits termination: when the driver's Main returns, the query stops",
            DiagnosticSeverity.Info,
            "Start() returns immediately; the query runs in the background of the driver process. A driver that neither awaits the query nor the query manager exits and takes the query down with it.",
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
