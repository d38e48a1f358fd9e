using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace StreamLint.Benchmarks
{
    /// <summary>The real-build mode's budgets, markdown report and JSON.</summary>
    internal static partial class RealBuild
    {
        /// <summary>The report's resolution: it prints seconds with three decimals, and <c>&lt;0.001</c> below that.</summary>
        private const double ResolutionMs = 1.0;

        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        private static IEnumerable<RealBudget> Budgets(List<RealBuildResult> results)
        {
            foreach (RealBuildResult r in results.Where(r => r.Corpus == "streaming"))
            {
                double limit = r.Size >= 50_000 ? 0.02 : 0.03;
                string where = $"{r.Size / 1000}k, {r.Mode}";
                yield return new RealBudget(
                    "share",
                    $"StreamLint's analyzer time ÷ the Csc task's time, streaming corpus ({where})",
                    limit.ToString("P0", Inv),
                    $"{r.Share:P2} ({RealBuildResult.Ms(r.StreamLintMs)} of {r.CscMs:0} ms)",
                    r.Share <= limit ? "PASS" : "FAIL");
                yield return new RealBudget(
                    "per_rule",
                    $"StreamLint's time ÷ its rule count vs the peer's mean per analyzer ({where})",
                    "<= peer mean",
                    $"{r.StreamLintMsPerRule:0.00} ms/rule vs {r.PeerMeanMs:0.00} ms ({r.RuleCount} rules, {r.PeerAnalyzers} peer analyzers; slowest rule {r.PerAnalyzer.OrderByDescending(p => p.Ms).Select(p => $"{p.Name} {RealBuildResult.Ms(p.Ms)} ms").FirstOrDefault()})",
                    r.StreamLintMsPerRule <= r.PeerMeanMs ? "PASS" : "FAIL");
            }

            foreach (RealBuildResult r in results.Where(r => r.Corpus == "no-reference"))
            {
                string where = $"{r.Size / 1000}k, {r.Mode}";
                bool below = r.StreamLintMs <= 0;
                yield return new RealBudget(
                    "no_reference",
                    $"No streaming library referenced: StreamLint's total ({where})",
                    "<= 2 ms",
                    below ? "< 1 ms (below the report's resolution)" : $"{r.StreamLintMs:0} ms",
                    below || r.StreamLintMs <= 2.0 ? "PASS" : "FAIL");

                var slowest = r.PerAnalyzer.OrderByDescending(p => p.Ms).FirstOrDefault();
                bool allBelow = r.PerAnalyzer.All(p => p.Ms <= 0);
                yield return new RealBudget(
                    "idle_analyzer",
                    $"No streaming library referenced: every StreamLint analyzer ({where})",
                    "<= 0.1 ms",
                    allBelow ? $"every one < 1 ms (the report's resolution; their sum {(below ? "< 1 ms" : r.StreamLintMs.ToString("0", Inv) + " ms")})" : $"{slowest.Name} {slowest.Ms:0} ms",
                    allBelow ? "INCONCLUSIVE" : "FAIL");
            }
        }

        private static string Summary(List<RealBuildResult> results, List<RealBudget> budgets)
        {
            int pass = budgets.Count(b => b.Status == "PASS");
            var failed = budgets.Where(b => b.Status == "FAIL").Select(b => b.Name).Distinct().ToList();
            int inconclusive = budgets.Count(b => b.Status == "INCONCLUSIVE");
            string headline = string.Join("; ", results.Where(r => r.Corpus == "streaming").Select(r =>
                $"{r.Size / 1000}k {r.Mode}: StreamLint {RealBuildResult.Ms(r.StreamLintMs)} ms = {r.Share:P2} of Csc {r.CscMs:0} ms, {r.StreamLintMsPerRule:0.00} ms/rule vs peer mean {r.PeerMeanMs:0.00}"));
            string noRef = string.Join(", ", results.Where(r => r.Corpus == "no-reference").Select(r => $"{r.Size / 1000}k {r.Mode} {RealBuildResult.Ms(r.StreamLintMs)} ms"));
            return $"SUMMARY real-build: {pass}/{budgets.Count} budgets pass"
                + (failed.Count > 0 ? $" (failed: {string.Join(", ", failed)})" : string.Empty)
                + (inconclusive > 0 ? $", {inconclusive} inconclusive at the report's 1 ms resolution" : string.Empty)
                + $"; {headline}" + (noRef.Length > 0 ? $"; no-reference StreamLint {noRef}" : string.Empty);
        }

        private static string Markdown(List<RealBuildResult> results, List<RealBudget> budgets, string sdk, string version, string loadBefore, string loadAfter, Options options)
        {
            var md = new StringBuilder();
            md.AppendLine($"### Real build, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            md.AppendLine();
            md.AppendLine($"{Environment.ProcessorCount} cores, .NET SDK {sdk}, `dotnet build -c Release --no-incremental -p:ReportAnalyzer=true`; StreamLint {version} from a local feed, peer {PeerPackage} {PeerVersion}, "
                + $"the SDK's NetAnalyzers on as in every project; Streamiz.Kafka.Net {StreamizVersion} and Confluent.Kafka {ConfluentVersion} referenced by the streaming corpus; "
                + $"medians of {options.Reps} builds after untimed ones (column *warm-ups*: at least {options.WarmupsFor("cold")} cold and {options.WarmupsFor("warm")} warm, warm ones continued until two builds in a row took at least nine tenths of the Csc time before them); *cold* = `-p:UseSharedCompilation=false` (a new compiler process loads every analyzer, as in CI), "
                + $"*warm* = a compiler server of the benchmark's own, already running with the analyzers loaded. Load average before {loadBefore}, after {loadAfter}. "
                + "Each build starts once the machine has been at least 95 % idle for a second (at most 30 s of waiting); *idle before* is the lowest such reading of the row's builds, *steal* the highest share of CPU time the hypervisor took during one of them (/proc/stat).");
            md.AppendLine();
            md.AppendLine("| LOC | corpus | mode | warm-ups | files (Spark/Streamiz/Kafka/other) | build s | Csc ms | all analyzers ms | StreamLint ms | share of Csc | ms/rule | peer mean / median ms | SDK analyzers mean / median ms | load (first build → last) | idle before | steal |");
            md.AppendLine("|---:|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
            foreach (RealBuildResult r in results)
            {
                md.AppendLine($"| {r.Loc:N0} | {r.Corpus} | {r.Mode} | {r.Warmups} | {r.Files} | {r.WallMs / 1000:0.0} | {r.CscMs:0} | {r.AnalyzersMs:0} | {RealBuildResult.Ms(r.StreamLintMs)} | {r.Share:P2} | {r.StreamLintMsPerRule:0.00} | {r.PeerMeanMs:0.00} / {RealBuildResult.Ms(r.PeerMedianMs, "0.0")} ({r.PeerAnalyzers}) | {r.SdkMeanMs:0.00} / {RealBuildResult.Ms(r.SdkMedianMs, "0.0")} ({r.SdkAnalyzers}) | {r.Builds[0].LoadBefore} → {r.Builds[^1].LoadAfter} | {Percent(r.Builds.Min(b => b.Host.IdleBefore))} | {Percent(r.Builds.Max(b => b.Host.StealDuring))} |");
            }

            md.AppendLine();
            var columns = results.Select(r => (Result: r, Header: $"{r.Size / 1000}k {r.Corpus} {r.Mode}")).ToList();
            md.AppendLine("| StreamLint analyzer (ms; <1 = below the report's resolution) | " + string.Join(" | ", columns.Select(c => c.Header)) + " |");
            md.AppendLine("|---|" + string.Concat(columns.Select(_ => "---:|")));
            var names = results.SelectMany(r => r.PerAnalyzer).Select(p => (p.Name, p.Ids)).Distinct().OrderBy(p => p.Ids, StringComparer.Ordinal).ToList();
            foreach (var (name, ids) in names)
            {
                md.AppendLine($"| {name} ({ids}) | " + string.Join(" | ", columns.Select(c =>
                {
                    var row = c.Result.PerAnalyzer.FirstOrDefault(p => p.Name == name);
                    string value = row.Name is null ? "–" : RealBuildResult.Ms(row.Ms);
                    return c.Result.Corpus == "streaming" && row.Ms > c.Result.PeerMeanMs ? $"**{value}**" : value;
                })) + " |");
            }

            foreach (string family in RealBuildResult.FamilyOrder)
            {
                if (results.Any(r => r.Families[family] > 0) || results.Any(r => r.PerAnalyzer.Any(p => RealBuildResult.FamilyOf(p.Ids.Split(',')[0].Trim()) == family)))
                {
                    md.AppendLine($"| family: {family} | " + string.Join(" | ", columns.Select(c => RealBuildResult.Ms(c.Result.Families[family]))) + " |");
                }
            }

            md.AppendLine("| diagnostics SL1001 / SL1010 (planted) | " + string.Join(" | ", columns.Select(c => $"{Count(c.Result, "SL1001")} / {Count(c.Result, "SL1010")} ({c.Result.PlantedSL1001} / {c.Result.PlantedSL1010})")) + " |");
            md.AppendLine("| StreamLint diagnostics (all ids) | " + string.Join(" | ", columns.Select(c => c.Result.Diagnostics.Values.Sum().ToString(Inv))) + " |");
            md.AppendLine();
            md.AppendLine("Bold: a rule above the peer's mean per analyzer in the same builds.");
            md.AppendLine();
            md.AppendLine("| budget | limit | measured | result |");
            md.AppendLine("|---|---|---|---|");
            foreach (RealBudget b in budgets)
            {
                md.AppendLine($"| {b.Description} | {b.Limit} | {b.Measured} | {b.Status} |");
            }

            return md.ToString();
        }

        private static int Count(RealBuildResult r, string id) => r.Diagnostics.TryGetValue(id, out int n) ? n : 0;

        private static string Json(List<RealBuildResult> results, List<RealBudget> budgets, List<(int Size, AllocationReport Report)> allocations, string sdk, string version, string loadBefore, string loadAfter, Options options, string summary, TimeSpan elapsed)
        {
            var root = new Dictionary<string, object?>
            {
                ["mode"] = "real-build",
                ["date_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", Inv),
                ["machine"] = new Dictionary<string, object?>
                {
                    ["cores"] = Environment.ProcessorCount,
                    ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
                    ["sdk"] = sdk,
                    ["load_average_before"] = loadBefore,
                    ["load_average_after"] = loadAfter,
                },
                ["streamlint_version"] = version,
                ["peer"] = new Dictionary<string, object?> { ["package"] = PeerPackage, ["version"] = PeerVersion },
                ["streaming_packages"] = new Dictionary<string, object?> { ["Streamiz.Kafka.Net"] = StreamizVersion, ["Confluent.Kafka"] = ConfluentVersion, ["Microsoft.Spark"] = "reference stub (DLL reference)" },
                ["repetitions"] = options.Reps,
                ["warmup_builds_cold_min"] = options.WarmupsFor("cold"),
                ["warmup_builds_warm_min"] = options.WarmupsFor("warm"),
                ["report_resolution_ms"] = ResolutionMs,
                ["note"] = "times from the compiler's -p:ReportAnalyzer=true report (1 ms resolution, 0 = '<0.001 s') and MSBuild's task performance summary (Csc); medians over builds",
                ["results"] = results.Select(r => r.ToJson()).ToArray(),
                ["budgets"] = budgets.Select(b => new Dictionary<string, object?>
                {
                    ["name"] = b.Name,
                    ["description"] = b.Description,
                    ["limit"] = b.Limit,
                    ["measured"] = b.Measured,
                    ["status"] = b.Status,
                    ["pass"] = b.Status == "PASS",
                }).ToArray(),
                ["allocations"] = allocations.Select(a => new Dictionary<string, object?>
                {
                    ["size"] = a.Size,
                    ["traced_builds"] = a.Report.Builds,
                    ["sampled_mb"] = Program.Round(a.Report.TotalBytes / 1e6),
                    ["streamlint_mb"] = Program.Round(a.Report.StreamLintBytes / 1e6),
                    ["top_sites"] = a.Report.TopSites.Select(s => new Dictionary<string, object?> { ["site"] = s.Site, ["mb"] = Program.Round(s.Bytes / 1e6) }).ToArray(),
                }).ToArray(),
                ["elapsed_s"] = Program.Round(elapsed.TotalSeconds),
                ["summary"] = summary,
            };
            return JsonSerializer.Serialize(root, new JsonSerializerOptions { WriteIndented = true }) + "\n";
        }
    }
}
