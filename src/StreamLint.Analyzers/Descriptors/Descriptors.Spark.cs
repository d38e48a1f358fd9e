using Microsoft.CodeAnalysis;

namespace StreamLint
{
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

        public static readonly DiagnosticDescriptor SL1010_MissingCheckpointLocation = Create(
            "SL1010",
            "Streaming query started without a checkpoint location",
            "Streaming query to the {0} sink is started without Option(\"checkpointLocation\", …) and no spark.sql.streaming.checkpointLocation is set in the compilation; {1}",
            DiagnosticSeverity.Warning,
            "The checkpoint holds the query's progress (source offsets) and its state. Without one, foreach/foreachBatch queries restart from scratch after a failure (losing or duplicating data) and file, Kafka and table sinks throw when the query starts.",
            Spark);
    }
}
