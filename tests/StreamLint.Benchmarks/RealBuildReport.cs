using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace StreamLint.Benchmarks
{
    /// <summary>One analyzer's row of the compiler's <c>/reportanalyzer</c> output (times in ms).</summary>
    internal sealed class ReportRow
    {
        public ReportRow(string name, string ids, double ms, bool belowResolution)
        {
            this.Name = name;
            this.Ids = ids;
            this.Ms = ms;
            this.BelowResolution = belowResolution;
        }

        /// <summary>The analyzer's full type name.</summary>
        public string Name { get; }

        /// <summary>The diagnostic ids the compiler lists after the name, comma-separated (may be empty).</summary>
        public string Ids { get; }

        /// <summary>Milliseconds; 0 when the report printed <c>&lt;0.001</c> s.</summary>
        public double Ms { get; }

        /// <summary>The report printed <c>&lt;0.001</c>: less than its 1 ms resolution.</summary>
        public bool BelowResolution { get; }

        public string FirstId => this.Ids.Split(',')[0].Trim();

        public string ShortName => this.Name.Substring(this.Name.LastIndexOf('.') + 1);
    }

    /// <summary>One analyzer assembly's block of the report: its total row and one row per analyzer.</summary>
    internal sealed class ReportAssembly
    {
        public ReportAssembly(string name, double ms, bool belowResolution)
        {
            this.Name = name;
            this.Ms = ms;
            this.BelowResolution = belowResolution;
        }

        /// <summary>The simple assembly name (before the first comma of the display name).</summary>
        public string Name { get; }

        public double Ms { get; }

        public bool BelowResolution { get; }

        public List<ReportRow> Analyzers { get; } = new List<ReportRow>();
    }

    /// <summary>
    /// Reads what the C# compiler prints for <c>-p:ReportAnalyzer=true</c> (in MSBuild's detailed log) and what MSBuild
    /// prints in its task performance summary. The report's resolution is 1 ms (<c>&lt;0.001</c> s below it); the rows
    /// are wall clock per analyzer summed over its callbacks, which run concurrently in a build.
    /// </summary>
    internal static class AnalyzerReportParser
    {
        /// <summary>Time (s), percent, then three spaces before an assembly and six before an analyzer.</summary>
        private static readonly Regex Row = new Regex(
            @"^\s*(?:\d+(?::\d+)?>)?\s*(?<time><0\.001|\d+\.\d{3})\s+(?<pct><1|\d+)(?<gap> {3,})(?<name>\S.*?)\s*$",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private static readonly Regex Total = new Regex(
            @"Total analyzer execution time: (?<s>\d+\.\d+) seconds",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private static readonly Regex CscSummary = new Regex(
            @"^\s*(?<ms>\d+) ms\s+Csc\s+(?<calls>\d+) calls?\s*$",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private static readonly Regex Diagnostic = new Regex(
            @"(?<file>[^\s:(]+\.cs)\((?<line>\d+),(?<col>\d+)\): (?:warning|error|info) (?<id>[A-Z]+\d+):",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        /// <summary>The analyzer section of the first compiler report in the log (generators excluded).</summary>
        public static (double TotalMs, List<ReportAssembly> Assemblies)? Parse(IReadOnlyList<string> lines)
        {
            int start = -1;
            double totalMs = 0;
            for (int i = 0; i < lines.Count; i++)
            {
                Match m = Total.Match(lines[i]);
                if (m.Success)
                {
                    start = i + 1;
                    totalMs = double.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) * 1000.0;
                    break;
                }
            }

            if (start < 0)
            {
                return null;
            }

            var assemblies = new List<ReportAssembly>();
            int assemblyGap = -1;
            for (int i = start; i < lines.Count; i++)
            {
                string line = lines[i];
                if (line.Contains("Total generator execution time", StringComparison.Ordinal)
                    || line.Contains("diagnostic suppressors were found", StringComparison.Ordinal)
                    || line.Contains("Done executing task", StringComparison.Ordinal)
                    || line.Contains("analyzers have enabled concurrent execution", StringComparison.Ordinal))
                {
                    break;
                }

                Match m = Row.Match(line);
                if (!m.Success)
                {
                    continue;
                }

                string time = m.Groups["time"].Value;
                bool below = time.StartsWith('<');
                double ms = below ? 0 : double.Parse(time, CultureInfo.InvariantCulture) * 1000.0;
                int gap = m.Groups["gap"].Value.Length;
                string name = m.Groups["name"].Value;
                if (assemblyGap < 0)
                {
                    assemblyGap = gap; // the first row is always an assembly
                }

                if (gap <= assemblyGap)
                {
                    assemblies.Add(new ReportAssembly(name.Split(',')[0].Trim(), ms, below));
                }
                else if (assemblies.Count > 0)
                {
                    int open = name.LastIndexOf(" (", StringComparison.Ordinal);
                    string type = open > 0 ? name.Substring(0, open) : name;
                    string ids = open > 0 && name.EndsWith(')') ? name.Substring(open + 2, name.Length - open - 3) : string.Empty;
                    assemblies[^1].Analyzers.Add(new ReportRow(type, ids, ms, below));
                }
            }

            return (totalMs, assemblies);
        }

        /// <summary>The Csc task's time in MSBuild's task performance summary (ms, summed over its calls).</summary>
        public static double? CscMilliseconds(IReadOnlyList<string> lines)
        {
            double? result = null;
            bool inSummary = false;
            foreach (string line in lines)
            {
                if (line.Contains("Task Performance Summary", StringComparison.Ordinal))
                {
                    inSummary = true;
                    result = null; // a later summary (the last one) wins
                    continue;
                }

                if (inSummary && CscSummary.Match(line) is { Success: true } m)
                {
                    result = double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture);
                }
            }

            return result;
        }

        /// <summary>Distinct diagnostics (file, line, column, id) per id whose id starts with <paramref name="prefix"/>.</summary>
        public static Dictionary<string, int> Diagnostics(IReadOnlyList<string> lines, string prefix)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string line in lines)
            {
                foreach (Match m in Diagnostic.Matches(line))
                {
                    string id = m.Groups["id"].Value;
                    if (!id.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (seen.Add($"{m.Groups["file"].Value}|{m.Groups["line"].Value}|{m.Groups["col"].Value}|{id}"))
                    {
                        counts[id] = counts.TryGetValue(id, out int n) ? n + 1 : 1;
                    }
                }
            }

            return counts;
        }
    }
}
