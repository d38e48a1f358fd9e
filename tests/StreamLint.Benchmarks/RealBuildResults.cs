using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace StreamLint.Benchmarks
{
    /// <summary>One measured build: the Csc task's time and the compiler's analyzer report.</summary>
    internal sealed class BuildSample
    {
        public const string StreamLintAssembly = "StreamLint.Analyzers";

        public BuildSample(double wallMs, double cscMs, double analyzersMs, List<ReportAssembly> assemblies, Dictionary<string, int> diagnostics, string loadBefore, string loadAfter, HostReading host, string log)
        {
            this.WallMs = wallMs;
            this.CscMs = cscMs;
            this.AnalyzersMs = analyzersMs;
            this.Assemblies = assemblies;
            this.Diagnostics = diagnostics;
            this.LoadBefore = loadBefore;
            this.LoadAfter = loadAfter;
            this.Host = host;
            this.Log = log;
        }

        public double WallMs { get; }

        public double CscMs { get; }

        /// <summary>"Total analyzer execution time": every analyzer of the build, summed.</summary>
        public double AnalyzersMs { get; }

        public List<ReportAssembly> Assemblies { get; }

        public Dictionary<string, int> Diagnostics { get; }

        public string LoadBefore { get; }

        public string LoadAfter { get; }

        public HostReading Host { get; }

        public string Log { get; }

        public ReportAssembly? StreamLint => this.Assemblies.FirstOrDefault(a => a.Name == StreamLintAssembly);

        public double StreamLintMs => this.StreamLint?.Ms ?? 0;

        public IEnumerable<ReportRow> StreamLintRows => this.StreamLint?.Analyzers ?? Enumerable.Empty<ReportRow>();

        public IEnumerable<ReportRow> PeerRows => this.Assemblies.Where(a => a.Name == RealBuild.PeerPackage).SelectMany(a => a.Analyzers);

        public IEnumerable<ReportRow> SdkRows => this.Assemblies.Where(a => a.Name.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal) && a.Name.EndsWith("NetAnalyzers", StringComparison.Ordinal)).SelectMany(a => a.Analyzers);

        public double PeerMeanMs => Mean(this.PeerRows.Select(r => r.Ms));

        public double PeerMedianMs => Measure.Median(this.PeerRows.Select(r => r.Ms).DefaultIfEmpty(0));

        public double SdkMeanMs => Mean(this.SdkRows.Select(r => r.Ms));

        public double SdkMedianMs => Measure.Median(this.SdkRows.Select(r => r.Ms).DefaultIfEmpty(0));

        public double Share => this.CscMs > 0 ? this.StreamLintMs / this.CscMs : 0;

        /// <summary>StreamLint's time by family, from the first diagnostic id of each analyzer (SL1 Spark, SL2 Streamiz, SL3 Kafka, SL9 options).</summary>
        public Dictionary<string, double> Families() =>
            this.StreamLintRows.GroupBy(r => RealBuildResult.FamilyOf(r.FirstId)).ToDictionary(g => g.Key, g => g.Sum(r => r.Ms), StringComparer.Ordinal);

        private static double Mean(IEnumerable<double> values)
        {
            var list = values.ToList();
            return list.Count == 0 ? 0 : list.Average();
        }
    }

    /// <summary>Medians over the measured builds of one corpus, size and mode.</summary>
    internal sealed class RealBuildResult
    {
        public static readonly string[] FamilyOrder = { "Spark (SL1xxx)", "Streamiz (SL2xxx)", "Kafka (SL3xxx)", "Options (SL9001)", "other" };

        public int Size { get; private set; }

        public string Corpus { get; private set; } = string.Empty;

        public string Mode { get; private set; } = string.Empty;

        public int Loc { get; private set; }

        public string Files { get; private set; } = string.Empty;

        public List<BuildSample> Builds { get; private set; } = new List<BuildSample>();

        /// <summary>The untimed builds before <see cref="Builds"/>.</summary>
        public int Warmups { get; private set; }

        public double WallMs => Measure.Median(this.Builds.Select(b => b.WallMs));

        public double CscMs => Measure.Median(this.Builds.Select(b => b.CscMs));

        public double AnalyzersMs => Measure.Median(this.Builds.Select(b => b.AnalyzersMs));

        public double StreamLintMs => Measure.Median(this.Builds.Select(b => b.StreamLintMs));

        /// <summary>Median over builds of each build's StreamLint ÷ Csc.</summary>
        public double Share => Measure.Median(this.Builds.Select(b => b.Share));

        public int RuleCount => this.Builds.SelectMany(b => b.StreamLintRows).SelectMany(r => r.Ids.Split(',')).Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).Count();

        public double StreamLintMsPerRule => this.RuleCount == 0 ? 0 : this.StreamLintMs / this.RuleCount;

        public double PeerMeanMs => Measure.Median(this.Builds.Select(b => b.PeerMeanMs));

        public double PeerMedianMs => Measure.Median(this.Builds.Select(b => b.PeerMedianMs));

        public int PeerAnalyzers => this.Builds.Max(b => b.PeerRows.Count());

        public double SdkMeanMs => Measure.Median(this.Builds.Select(b => b.SdkMeanMs));

        public double SdkMedianMs => Measure.Median(this.Builds.Select(b => b.SdkMedianMs));

        public int SdkAnalyzers => this.Builds.Max(b => b.SdkRows.Count());

        public Dictionary<string, int> Diagnostics => this.Builds[0].Diagnostics;

        public int PlantedSL1001 { get; private set; }

        public int PlantedSL1010 { get; private set; }

        /// <summary>Each StreamLint analyzer (short name and ids) with its median ms; analyzers missing from a build count 0.</summary>
        public List<(string Name, string Ids, double Ms)> PerAnalyzer =>
            this.Builds.SelectMany(b => b.StreamLintRows).GroupBy(r => r.Name).Select(g => (g.First().ShortName, g.First().Ids, Measure.Median(this.Builds.Select(b => b.StreamLintRows.FirstOrDefault(r => r.Name == g.Key)?.Ms ?? 0))))
                .OrderBy(p => p.Item2, StringComparer.Ordinal).ToList();

        public Dictionary<string, double> Families =>
            FamilyOrder.ToDictionary(f => f, f => Measure.Median(this.Builds.Select(b => b.Families().TryGetValue(f, out double ms) ? ms : 0)), StringComparer.Ordinal);

        public static string FamilyOf(string id) =>
            id.StartsWith("SL1", StringComparison.Ordinal) ? FamilyOrder[0]
            : id.StartsWith("SL2", StringComparison.Ordinal) ? FamilyOrder[1]
            : id.StartsWith("SL3", StringComparison.Ordinal) ? FamilyOrder[2]
            : id.StartsWith("SL9", StringComparison.Ordinal) ? FamilyOrder[3]
            : FamilyOrder[4];

        public static RealBuildResult From(int size, string corpusKind, string mode, int loc, List<GeneratedFile> files, Corpus corpus, List<BuildSample> builds, int warmups) => new RealBuildResult
        {
            Size = size,
            Corpus = corpusKind,
            Mode = mode,
            Loc = loc,
            Files = $"{files.Count} ({string.Join("/", new[] { FileKind.Spark, FileKind.Streamiz, FileKind.Kafka, FileKind.Business }.Select(k => files.Count(f => f.Kind == k)))})",
            Builds = builds,
            Warmups = warmups,
            PlantedSL1001 = corpusKind == "streaming" ? corpus.ExpectedSL1001 : 0,
            PlantedSL1010 = corpusKind == "streaming" ? corpus.ExpectedSL1010 : 0,
        };

        public static string Ms(double ms, string format = "0") => ms <= 0 ? "<1" : ms.ToString(format, CultureInfo.InvariantCulture);

        public Dictionary<string, object?> ToJson() => new Dictionary<string, object?>
        {
            ["size"] = this.Size,
            ["corpus"] = this.Corpus,
            ["mode"] = this.Mode,
            ["loc"] = this.Loc,
            ["files"] = this.Files,
            ["builds"] = this.Builds.Count,
            ["warmup_builds"] = this.Warmups,
            ["build_wall_ms"] = Program.Round(this.WallMs),
            ["csc_ms"] = Program.Round(this.CscMs),
            ["all_analyzers_ms"] = Program.Round(this.AnalyzersMs),
            ["streamlint_ms"] = Program.Round(this.StreamLintMs),
            ["streamlint_share_of_csc"] = Math.Round(this.Share, 6),
            ["streamlint_rule_count"] = this.RuleCount,
            ["streamlint_ms_per_rule"] = Program.Round(this.StreamLintMsPerRule),
            ["peer_analyzers"] = this.PeerAnalyzers,
            ["peer_ms_per_analyzer_mean"] = Program.Round(this.PeerMeanMs),
            ["peer_ms_per_analyzer_median"] = Program.Round(this.PeerMedianMs),
            ["sdk_analyzers"] = this.SdkAnalyzers,
            ["sdk_ms_per_analyzer_mean"] = Program.Round(this.SdkMeanMs),
            ["sdk_ms_per_analyzer_median"] = Program.Round(this.SdkMedianMs),
            ["streamlint_ms_per_analyzer"] = this.PerAnalyzer.ToDictionary(p => $"{p.Name} ({p.Ids})", p => (object?)Program.Round(p.Ms)),
            ["streamlint_ms_per_family"] = this.Families.ToDictionary(p => p.Key, p => (object?)Program.Round(p.Value)),
            ["diagnostics"] = this.Diagnostics,
            ["planted"] = new Dictionary<string, int> { ["SL1001"] = this.PlantedSL1001, ["SL1010"] = this.PlantedSL1010 },
            ["samples"] = this.Builds.Select(b => new Dictionary<string, object?>
            {
                ["wall_ms"] = Program.Round(b.WallMs),
                ["csc_ms"] = Program.Round(b.CscMs),
                ["streamlint_ms"] = Program.Round(b.StreamLintMs),
                ["peer_mean_ms"] = Program.Round(b.PeerMeanMs),
                ["load_average_before"] = b.LoadBefore,
                ["load_average_after"] = b.LoadAfter,
                ["quiet_wait_ms"] = Program.Round(b.Host.QuietWait.TotalMilliseconds),
                ["idle_share_before"] = b.Host.IdleBefore is { } idle ? Math.Round(idle, 4) : null,
                ["steal_share_during"] = b.Host.StealDuring is { } steal ? Math.Round(steal, 4) : null,
                ["log"] = b.Log,
            }).ToArray(),
        };
    }

    /// <summary>
    /// The machine around one build (<see cref="HostCpu"/>): how long the build waited for a quiet machine, how idle the
    /// machine was just before it started, and the share of CPU time the hypervisor took during it.
    /// </summary>
    internal sealed record HostReading(TimeSpan QuietWait, double? IdleBefore, double? StealDuring);

    internal sealed record RealBudget(string Name, string Description, string Limit, string Measured, string Status);
}
