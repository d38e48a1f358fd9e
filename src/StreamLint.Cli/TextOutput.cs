using System.Collections.Generic;
using Spectre.Console;
using StreamLint.Core.Plans;

namespace StreamLint.Cli
{
    /// <summary>The terminal tree, coloured when the terminal supports it (Spectre.Console turns colour off when output is redirected or NO_COLOR is set).</summary>
    internal static class TextOutput
    {
        public static void Write(IReadOnlyList<PlanReport> plans, IReadOnlyList<PlanDiagnostic> others)
        {
            IAnsiConsole console = AnsiConsole.Console;
            foreach (PlanReport plan in plans)
            {
                var tree = new Tree($"[bold]{Markup.Escape(plan.Name)}[/] [grey]({Markup.Escape(plan.Family + " " + plan.Kind)}, {Markup.Escape(plan.Location.File)}:{plan.Location.Line})[/]");
                foreach (string line in PlanText.Lines(plan))
                {
                    tree.AddNode(Colour(line, plan));
                }

                console.Write(tree);
                console.WriteLine();
            }

            foreach (PlanDiagnostic d in others)
            {
                console.MarkupLine(Markup.Escape($"{d.Severity} {d.Id} {d.Location.File}:{d.Location.Line}: {d.Message}"));
            }
        }

        private static string Colour(string line, PlanReport plan)
        {
            string text = Markup.Escape(line);
            if (line.StartsWith("guarantee", System.StringComparison.Ordinal))
            {
                string colour = plan.Guarantee.Level switch
                {
                    GuaranteeLevel.ExactlyOnce => "green",
                    GuaranteeLevel.AtLeastOnce => "yellow",
                    GuaranteeLevel.None or GuaranteeLevel.AtMostOnce => "red",
                    _ => "grey",
                };
                return $"[{colour}]{text}[/]";
            }

            if (line.StartsWith("error", System.StringComparison.Ordinal) || line.Contains("state: unbounded"))
            {
                return $"[red]{text}[/]";
            }

            return line.StartsWith("warning", System.StringComparison.Ordinal) ? $"[yellow]{text}[/]" : text;
        }
    }
}
