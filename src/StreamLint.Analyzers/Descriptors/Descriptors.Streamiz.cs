using Microsoft.CodeAnalysis;

namespace StreamLint
{
    /// <summary>Streamiz.Kafka.Net — Kafka Streams for .NET (SL2xxx).</summary>
    internal static partial class Descriptors
    {
        private const string Streamiz = "Streamiz";

        public static readonly DiagnosticDescriptor SL2001_WallClockTimestampExtractor = Create(
            "SL2001",
            "Timestamp extractor returns wall-clock time",
            "'{0}' returns wall-clock time ({1}) {2}: windows, joins and suppression then run on processing time, and a replay gives different results",
            DiagnosticSeverity.Warning,
            "A timestamp extractor defines event time for Kafka Streams. Returning the current time makes windowing depend on when records happen to be processed. Read the event time from the record (or its Kafka timestamp) and fall back to partitionTime for invalid values.",
            Streamiz);

        public static readonly DiagnosticDescriptor SL2002_ImplicitWindowGrace = Create(
            "SL2002",
            "Window without an explicit grace period",
            "{0}.Of without a grace period: Streamiz uses its 24 h retention minus the window size ({1}) as grace, so windows accept late records and keep state for about a day",
            DiagnosticSeverity.Warning,
            "TumblingWindowOptions.Of(size), HoppingWindowOptions.Of(size, advance) and JoinWindowOptions.Of(difference) give the window a grace of 24 hours minus its size. Final results (suppression, outer joins) are delayed by that long and the window store keeps a day of state. Pass the grace explicitly.",
            Streamiz);

        public static readonly DiagnosticDescriptor SL2003_SuppressGraceMismatch = Create(
            "SL2003",
            "Suppression grace differs from the window's grace",
            "UntilWindowClose waits {0} but the window's grace is {1} ({2}): {3}",
            DiagnosticSeverity.Warning,
            "Streamiz's suppression emits a window's result when stream time passes window end plus the suppression's own grace, independently of the window's grace. A shorter suppression grace emits a 'final' result that late records then update; a longer one only delays the output.",
            Streamiz);

        public static readonly DiagnosticDescriptor SL2004_UnboundedSuppressBuffer = Create(
            "SL2004",
            "Suppression buffer without a bound",
            "StrictBufferConfig.Unbounded() keeps every suppressed record in memory until its window closes; under load the application runs out of memory and shuts down",
            DiagnosticSeverity.Info,
            "An unbounded suppression buffer grows with the number of open windows and keys. Bounded(maxRecords) fails fast with a clear error, and EagerConfig.EmitEarlyWhenFull emits early instead of failing.",
            Streamiz);

        public static readonly DiagnosticDescriptor SL2005_StatefulProcessAfterKeyChange = Create(
            "SL2005",
            "Stateful processor after a key change without repartition",
            "{0} uses a state store after {1} changed the key, with no Repartition() in between: records with the same new key are spread over several tasks' stores",
            DiagnosticSeverity.Warning,
            "SelectKey, Map, FlatMap and Transform mark a stream for repartitioning, but Process, Transform and TransformValues do not repartition it. State keyed by the new key is then split over the partitions of the old key. Insert Repartition() before the stateful processor.",
            Streamiz);

        public static readonly DiagnosticDescriptor SL2006_MapKeepsKey = Create(
            "SL2006",
            "Map keeps the key but forces a repartition",
            "{0} returns the input key unchanged, but {1} then repartitions the stream through an extra topic; use {2}, which does not mark the key as changed",
            DiagnosticSeverity.Info,
            "Map and FlatMap are key-changing operations: a following GroupByKey or Join repartitions the stream through an internal topic. When the mapper keeps the key, MapValues/FlatMapValues give the same result without the repartition topic.",
            Streamiz);

        public static readonly DiagnosticDescriptor SL2007_SideEffectUnderExactlyOnce = Create(
            "SL2007",
            "External side effect in an exactly-once topology",
            "{0} in {1} is an external side effect: exactly-once covers Kafka reads, state and writes only, so when a task is retried this call runs again",
            DiagnosticSeverity.Warning,
            "With Guarantee = EXACTLY_ONCE, Streamiz commits consumed offsets, state and produced records in one transaction. Calls to HTTP services, databases, files or a separate producer are outside it: a retried task repeats them. Write to a topic with To(...) and deliver it with a connector, or make the external write idempotent.",
            Streamiz);

        public static readonly DiagnosticDescriptor SL2008_ExactlyOnceSettingOverridden = Create(
            "SL2008",
            "IsolationLevel or EnableIdempotence set after exactly-once",
            "{0} is assigned after Guarantee = EXACTLY_ONCE on the same StreamConfig: the setter throws StreamsException (exactly-once already sets it)",
            DiagnosticSeverity.Error,
            "Once a StreamConfig's Guarantee is EXACTLY_ONCE, Streamiz forces read_committed isolation and producer idempotence, and its IsolationLevel and EnableIdempotence setters throw. Remove the assignment.",
            Streamiz);

        public static readonly DiagnosticDescriptor SL2009_DefaultAtLeastOnceGuarantee = Create(
            "SL2009",
            "Stateful topology runs with the default at-least-once guarantee",
            "This StreamConfig never sets Guarantee, so the topology it runs ({0}) is at-least-once: after a failure, state updates and records written to Kafka are repeated",
            DiagnosticSeverity.Info,
            "Streamiz defaults to ProcessingGuarantee.AT_LEAST_ONCE. A topology that keeps state or writes to Kafka then double-counts and duplicates output when a task restarts. Set Guarantee = ProcessingGuarantee.EXACTLY_ONCE, or set AT_LEAST_ONCE explicitly to state the choice.",
            Streamiz);
    }
}
