using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Streamiz.Time;

namespace StreamLint.Streamiz.Topology
{
    /// <summary>
    /// A window's options as the code builds them: kind, size and grace in milliseconds. Without an explicit grace
    /// Streamiz uses its retention minus the size: <c>DEFAULT_RETENTION_MS</c> (24 h) − size.
    /// </summary>
    internal sealed class WindowFacts
    {
        public const long DefaultRetentionMs = 86_400_000;

        public WindowFacts(string kind, IInvocationOperation call, long? sizeMs, long? advanceMs, long? explicitGraceMs, bool hasExplicitGrace)
        {
            this.Kind = kind;
            this.Call = call;
            this.SizeMs = sizeMs;
            this.AdvanceMs = advanceMs;
            this.HasExplicitGrace = hasExplicitGrace;
            this.GraceMs = hasExplicitGrace
                ? explicitGraceMs
                : sizeMs is { } size && size < DefaultRetentionMs ? DefaultRetentionMs - size : null;
        }

        /// <summary><c>TumblingWindowOptions</c>, <c>HoppingWindowOptions</c> or <c>JoinWindowOptions</c>.</summary>
        public string Kind { get; }

        /// <summary>The <c>Of(…)</c> call that builds the options.</summary>
        public IInvocationOperation Call { get; }

        public long? SizeMs { get; }

        public long? AdvanceMs { get; }

        public bool HasExplicitGrace { get; }

        /// <summary>The effective grace: explicit, or the implicit 24 h − size; null when a part is not constant.</summary>
        public long? GraceMs { get; }

        public string Describe()
        {
            string size = this.SizeMs is { } s ? Millis.Format(s) : "?";
            string advance = this.AdvanceMs is { } a ? ", advance " + Millis.Format(a) : string.Empty;
            string grace = this.GraceMs is { } g ? Millis.Format(g) : "?";
            return $"{this.Kind} size {size}{advance}, grace {grace} ({(this.HasExplicitGrace ? "explicit" : "implicit")})";
        }

        public string Signature => $"{this.Kind}|{this.SizeMs}|{this.AdvanceMs}|{this.GraceMs}|{this.HasExplicitGrace}";
    }
}
