using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace StreamLint.Core.Plans
{
    /// <summary>Plain-text rendering: one tree per plan, for terminals and logs (the tool adds colour when it can).</summary>
    public static class PlanText
    {
        public static string Render(IReadOnlyList<PlanReport> plans)
        {
            var text = new StringBuilder();
            foreach (PlanReport plan in plans)
            {
                text.Append(plan.Name).Append(" (").Append(plan.Family).Append(' ').Append(plan.Kind).Append(", ")
                    .Append(plan.Location.File).Append(':').Append(plan.Location.Line).Append(")\n");
                foreach (string line in Lines(plan))
                {
                    text.Append("  ").Append(line).Append('\n');
                }

                text.Append('\n');
            }

            return text.ToString();
        }

        /// <summary>The plan's lines under its heading: sources, steps, event time, sink, guarantee, diagnostics.</summary>
        public static IEnumerable<string> Lines(PlanReport plan)
        {
            foreach (PlanSource source in plan.Sources)
            {
                yield return "source     " + source.Describe();
            }

            foreach (PlanStep step in plan.Steps)
            {
                yield return "step       " + step.Text + (step.Stateful ? " [state: " + step.StateBound + "]" : string.Empty);
            }

            yield return "event time " + (plan.EventTime is { } eventTime ? eventTime + (plan.Watermark is { } watermark ? ", watermark " + watermark : ", no watermark") : "none");
            yield return "sink       " + plan.Sink.Describe()
                + (plan.OutputMode is { } mode ? ", output " + mode : string.Empty)
                + (plan.Trigger is { } trigger ? ", trigger " + trigger : string.Empty);
            yield return "checkpoint " + (plan.Checkpoint ?? "unknown");
            yield return "guarantee  " + plan.Guarantee.LevelText + ": " + plan.Guarantee.Reason;
            foreach (PlanDiagnostic diagnostic in plan.Diagnostics)
            {
                yield return $"{diagnostic.Severity,-10} {diagnostic.Id} line {diagnostic.Location.Line}: {diagnostic.Message}";
            }
        }
    }

    /// <summary>Markdown rendering: one section per plan with a Mermaid flowchart, for pull-request comments and job summaries.</summary>
    public static class PlanMarkdown
    {
        public static string Render(IReadOnlyList<PlanReport> plans, string title = "StreamLint plan")
        {
            var text = new StringBuilder();
            text.Append("# ").Append(title).Append("\n\n");
            text.Append("| Query | Source | Sink | Guarantee | Diagnostics |\n|---|---|---|---|---|\n");
            foreach (PlanReport plan in plans)
            {
                text.Append("| ").Append(Cell(plan.Name)).Append(" | ").Append(Cell(string.Join(", ", plan.Sources.Select(s => s.Describe()))))
                    .Append(" | ").Append(Cell(plan.Sink.Describe())).Append(" | ").Append(plan.Guarantee.LevelText)
                    .Append(" | ").Append(plan.Diagnostics.Count == 0 ? "none" : Cell(string.Join(", ", plan.Diagnostics.Select(d => d.Id)))).Append(" |\n");
            }

            foreach (PlanReport plan in plans)
            {
                text.Append("\n## ").Append(plan.Name).Append("\n\n");
                text.Append('`').Append(plan.Location.File).Append(':').Append(plan.Location.Line).Append("` · ").Append(plan.Family).Append(' ').Append(plan.Kind).Append("\n\n");
                text.Append(Mermaid(plan)).Append('\n');
                text.Append("- **Event time:** ").Append(Cell(plan.EventTime ?? "none"))
                    .Append(plan.EventTime is null ? string.Empty : plan.Watermark is { } watermark ? ", watermark " + Cell(watermark) : ", no watermark").Append('\n');
                foreach (PlanStep step in plan.StatefulOperators)
                {
                    text.Append("- **State** of ").Append(Cell(step.Text)).Append(": ").Append(Cell(step.StateBound ?? "unknown")).Append('\n');
                }

                if (plan.OutputMode is { } mode)
                {
                    text.Append("- **Output mode:** ").Append(mode).Append('\n');
                }

                if (plan.Trigger is { } trigger)
                {
                    text.Append("- **Trigger:** ").Append(Cell(trigger)).Append('\n');
                }

                text.Append("- **Checkpoint:** ").Append(Cell(plan.Checkpoint ?? "unknown")).Append('\n');
                text.Append("- **Guarantee:** ").Append(plan.Guarantee.LevelText).Append(" — ").Append(Cell(plan.Guarantee.Reason)).Append('\n');
                foreach (PlanDiagnostic diagnostic in plan.Diagnostics)
                {
                    text.Append("- **").Append(diagnostic.Id).Append("** (").Append(diagnostic.Severity).Append(", line ").Append(diagnostic.Location.Line).Append("): ")
                        .Append(Cell(diagnostic.Message)).Append('\n');
                }
            }

            return text.ToString();
        }

        /// <summary>A fenced Mermaid flowchart: sources → steps → sink; stateful steps are stadium-shaped and styled.</summary>
        public static string Mermaid(PlanReport plan)
        {
            var text = new StringBuilder("```mermaid\nflowchart LR\n");
            var sourceIds = new List<string>();
            for (int i = 0; i < plan.Sources.Count; i++)
            {
                string id = "src" + i.ToString(CultureInfo.InvariantCulture);
                sourceIds.Add(id);
                text.Append("  ").Append(id).Append("[(\"").Append(Label(plan.Sources[i].Describe())).Append("\")]\n");
            }

            var previous = sourceIds;
            bool anyStateful = false;
            for (int i = 0; i < plan.Steps.Count; i++)
            {
                PlanStep step = plan.Steps[i];
                string id = "op" + i.ToString(CultureInfo.InvariantCulture);
                if (step.Stateful)
                {
                    anyStateful = true;
                    text.Append("  ").Append(id).Append("([\"").Append(Label(step.Text)).Append("<br/>state: ").Append(Label(step.StateBound ?? "unknown")).Append("\"]):::stateful\n");
                }
                else
                {
                    text.Append("  ").Append(id).Append("[\"").Append(Label(step.Text)).Append("\"]\n");
                }

                foreach (string from in previous)
                {
                    text.Append("  ").Append(from).Append(" --> ").Append(id).Append('\n');
                }

                previous = new List<string> { id };
            }

            text.Append("  sink[/\"").Append(Label(plan.Sink.Describe())).Append("<br/>").Append(Label(plan.Guarantee.LevelText)).Append("\"/]\n");
            foreach (string from in previous)
            {
                text.Append("  ").Append(from).Append(" --> sink\n");
            }

            if (anyStateful)
            {
                text.Append("  classDef stateful stroke-width:3px,stroke-dasharray:4 2\n");
            }

            return text.Append("```\n").ToString();
        }

        private static string Label(string text) => text.Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;");

        private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
    }

    /// <summary>
    /// JSON rendering, schema version 1 (docs/plan.schema.json): an object with schemaVersion, plans and diagnostics
    /// outside any plan. Written by hand so the analyzer assembly needs no serializer; field order is fixed.
    /// </summary>
    public static class PlanJson
    {
        public const int SchemaVersion = 1;

        public static string Render(IReadOnlyList<PlanReport> plans, IReadOnlyList<PlanDiagnostic>? otherDiagnostics = null)
        {
            var w = new StringBuilder();
            w.Append("{\n  \"schemaVersion\": ").Append(SchemaVersion).Append(",\n  \"plans\": [");
            for (int i = 0; i < plans.Count; i++)
            {
                w.Append(i == 0 ? "\n" : ",\n");
                Plan(w, plans[i]);
            }

            w.Append(plans.Count == 0 ? "],\n" : "\n  ],\n");
            w.Append("  \"otherDiagnostics\": [");
            IReadOnlyList<PlanDiagnostic> others = otherDiagnostics ?? new PlanDiagnostic[0];
            w.Append(string.Join(", ", others.Select(Diagnostic)));
            w.Append("]\n}\n");
            return w.ToString();
        }

        private static void Plan(StringBuilder w, PlanReport plan)
        {
            w.Append("    {\n");
            w.Append("      \"family\": ").Append(Str(plan.Family)).Append(",\n");
            w.Append("      \"kind\": ").Append(Str(plan.Kind)).Append(",\n");
            w.Append("      \"name\": ").Append(Str(plan.Name)).Append(",\n");
            w.Append("      \"location\": ").Append(Location(plan.Location)).Append(",\n");
            w.Append("      \"sources\": [").Append(string.Join(", ", plan.Sources.Select(s =>
                $"{{\"format\": {Str(s.Format)}, \"topic\": {Str(s.Topic)}, \"path\": {Str(s.Path)}, \"streaming\": {(s.Streaming is { } b ? (b ? "true" : "false") : "null")}}}"))).Append("],\n");
            w.Append("      \"steps\": [").Append(string.Join(", ", plan.Steps.Select(s =>
                $"{{\"kind\": {Str(s.Kind)}, \"text\": {Str(s.Text)}, \"stateful\": {(s.Stateful ? "true" : "false")}, \"stateBound\": {Str(s.StateBound)}}}"))).Append("],\n");
            w.Append("      \"eventTime\": ").Append(Str(plan.EventTime)).Append(",\n");
            w.Append("      \"watermark\": ").Append(Str(plan.Watermark)).Append(",\n");
            w.Append("      \"outputMode\": ").Append(Str(plan.OutputMode)).Append(",\n");
            w.Append("      \"trigger\": ").Append(Str(plan.Trigger)).Append(",\n");
            w.Append("      \"sink\": {\"format\": ").Append(Str(plan.Sink.Format)).Append(", \"target\": ").Append(Str(plan.Sink.Target)).Append("},\n");
            w.Append("      \"checkpoint\": ").Append(Str(plan.Checkpoint)).Append(",\n");
            w.Append("      \"guarantee\": {\"level\": ").Append(Str(plan.Guarantee.LevelText)).Append(", \"reason\": ").Append(Str(plan.Guarantee.Reason)).Append("},\n");
            w.Append("      \"diagnostics\": [").Append(string.Join(", ", plan.Diagnostics.Select(Diagnostic))).Append("]\n");
            w.Append("    }");
        }

        private static string Diagnostic(PlanDiagnostic d) =>
            $"{{\"id\": {Str(d.Id)}, \"severity\": {Str(d.Severity)}, \"message\": {Str(d.Message)}, \"location\": {Location(d.Location)}}}";

        private static string Location(PlanLocation l) =>
            $"{{\"file\": {Str(l.File)}, \"line\": {l.Line.ToString(CultureInfo.InvariantCulture)}, \"column\": {l.Column.ToString(CultureInfo.InvariantCulture)}}}";

        /// <summary>A JSON string literal, or null.</summary>
        public static string Str(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            var s = new StringBuilder("\"");
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': s.Append("\\\""); break;
                    case '\\': s.Append("\\\\"); break;
                    case '\n': s.Append("\\n"); break;
                    case '\r': s.Append("\\r"); break;
                    case '\t': s.Append("\\t"); break;
                    default:
                        if (c < ' ')
                        {
                            s.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            s.Append(c);
                        }

                        break;
                }
            }

            return s.Append('"').ToString();
        }
    }
}
