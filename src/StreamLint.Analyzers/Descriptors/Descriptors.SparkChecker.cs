using Microsoft.CodeAnalysis;

namespace StreamLint
{
    /// <summary>Plans Spark's streaming checker rejects when the query starts (issue 4 of the catalogue).</summary>
    internal static partial class Descriptors
    {
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
    }
}
