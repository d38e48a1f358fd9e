using System.Collections.Generic;
using System.Linq;

namespace StreamLint.Core.Plans
{
    /// <summary>
    /// What StreamLint infers for one streaming program unit — a Spark query, a Streamiz topology, a Confluent.Kafka
    /// consume loop — in terms no library owns: where data comes from, what is done to it, which operators keep state
    /// and what bounds it, where it goes, and the delivery guarantee that results. Every text is what a reader sees;
    /// whatever a provider cannot infer is null (or <see cref="GuaranteeLevel.Unknown"/>), never a guess.
    /// </summary>
    public sealed class PlanReport
    {
        public PlanReport(
            string family,
            string kind,
            string name,
            PlanLocation location,
            IReadOnlyList<PlanSource> sources,
            IReadOnlyList<PlanStep> steps,
            string? eventTime,
            string? watermark,
            string? outputMode,
            string? trigger,
            PlanSink sink,
            string? checkpoint,
            PlanGuarantee guarantee,
            IReadOnlyList<PlanLocation> extent,
            IReadOnlyList<PlanDiagnostic>? diagnostics = null)
        {
            this.Family = family;
            this.Kind = kind;
            this.Name = name;
            this.Location = location;
            this.Sources = sources;
            this.Steps = steps;
            this.EventTime = eventTime;
            this.Watermark = watermark;
            this.OutputMode = outputMode;
            this.Trigger = trigger;
            this.Sink = sink;
            this.Checkpoint = checkpoint;
            this.Guarantee = guarantee;
            this.Extent = extent;
            this.Diagnostics = diagnostics ?? new PlanDiagnostic[0];
        }

        /// <summary>The library family: "spark", "streamiz", "kafka".</summary>
        public string Family { get; }

        /// <summary>One of <see cref="PlanKinds"/>: "query", "topology", "consume loop".</summary>
        public string Kind { get; }

        /// <summary>The name the code gives it (a query name, an application id), else one derived from where it starts.</summary>
        public string Name { get; }

        /// <summary>Where it starts (Start(), builder.Build(), the consume loop).</summary>
        public PlanLocation Location { get; }

        public IReadOnlyList<PlanSource> Sources { get; }

        /// <summary>What is done to the data, from the sources to the sink; projections and filters in a row are one step.</summary>
        public IReadOnlyList<PlanStep> Steps { get; }

        /// <summary>The event-time column(s); null when there is none the provider can see.</summary>
        public string? EventTime { get; }

        /// <summary>The watermark (allowed lateness) on the event time, e.g. "10 minutes"; null when none.</summary>
        public string? Watermark { get; }

        /// <summary>The stateful steps, each with what bounds its state.</summary>
        public IEnumerable<PlanStep> StatefulOperators => this.Steps.Where(s => s.Stateful);

        /// <summary>Output mode (Spark) or suppression (Streamiz); null when not applicable or unknown.</summary>
        public string? OutputMode { get; }

        public string? Trigger { get; }

        public PlanSink Sink { get; }

        /// <summary>Where progress is kept: a checkpoint path, "none", "unknown"; committed offsets for a consume loop.</summary>
        public string? Checkpoint { get; }

        public PlanGuarantee Guarantee { get; }

        /// <summary>The code the plan is built from (each piece a file span): diagnostics inside it belong to the plan.</summary>
        public IReadOnlyList<PlanLocation> Extent { get; }

        /// <summary>StreamLint diagnostics reported inside <see cref="Extent"/>, attached by whoever runs the analyzers.</summary>
        public IReadOnlyList<PlanDiagnostic> Diagnostics { get; }

        public PlanReport WithDiagnostics(IReadOnlyList<PlanDiagnostic> diagnostics) =>
            new PlanReport(this.Family, this.Kind, this.Name, this.Location, this.Sources, this.Steps, this.EventTime, this.Watermark,
                this.OutputMode, this.Trigger, this.Sink, this.Checkpoint, this.Guarantee, this.Extent, diagnostics);

        /// <summary>True when <paramref name="location"/> lies inside the plan's code.</summary>
        public bool Contains(PlanLocation location) =>
            this.Extent.Any(e => e.File == location.File && e.Start <= location.Start && location.Start + location.Length <= e.Start + e.Length);
    }

    /// <summary>The values of <see cref="PlanReport.Kind"/>.</summary>
    public static class PlanKinds
    {
        public const string Query = "query";
        public const string Topology = "topology";
        public const string ConsumeLoop = "consume loop";
    }

    /// <summary>A place in a source file: path as the compilation names it, 1-based line and column, and the character span.</summary>
    public sealed class PlanLocation
    {
        public PlanLocation(string file, int line, int column, int start, int length)
        {
            this.File = file;
            this.Line = line;
            this.Column = column;
            this.Start = start;
            this.Length = length;
        }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }

        public int Start { get; }

        public int Length { get; }

        public PlanLocation WithFile(string file) => new PlanLocation(file, this.Line, this.Column, this.Start, this.Length);
    }

    /// <summary>Where data comes from: format ("kafka", "parquet", "table", …), topic(s) and path or table; null when unknown.</summary>
    public sealed class PlanSource
    {
        public PlanSource(string? format, string? topic, string? path, bool? streaming)
        {
            this.Format = format;
            this.Topic = topic;
            this.Path = path;
            this.Streaming = streaming;
        }

        public string? Format { get; }

        public string? Topic { get; }

        public string? Path { get; }

        /// <summary>True for a stream, false for a static (batch) input joined in; null when unknown.</summary>
        public bool? Streaming { get; }

        public string Describe()
        {
            string text = this.Format ?? "unknown source";
            if (this.Topic is { } topic)
            {
                text += " topic " + topic;
            }

            if (this.Path is { } path)
            {
                text += " " + path;
            }

            return this.Streaming == false ? text + " (static)" : text;
        }
    }

    /// <summary>
    /// One step between sources and sink. Stateful steps carry what bounds their state: e.g. "watermark 10 minutes +
    /// window 5 minutes", or a text starting with "unbounded: " saying why nothing does, or "unknown".
    /// </summary>
    public sealed class PlanStep
    {
        public PlanStep(string kind, string text, bool stateful = false, string? stateBound = null)
        {
            this.Kind = kind;
            this.Text = text;
            this.Stateful = stateful;
            this.StateBound = stateBound;
        }

        /// <summary>One of <see cref="PlanStepKinds"/>.</summary>
        public string Kind { get; }

        public string Text { get; }

        public bool Stateful { get; }

        /// <summary>For stateful steps: what bounds the state; null otherwise.</summary>
        public string? StateBound { get; }

        /// <summary>True when the state bound says nothing ever evicts it.</summary>
        public bool Unbounded => this.StateBound?.StartsWith("unbounded", System.StringComparison.Ordinal) == true;
    }

    /// <summary>The values of <see cref="PlanStep.Kind"/>.</summary>
    public static class PlanStepKinds
    {
        /// <summary>Projections and filters in a row, collapsed: "3 projections, 1 filter".</summary>
        public const string Transform = "transform";
        public const string Watermark = "watermark";
        public const string Aggregate = "aggregate";
        public const string Deduplicate = "deduplicate";
        public const string Join = "join";
        public const string Union = "union";
        public const string Other = "other";
    }

    /// <summary>Where the result goes: format ("parquet", "kafka", "foreachBatch", "table", …) and path, table or topic.</summary>
    public sealed class PlanSink
    {
        public PlanSink(string? format, string? target)
        {
            this.Format = format;
            this.Target = target;
        }

        public string? Format { get; }

        public string? Target { get; }

        public string Describe() => (this.Format ?? "unknown sink") + (this.Target is { } target ? " " + target : string.Empty);
    }

    /// <summary>The delivery guarantee levels.</summary>
    public enum GuaranteeLevel
    {
        /// <summary>Not inferred; never guessed.</summary>
        Unknown,
        ExactlyOnce,
        AtLeastOnce,
        AtMostOnce,

        /// <summary>No guarantee at all: records may be lost or duplicated, or the job cannot run as written.</summary>
        None,

        /// <summary>A debug sink (console, memory, noop): delivery is not the point.</summary>
        NotApplicable,
    }

    /// <summary>A delivery guarantee and the reason it holds, stated so a reader can check it.</summary>
    public sealed class PlanGuarantee
    {
        public PlanGuarantee(GuaranteeLevel level, string reason)
        {
            this.Level = level;
            this.Reason = reason;
        }

        public GuaranteeLevel Level { get; }

        public string Reason { get; }

        /// <summary>The level as reports print it: "exactly-once", "at-least-once", …</summary>
        public string LevelText => Text(this.Level);

        public static string Text(GuaranteeLevel level) => level switch
        {
            GuaranteeLevel.ExactlyOnce => "exactly-once",
            GuaranteeLevel.AtLeastOnce => "at-least-once",
            GuaranteeLevel.AtMostOnce => "at-most-once",
            GuaranteeLevel.None => "none",
            GuaranteeLevel.NotApplicable => "not applicable",
            _ => "unknown",
        };
    }

    /// <summary>A StreamLint diagnostic inside a plan's code.</summary>
    public sealed class PlanDiagnostic
    {
        public PlanDiagnostic(string id, string severity, string message, PlanLocation location)
        {
            this.Id = id;
            this.Severity = severity;
            this.Message = message;
            this.Location = location;
        }

        public string Id { get; }

        /// <summary>"error", "warning", "info" or "hidden".</summary>
        public string Severity { get; }

        public string Message { get; }

        public PlanLocation Location { get; }
    }
}
