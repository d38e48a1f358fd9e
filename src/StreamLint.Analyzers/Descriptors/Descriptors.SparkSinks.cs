using Microsoft.CodeAnalysis;

namespace StreamLint
{
    /// <summary>Sinks, exactly-once and query lifecycle (issue 5 of the catalogue).</summary>
    internal static partial class Descriptors
    {
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

        public static readonly DiagnosticDescriptor SL1017_ForeachWriterNotSerializable = Create(
            "SL1017",
            "IForeachWriter that cannot be shipped to executors",
            "{0}",
            DiagnosticSeverity.Error,
            "Microsoft.Spark serializes IForeachWriter instances to send them to executors; a class without [Serializable] (the attribute is not inherited) fails there. Connections must be opened in Open(), not when the writer is constructed on the driver.",
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
    }
}
