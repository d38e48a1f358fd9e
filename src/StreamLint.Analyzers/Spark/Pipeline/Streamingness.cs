namespace StreamLint.Spark.Pipeline
{
    /// <summary>What the lineage proves about a DataFrame. Only proven facts drive diagnostics; Unknown stays silent.</summary>
    internal enum Streamingness
    {
        Unknown,
        Batch,
        Streaming,
    }

    internal static class StreamingnessExtensions
    {
        /// <summary>Spark's rule for plans with several inputs: streaming when any input is streaming.</summary>
        public static Streamingness Combine(this Streamingness left, Streamingness right) =>
            left == Streamingness.Streaming || right == Streamingness.Streaming ? Streamingness.Streaming
            : left == Streamingness.Batch && right == Streamingness.Batch ? Streamingness.Batch
            : Streamingness.Unknown;
    }
}
