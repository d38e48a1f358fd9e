using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StreamLint.Benchmarks
{
    /// <summary>
    /// StreamLint's performance benchmark (docs/performance.md). Generates seeded corpora, measures the compiler's own
    /// cost, StreamLint's analyzers (total and per rule) and the peer package's analyzers in the same run, the cost
    /// when Microsoft.Spark is not referenced, and one document's IDE latency; then checks the budgets.
    /// </summary>
    internal static class Program
    {
        private const int Seed = 20240611;
        private const int IdeDocumentLines = 2000;

        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        private static async Task<int> Main(string[] args)
        {
            Options options;
            try
            {
                options = Options.Parse(args);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine("usage: StreamLint.Benchmarks [--quick] [--json PATH] [--markdown PATH] [--sizes 10000,50000] [--reps N] [--ide-runs N] [--strict]");
                Console.Error.WriteLine("       StreamLint.Benchmarks --real-build [--sizes 10000,50000] [--reps N] [--warmups N] [--modes cold,warm] [--corpora streaming,no-reference] [--json PATH] [--markdown PATH] [--work DIR] [--keep] [--binlog] [--allocations] [--package-feed DIR --package-version V] [--strict]");
                return 2;
            }

            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            if (options.RealBuild)
            {
                return await RealBuild.RunAsync(options);
            }

            var total = Stopwatch.StartNew();
            string loadBefore = LoadAverage();
            ImmutableArray<DiagnosticAnalyzer> streamLint = Analyzers.StreamLint();
            int ruleCount = Analyzers.RuleCount(streamLint);
            ImmutableArray<DiagnosticAnalyzer> peer = Analyzers.Peer(out int peerTotal);
            ImmutableArray<DiagnosticAnalyzer> both = streamLint.AddRange(peer);
            Log($"StreamLint: {streamLint.Length} analyzers, {ruleCount} rules; peer {Analyzers.PeerPackage} {Analyzers.PeerVersion}: {peer.Length} of {peerTotal} analyzers enabled by default");
            Log($"mode: {(options.Quick ? "quick" : "full")}, sizes {string.Join(", ", options.Sizes)}, {options.Reps} repetitions, load average {loadBefore}");

            if (options.Profile)
            {
                await ProfileAsync(options, streamLint);
                return 0;
            }

            var sizes = new List<SizeResult>();
            bool warmedUp = false;
            foreach (int size in options.Sizes)
            {
                var watch = Stopwatch.StartNew();
                Corpus corpus = CorpusGenerator.Generate(size, Seed);
                IReadOnlyList<GeneratedFile> trees = corpus.Files;
                List<GeneratedFile> noSpark = corpus.WithoutStreaming.ToList();
                Compiler.EnsureNoErrors(Compiler.Create(Compiler.Parse(trees), withLibraries: true), $"{size}-line corpus");
                Compiler.EnsureNoErrors(Compiler.Create(Compiler.Parse(noSpark), withLibraries: false), $"{size}-line corpus without streaming code");
                Log($"{size}: {corpus.Lines} lines in {corpus.Files.Count} files (Spark {corpus.Count(FileKind.Spark)}, Streamiz {corpus.Count(FileKind.Streamiz)}, Kafka {corpus.Count(FileKind.Kafka)}, business {corpus.Count(FileKind.Business)}); no-reference variant {corpus.WithoutStreaming.Sum(f => f.Lines)} lines");

                if (!warmedUp)
                {
                    // JIT and tiering warm-up: untimed rounds of everything on the first corpus, enough for the hot
                    // methods (Roslyn's and the analyzers') to reach optimized code before anything is measured.
                    for (int i = 0; i < 2; i++)
                    {
                        Measure.CompileMilliseconds(trees, withLibraries: true);
                        await Measure.RunAnalyzersAsync(trees, withLibraries: true, both);
                        await Measure.RunAnalyzersAsync(noSpark, withLibraries: false, streamLint);
                    }

                    warmedUp = true;
                }

                var compile = new List<double>();
                for (int i = 0; i < options.Reps; i++)
                {
                    compile.Add(Measure.CompileMilliseconds(trees, withLibraries: true));
                }

                var runs = new List<AnalyzerRun>();
                for (int i = 0; i < options.Reps; i++)
                {
                    runs.Add(await Measure.RunAnalyzersAsync(trees, withLibraries: true, both));
                }

                // StreamLint on its own, for comparison: the budgets use the run with the peer (same work, same run).
                // Skipped in quick mode, which must stay under 3 minutes on 2 cores.
                var alone = new List<double>();
                for (int i = 0; i < (options.Quick ? 0 : options.Reps); i++)
                {
                    alone.Add((await Measure.RunAnalyzersAsync(trees, withLibraries: true, streamLint)).Total(streamLint));
                }

                var noRef = new List<double>();
                for (int i = 0; i < options.Reps; i++)
                {
                    noRef.Add((await Measure.RunAnalyzersAsync(noSpark, withLibraries: false, streamLint)).Total(streamLint));
                }

                SizeResult result = SizeResult.From(size, corpus, compile, runs, alone, noRef, streamLint, peer, ruleCount);
                sizes.Add(result);
                Log($"{size}: compile {result.CompileMs:0} ms, StreamLint {result.StreamLintMs:0.0} ms ({result.Share:P2}), per rule {result.StreamLintMsPerRule:0.00} ms vs peer median {result.PeerMedianMs:0.00} ms, no-ref {result.NoReferenceMs:0.000} ms; {watch.Elapsed.TotalSeconds:0} s");
                foreach (string problem in result.Problems)
                {
                    Log("warning: " + problem);
                }
            }

            IdeResult ide = await MeasureIdeAsync(options, streamLint);
            Log($"IDE: StreamLint median {ide.MedianMs:0.00} ms, p95 {ide.P95Ms:0.00} ms; beside an operation-block analyzer median {ide.BesideMedianMs:0.00} ms, p95 {ide.BesideP95Ms:0.00} ms; request wall clock median {ide.WallMedianMs:0.00} ms, p95 {ide.WallP95Ms:0.00} ms; floor median {ide.FloorMedianMs:0.00} ms, p95 {ide.FloorP95Ms:0.00} ms");

            string loadAfter = LoadAverage();
            var budgets = Budgets(sizes, ide).ToList();
            string summary = Summary(sizes, ide, budgets, options);
            string markdown = Markdown(sizes, ide, budgets, streamLint, peer.Length, ruleCount, options, loadBefore, loadAfter);

            if (options.Json is { } jsonPath)
            {
                WriteJson(jsonPath, sizes, ide, budgets, streamLint, peer.Length, peerTotal, ruleCount, options, loadBefore, loadAfter, summary, total.Elapsed);
                Log($"wrote {jsonPath}");
            }

            if (options.Markdown is { } markdownPath)
            {
                WriteFile(markdownPath, markdown + "\n" + summary + "\n");
                Log($"wrote {markdownPath}");
            }

            Log($"finished in {total.Elapsed.TotalSeconds:0} s");
            Console.WriteLine(markdown);
            Console.WriteLine(summary);
            return options.Strict && budgets.Any(b => !b.Pass) ? 1 : 0;
        }

        /// <summary>
        /// <c>--profile</c>: each StreamLint analyzer alone, and probes that do no work, on the first size — where
        /// StreamLint's time goes, and how much of it the driver charges for the registration shape alone.
        /// </summary>
        private static async Task ProfileAsync(Options options, ImmutableArray<DiagnosticAnalyzer> streamLint)
        {
            int size = options.Sizes[0];
            Corpus corpus = CorpusGenerator.Generate(size, Seed);
            IReadOnlyList<GeneratedFile> trees = corpus.Files;
            List<GeneratedFile> noSpark = corpus.WithoutStreaming.ToList();
            var sets = new List<(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, bool Spark)>();
            sets.AddRange(Probes.All.Select(p => ("probe: " + p.Name, ImmutableArray.Create(p.Analyzer), true)));
            sets.AddRange(streamLint.Select(a => (Analyzers.NameOf(a), ImmutableArray.Create(a), true)));
            sets.AddRange(streamLint.Select(a => (Analyzers.NameOf(a) + ", no Spark reference", ImmutableArray.Create(a), false)));
            sets.Add(("StreamLint (all)", streamLint, true));
            sets.Add(("StreamLint (all) with the peer (StreamLint's share shown)", streamLint.AddRange(Analyzers.Peer(out _)), true));
            sets.Add(("the peer then StreamLint (StreamLint's share shown)", Analyzers.Peer(out _).AddRange(streamLint), true));
            sets.Add(("StreamLint (all), no Spark reference", streamLint, false));

            if (Environment.GetEnvironmentVariable("STREAMLINT_PROFILE_ONLY") is { Length: > 0 } only)
            {
                sets.RemoveAll(set => !set.Name.Contains(only, StringComparison.Ordinal));
            }

            // Warm-up, as in the main run.
            for (int i = 0; i < 2; i++)
            {
                await Measure.RunAnalyzersAsync(trees, withLibraries: true, streamLint);
            }

            Console.WriteLine($"| {size / 1000}k lines, telemetry ms (median of {options.Reps}) | total (min) | per analyzer | wall ms |");
            Console.WriteLine("|---|---:|---|---:|");
            foreach (var set in sets)
            {
                IReadOnlyList<GeneratedFile> input = set.Spark ? trees : noSpark;
                await Measure.RunAnalyzersAsync(input, set.Spark, set.Analyzers);
                var runs = new List<AnalyzerRun>();
                var wall = new List<double>();
                long allocated0 = GC.GetTotalAllocatedBytes();
                TimeSpan pause0 = GC.GetTotalPauseDuration();
                int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
                for (int i = 0; i < options.Reps; i++)
                {
                    var watch = Stopwatch.StartNew();
                    runs.Add(await Measure.RunAnalyzersAsync(input, set.Spark, set.Analyzers));
                    wall.Add(watch.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine($"   allocated per run {(GC.GetTotalAllocatedBytes() - allocated0) / options.Reps / 1048576.0:0} MB; GC per run: pause {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds / options.Reps:0} ms, gen0 {(GC.CollectionCount(0) - gen0) / (double)options.Reps:0.0}, gen1 {(GC.CollectionCount(1) - gen1) / (double)options.Reps:0.0}, gen2 {(GC.CollectionCount(2) - gen2) / (double)options.Reps:0.0}");

                var shown = set.Analyzers.Where(a => streamLint.Contains(a) || !set.Name.Contains("peer", StringComparison.Ordinal)).ToList();
                string per = string.Join(", ", shown.Select(a => $"{Analyzers.NameOf(a)} {Measure.Median(runs.Select(r => r.Milliseconds[a])):0.000}"));
                Console.WriteLine($"| {set.Name} | {Measure.Median(runs.Select(r => r.Total(shown))):0.000} (min {runs.Min(r => r.Total(shown)):0.000}) | {per} | {Measure.Median(wall):0} |");
            }
        }

        private static async Task<IdeResult> MeasureIdeAsync(Options options, ImmutableArray<DiagnosticAnalyzer> streamLint)
        {
            // The project around the document: the 10k-line streaming-heavy corpus (the document is parsed into it).
            Corpus project = CorpusGenerator.Generate(10_000, Seed);
            GeneratedFile document = CorpusGenerator.StreamingDocument(IdeDocumentLines, Seed + 1);
            ImmutableArray<SyntaxTree> trees = Compiler.Parse(project.Files.Append(document));
            SyntaxTree documentTree = trees[trees.Length - 1];
            Compilation compilation = Compiler.Create(trees, withLibraries: true);
            Compiler.EnsureNoErrors(compilation, "IDE project");

            // The floor: the same request with a do-nothing analyzer of the same registration shape (an operation block
            // action), which makes the driver build the document's operation trees just the same.
            // Beside: StreamLint with that analyzer in the same request, as in an IDE, whose own analyzers have the
            // driver build every member's operation tree anyway; StreamLint's telemetry then holds its own work, not
            // the binding it would otherwise be first to ask for.
            ImmutableArray<DiagnosticAnalyzer> floorProbe = ImmutableArray.Create(Probes.OperationBlockProbe);
            ImmutableArray<DiagnosticAnalyzer> beside = streamLint.Add(Probes.OperationBlockProbe);
            var wall = new List<double>();
            var execution = new List<double>();
            var floor = new List<double>();
            var besideExecution = new List<double>();
            for (int run = 0; run < options.IdeWarmup + options.IdeRuns; run++)
            {
                (double w, double e) = await Measure.DocumentLatencyAsync(compilation, documentTree, run, streamLint);
                (double f, _) = await Measure.DocumentLatencyAsync(compilation, documentTree, run, floorProbe);
                (_, double b) = await Measure.DocumentLatencyAsync(compilation, documentTree, run, beside, measured: streamLint);
                if (run >= options.IdeWarmup)
                {
                    wall.Add(w);
                    execution.Add(e);
                    floor.Add(f);
                    besideExecution.Add(b);
                }
            }

            return new IdeResult(
                document.Lines,
                project.Lines + document.Lines,
                options.IdeRuns,
                Measure.Median(wall),
                Measure.Percentile(wall, 95),
                Measure.Median(execution),
                Measure.Percentile(execution, 95),
                Measure.Median(floor),
                Measure.Percentile(floor, 95),
                Measure.Median(besideExecution),
                Measure.Percentile(besideExecution, 95));
        }

        private static IEnumerable<Budget> Budgets(List<SizeResult> sizes, IdeResult ide)
        {
            SizeResult worstShare = sizes.OrderByDescending(s => s.Share).First();
            yield return new Budget(
                "share",
                "StreamLint total <= 2% of compile time, streaming-heavy corpus, every size",
                "<= 2%",
                $"{worstShare.Share:P2} (worst, at {worstShare.Loc / 1000}k)",
                sizes.All(s => s.Share <= 0.02));

            SizeResult worstRule = sizes.OrderByDescending(s => s.StreamLintMsPerRule / s.PeerMedianMs).First();
            yield return new Budget(
                "per_rule",
                "StreamLint total / rule count <= peer median per analyzer, every size",
                "<= peer median",
                $"{worstRule.StreamLintMsPerRule:0.00} ms vs {worstRule.PeerMedianMs:0.00} ms (worst ratio, at {worstRule.Loc / 1000}k)",
                sizes.All(s => s.StreamLintMsPerRule <= s.PeerMedianMs));

            SizeResult worstNoRef = sizes.OrderByDescending(s => s.NoReferenceMs).First();
            yield return new Budget(
                "no_reference",
                "No streaming library referenced: StreamLint total <= 1 ms per compilation, every size",
                "<= 1 ms",
                $"{worstNoRef.NoReferenceMs:0.000} ms (worst, at {worstNoRef.Loc / 1000}k)",
                sizes.All(s => s.NoReferenceMs <= 1.0));

            SizeResult smallest = sizes.OrderBy(s => s.Loc).First();
            SizeResult largest = sizes.OrderBy(s => s.Loc).Last();
            double ratio = largest.MicrosecondsPerKloc / smallest.MicrosecondsPerKloc;
            yield return new Budget(
                "scaling",
                $"µs per kLOC at the largest size within 1.25x of the smallest ({largest.Loc / 1000}k vs {smallest.Loc / 1000}k)",
                "<= 1.25x",
                $"{ratio:0.00}x ({largest.MicrosecondsPerKloc:0} vs {smallest.MicrosecondsPerKloc:0} µs/kLOC)",
                ratio <= 1.25);

            yield return new Budget(
                "ide_p95",
                $"One {ide.DocumentLines}-line streaming document's semantic diagnostics: StreamLint's time p95 <= 15 ms, beside an analyzer that has the driver build the document's operation trees, as an IDE's own analyzers do",
                "<= 15 ms",
                $"{ide.BesideP95Ms:0.00} ms (median {ide.BesideMedianMs:0.00} ms; alone, charged the binding too: p95 {ide.P95Ms:0.00} ms, median {ide.MedianMs:0.00} ms)",
                ide.BesideP95Ms <= 15.0);
        }

        private static string Summary(List<SizeResult> sizes, IdeResult ide, List<Budget> budgets, Options options)
        {
            SizeResult largest = sizes.OrderBy(s => s.Loc).Last();
            int passed = budgets.Count(b => b.Pass);
            string failed = passed == budgets.Count ? string.Empty : " (failed: " + string.Join(", ", budgets.Where(b => !b.Pass).Select(b => b.Name)) + ")";
            return string.Create(Inv, $"SUMMARY {(options.Quick ? "quick" : "full")}: {passed}/{budgets.Count} budgets pass{failed}; at {largest.Loc / 1000}k LOC StreamLint {largest.StreamLintMs:0.0} ms = {largest.Share:P2} of compile {largest.CompileMs:0} ms, {largest.StreamLintMsPerRule:0.00} ms/rule vs peer median {largest.PeerMedianMs:0.00} ms/analyzer; no-ref max {sizes.Max(s => s.NoReferenceMs):0.000} ms; IDE p95 {ide.BesideP95Ms:0.00} ms");
        }

        private static string Markdown(
            List<SizeResult> sizes,
            IdeResult ide,
            List<Budget> budgets,
            ImmutableArray<DiagnosticAnalyzer> streamLint,
            int peerCount,
            int ruleCount,
            Options options,
            string loadBefore,
            string loadAfter)
        {
            var md = new StringBuilder();
            md.AppendLine(Inv, $"## StreamLint benchmark ({(options.Quick ? "quick" : "full")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
            md.AppendLine();
            md.AppendLine(Inv, $"{Environment.ProcessorCount} cores, {RuntimeDescription()}, Roslyn {typeof(Compilation).Assembly.GetName().Version}, peer {Analyzers.PeerPackage} {Analyzers.PeerVersion} ({peerCount} default-enabled analyzers), StreamLint {streamLint.Length} analyzers / {ruleCount} rules; load average before {loadBefore}, after {loadAfter}; medians of {options.Reps} repetitions after a warm-up; each measured run inside a no-GC region ({Measure.RunsWithGc} of {Measure.Runs} runs were interrupted by a collection anyway).");
            md.AppendLine();
            md.AppendLine("| LOC | files (Spark/Streamiz/Kafka/other) | compile ms | StreamLint ms | share | StreamLint ms/rule | peer median ms/analyzer | µs/kLOC | no-reference LOC | no-reference StreamLint ms |");
            md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (SizeResult s in sizes)
            {
                md.AppendLine(Inv, $"| {s.Loc:N0} | {s.Files} ({s.SparkFiles}/{s.StreamizFiles}/{s.KafkaFiles}/{s.Files - s.SparkFiles - s.StreamizFiles - s.KafkaFiles}) | {s.CompileMs:0} | {s.StreamLintMs:0.0} | {s.Share:P2} | {s.StreamLintMsPerRule:0.00} | {s.PeerMedianMs:0.00} | {s.MicrosecondsPerKloc:0} | {s.NoReferenceLoc:N0} | {s.NoReferenceMs:0.000} |");
            }

            md.AppendLine();
            md.AppendLine("| analyzer (ms) | " + string.Join(" | ", sizes.Select(s => $"{s.Loc / 1000}k")) + " |");
            md.AppendLine("|---|" + string.Concat(sizes.Select(_ => "---:|")));
            foreach (DiagnosticAnalyzer analyzer in streamLint)
            {
                string name = Analyzers.NameOf(analyzer);
                md.AppendLine($"| {name} ({string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id))}) | " + string.Join(" | ", sizes.Select(s => s.PerAnalyzerMs[name].ToString("0.00", Inv))) + " |");
            }

            if (!options.Quick)
            {
                md.AppendLine("| StreamLint without the peer in the run: ms (share, ms/rule) | " + string.Join(" | ", sizes.Select(s => $"{s.AloneMs:0.00} ({s.AloneMs / s.CompileMs:P2}, {s.AloneMs / s.RuleCount:0.00})")) + " |");
            }

            md.AppendLine("| peer: total | " + string.Join(" | ", sizes.Select(s => s.PeerTotalMs.ToString("0", Inv))) + " |");
            md.AppendLine("| peer: slowest analyzer | " + string.Join(" | ", sizes.Select(s => $"{s.PeerSlowest.Name} {s.PeerSlowest.Ms:0}")) + " |");
            md.AppendLine("| diagnostics SL1001 / SL1010 (planted) | " + string.Join(" | ", sizes.Select(s => $"{s.Count("SL1001")} / {s.Count("SL1010")} ({s.ExpectedSL1001} / {s.ExpectedSL1010})")) + " |");
            foreach (string id in sizes.SelectMany(s => s.Planted.Keys).Where(id => id is not ("SL1001" or "SL1010")).Distinct().OrderBy(id => id, StringComparer.Ordinal))
            {
                md.AppendLine($"| diagnostics {id} (planted) | " + string.Join(" | ", sizes.Select(s => $"{s.Count(id)} ({s.Expected(id)})")) + " |");
            }
            md.AppendLine();
            md.AppendLine(Inv, $"IDE: one {ide.DocumentLines}-line Spark document in a {ide.ProjectLines:N0}-line project, {ide.Runs} edits (after {options.IdeWarmup} warm-up edits), each on a new compilation and a fresh CompilationWithAnalyzers. StreamLint's time (analyzer telemetry) beside a do-nothing operation-block analyzer (so the driver builds the document's operation trees, as for an IDE's own analyzers) median {ide.BesideMedianMs:0.00} ms, p95 {ide.BesideP95Ms:0.00} ms; alone, charged the binding it is first to ask for, median {ide.MedianMs:0.00} ms, p95 {ide.P95Ms:0.00} ms. The whole GetAnalyzerSemanticDiagnosticsAsync request alone took median {ide.WallMedianMs:0.00} ms, p95 {ide.WallP95Ms:0.00} ms wall clock; the same request with only the do-nothing analyzer median {ide.FloorMedianMs:0.00} ms, p95 {ide.FloorP95Ms:0.00} ms.");
            md.AppendLine();
            md.AppendLine("| budget | limit | measured | result |");
            md.AppendLine("|---|---|---|---|");
            foreach (Budget b in budgets)
            {
                md.AppendLine(Inv, $"| {b.Description} | {b.Limit} | {b.Measured} | {(b.Pass ? "PASS" : "FAIL")} |");
            }

            return md.ToString();
        }

        private static void WriteJson(
            string path,
            List<SizeResult> sizes,
            IdeResult ide,
            List<Budget> budgets,
            ImmutableArray<DiagnosticAnalyzer> streamLint,
            int peerCount,
            int peerTotal,
            int ruleCount,
            Options options,
            string loadBefore,
            string loadAfter,
            string summary,
            TimeSpan elapsed)
        {
            var root = new Dictionary<string, object?>
            {
                ["mode"] = options.Quick ? "quick" : "full",
                ["date_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", Inv),
                ["machine"] = new Dictionary<string, object?>
                {
                    ["cores"] = Environment.ProcessorCount,
                    ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
                    ["runtime"] = RuntimeDescription(),
                    ["load_average_before"] = loadBefore,
                    ["load_average_after"] = loadAfter,
                },
                ["roslyn_version"] = typeof(Compilation).Assembly.GetName().Version?.ToString(),
                ["seed"] = Seed,
                ["gc"] = new Dictionary<string, object?>
                {
                    ["measured_runs"] = Measure.Runs,
                    ["runs_interrupted_by_gc"] = Measure.RunsWithGc,
                    ["note"] = "each measured run (compile, analyzers, IDE request) runs inside GC.TryStartNoGCRegion: collections are not charged to whichever callback is running",
                },
                ["repetitions"] = options.Reps,
                ["streamlint_analyzers"] = streamLint.Select(Analyzers.NameOf).ToArray(),
                ["streamlint_rule_count"] = ruleCount,
                ["peer"] = new Dictionary<string, object?>
                {
                    ["package"] = Analyzers.PeerPackage,
                    ["version"] = Analyzers.PeerVersion,
                    ["analyzers_enabled_by_default"] = peerCount,
                    ["analyzers_total"] = peerTotal,
                    ["rule_selection"] = "descriptors' IsEnabledByDefault, no .globalconfig (AnalysisLevel 10 / AnalysisMode Default)",
                },
                ["sizes"] = sizes.Select(s => s.ToJson()).ToArray(),
                ["ide"] = new Dictionary<string, object?>
                {
                    ["document_lines"] = ide.DocumentLines,
                    ["project_lines"] = ide.ProjectLines,
                    ["runs"] = ide.Runs,
                    ["median_ms"] = Round(ide.MedianMs),
                    ["p95_ms"] = Round(ide.P95Ms),
                    ["measure"] = "median_ms/p95_ms: StreamLint analyzers' execution time (telemetry) in the request, StreamLint alone; beside_*: the same with a do-nothing operation-block analyzer in the request (the budget)",
                    ["request_wall_median_ms"] = Round(ide.WallMedianMs),
                    ["request_wall_p95_ms"] = Round(ide.WallP95Ms),
                    ["floor_wall_median_ms"] = Round(ide.FloorMedianMs),
                    ["floor_wall_p95_ms"] = Round(ide.FloorP95Ms),
                    ["beside_median_ms"] = Round(ide.BesideMedianMs),
                    ["beside_p95_ms"] = Round(ide.BesideP95Ms),
                },
                ["budgets"] = budgets.Select(b => new Dictionary<string, object?>
                {
                    ["name"] = b.Name,
                    ["description"] = b.Description,
                    ["limit"] = b.Limit,
                    ["measured"] = b.Measured,
                    ["pass"] = b.Pass,
                }).ToArray(),
                ["elapsed_s"] = Round(elapsed.TotalSeconds),
                ["summary"] = summary,
            };

            WriteFile(path, JsonSerializer.Serialize(root, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        internal static void WriteFile(string path, string text)
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, text);
        }

        internal static double Round(double value) => Math.Round(value, 3);

        private static string RuntimeDescription() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

        internal static string LoadAverage()
        {
            try
            {
                string[] parts = File.ReadAllText("/proc/loadavg").Split(' ');
                return $"{parts[0]} {parts[1]} {parts[2]}";
            }
            catch (IOException)
            {
                return "n/a";
            }
            catch (UnauthorizedAccessException)
            {
                return "n/a";
            }
        }

        internal static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
    }

    internal sealed class Options
    {
        public bool Quick { get; private set; }

        public bool Strict { get; private set; }

        public bool Profile { get; private set; }

        /// <summary><c>--real-build</c>: the corpus built by <c>dotnet build</c> with the packed package (RealBuild.cs).</summary>
        public bool RealBuild { get; private set; }

        public string[] Modes { get; private set; } = { "cold", "warm" };

        public string[] Corpora { get; private set; } = { "streaming", "no-reference" };

        public string? Work { get; private set; }

        public bool Keep { get; private set; }

        public bool Binlog { get; private set; }

        /// <summary>
        /// <c>--allocations</c> (real-build mode): after the measured warm builds of the streaming project, two more traced
        /// for allocations in the compiler server (<see cref="AllocationTrace"/>); the trace is kept beside the project.
        /// </summary>
        public bool Allocations { get; private set; }

        public string? PackageFeed { get; private set; }

        public string? PackageVersion { get; private set; }

        public string? Json { get; private set; }

        public string? Markdown { get; private set; }

        public int[] Sizes { get; private set; } = { 10_000, 50_000, 100_000, 200_000 };

        public int Reps { get; private set; } = 5;

        /// <summary>
        /// <c>--warmups N</c> (real-build mode): the least untimed builds per corpus and mode before the measured ones.
        /// Unset: one for cold builds (it fills the file cache), three for warm ones, which go on until the Csc time
        /// has stopped falling (<see cref="RealBuild"/>).
        /// </summary>
        public int? Warmups { get; private set; }

        public int WarmupsFor(string mode) => this.Warmups ?? (mode == "warm" ? 3 : 1);

        public int IdeRuns { get; private set; } = 50;

        public int IdeWarmup { get; private set; } = 10;

        public static Options Parse(string[] args)
        {
            var options = new Options();
            bool sizesGiven = false;
            bool repsGiven = false;
            for (int i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--quick":
                        options.Quick = true;
                        break;
                    case "--real-build":
                        options.RealBuild = true;
                        break;
                    case "--modes":
                        options.Modes = Value().Split(',');
                        if (options.Modes.Any(m => m is not ("cold" or "warm")))
                        {
                            throw new ArgumentException("--modes takes cold, warm or both");
                        }

                        break;
                    case "--corpora":
                        options.Corpora = Value().Split(',');
                        if (options.Corpora.Any(c => c is not ("streaming" or "no-reference")))
                        {
                            throw new ArgumentException("--corpora takes streaming, no-reference or both");
                        }

                        break;
                    case "--work":
                        options.Work = Value();
                        break;
                    case "--keep":
                        options.Keep = true;
                        break;
                    case "--binlog":
                        options.Binlog = true;
                        break;
                    case "--allocations":
                        options.Allocations = true;
                        break;
                    case "--package-feed":
                        options.PackageFeed = Value();
                        break;
                    case "--package-version":
                        options.PackageVersion = Value();
                        break;
                    case "--profile":
                        options.Profile = true;
                        break;
                    case "--strict":
                        options.Strict = true;
                        break;
                    case "--json":
                        options.Json = Value();
                        break;
                    case "--markdown":
                        options.Markdown = Value();
                        break;
                    case "--sizes":
                        options.Sizes = Value().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                        sizesGiven = true;
                        break;
                    case "--reps":
                        options.Reps = int.Parse(Value(), CultureInfo.InvariantCulture);
                        repsGiven = true;
                        break;
                    case "--warmups":
                        options.Warmups = int.Parse(Value(), CultureInfo.InvariantCulture);
                        break;
                    case "--ide-runs":
                        options.IdeRuns = int.Parse(Value(), CultureInfo.InvariantCulture);
                        break;
                    default:
                        throw new ArgumentException($"unknown argument {args[i]}");
                }
            }

            if (options.RealBuild)
            {
                if (!sizesGiven)
                {
                    options.Sizes = new[] { 10_000, 50_000 };
                }

                if (!repsGiven)
                {
                    options.Reps = 3;
                }
            }

            if (options.Quick)
            {
                if (!sizesGiven)
                {
                    options.Sizes = new[] { 10_000, 50_000 };
                }

                if (!repsGiven)
                {
                    options.Reps = 3;
                }
            }

            return options;
        }
    }

    internal sealed record Budget(string Name, string Description, string Limit, string Measured, bool Pass);

    /// <summary>Wall clock of the StreamLint request, StreamLint's own execution time (telemetry), and the floor request's wall clock.</summary>
    internal sealed record IdeResult(
        int DocumentLines,
        int ProjectLines,
        int Runs,
        double WallMedianMs,
        double WallP95Ms,
        double MedianMs,
        double P95Ms,
        double FloorMedianMs,
        double FloorP95Ms,
        double BesideMedianMs,
        double BesideP95Ms);

    internal sealed class SizeResult
    {
        public int Size { get; private set; }

        public int Loc { get; private set; }

        public int Files { get; private set; }

        public int SparkFiles { get; private set; }

        public int StreamizFiles { get; private set; }

        public int KafkaFiles { get; private set; }

        public int NoReferenceLoc { get; private set; }

        public double CompileMs { get; private set; }

        public double StreamLintMs { get; private set; }

        public double Share => this.StreamLintMs / this.CompileMs;

        public int RuleCount { get; private set; }

        public double StreamLintMsPerRule => this.StreamLintMs / this.RuleCount;

        public double PeerMedianMs { get; private set; }

        public double PeerTotalMs { get; private set; }

        public (string Name, double Ms) PeerSlowest { get; private set; }

        public double NoReferenceMs { get; private set; }

        /// <summary>StreamLint's analyzers run without the peer (not used by the budgets).</summary>
        public double AloneMs { get; private set; }

        public double MicrosecondsPerKloc => this.StreamLintMs * 1000.0 / (this.Loc / 1000.0);

        public Dictionary<string, double> PerAnalyzerMs { get; } = new Dictionary<string, double>(StringComparer.Ordinal);

        public Dictionary<string, int> DiagnosticCounts { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

        public int ExpectedSL1001 { get; private set; }

        public int ExpectedSL1010 { get; private set; }

        /// <summary>Mistakes planted per rule ID (every family).</summary>
        public IReadOnlyDictionary<string, int> Planted { get; private set; } = new Dictionary<string, int>(StringComparer.Ordinal);

        public int Expected(string id) => this.Planted.TryGetValue(id, out int n) ? n : 0;

        public List<string> Problems { get; } = new List<string>();

        public List<double> CompileSamples { get; private set; } = new List<double>();

        public List<double> StreamLintSamples { get; private set; } = new List<double>();

        public List<double> NoReferenceSamples { get; private set; } = new List<double>();

        public int Count(string id) => this.DiagnosticCounts.TryGetValue(id, out int n) ? n : 0;

        public static SizeResult From(
            int size,
            Corpus corpus,
            List<double> compile,
            List<AnalyzerRun> runs,
            List<double> alone,
            List<double> noRef,
            ImmutableArray<DiagnosticAnalyzer> streamLint,
            ImmutableArray<DiagnosticAnalyzer> peer,
            int ruleCount)
        {
            var result = new SizeResult
            {
                Size = size,
                Loc = corpus.Lines,
                Files = corpus.Files.Count,
                SparkFiles = corpus.Count(FileKind.Spark),
                StreamizFiles = corpus.Count(FileKind.Streamiz),
                KafkaFiles = corpus.Count(FileKind.Kafka),
                NoReferenceLoc = corpus.WithoutStreaming.Sum(f => f.Lines),
                CompileMs = Measure.Median(compile),
                StreamLintMs = Measure.Median(runs.Select(r => r.Total(streamLint))),
                RuleCount = ruleCount,
                NoReferenceMs = Measure.Median(noRef),
                AloneMs = Measure.Median(alone),
                ExpectedSL1001 = corpus.ExpectedSL1001,
                ExpectedSL1010 = corpus.ExpectedSL1010,
                Planted = corpus.Planted,
                CompileSamples = compile,
                StreamLintSamples = runs.Select(r => r.Total(streamLint)).ToList(),
                NoReferenceSamples = noRef,
            };

            foreach (DiagnosticAnalyzer analyzer in streamLint)
            {
                result.PerAnalyzerMs[Analyzers.NameOf(analyzer)] = Measure.Median(runs.Select(r => r.Milliseconds[analyzer]));
            }

            var peerMedians = peer.Select(a => (Name: Analyzers.NameOf(a), Ms: Measure.Median(runs.Select(r => r.Milliseconds[a])))).ToList();
            result.PeerMedianMs = Measure.Median(peerMedians.Select(p => p.Ms));
            result.PeerTotalMs = peerMedians.Sum(p => p.Ms);
            result.PeerSlowest = peerMedians.OrderByDescending(p => p.Ms).First();

            var ids = streamLint.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var group in runs[0].Diagnostics.Where(d => ids.Contains(d.Id)).GroupBy(d => d.Id))
            {
                result.DiagnosticCounts[group.Key] = group.Count();
            }

            var streamLintNames = streamLint.Select(Analyzers.NameOf).ToHashSet(StringComparer.Ordinal);
            foreach (Exception exception in runs.SelectMany(r => r.Exceptions).Where(e => streamLintNames.Any(n => e.Message.StartsWith(n + ":", StringComparison.Ordinal))).Take(3))
            {
                result.Problems.Add("StreamLint analyzer exception: " + exception.Message + " " + exception.InnerException);
            }

            int peerExceptions = runs[0].Exceptions.Count(e => !streamLintNames.Any(n => e.Message.StartsWith(n + ":", StringComparison.Ordinal)));
            if (peerExceptions > 0)
            {
                result.Problems.Add($"{peerExceptions} peer analyzer exceptions, e.g. {runs[0].Exceptions.First().Message}");
            }

            if (result.Count("SL1001") < result.ExpectedSL1001 || result.Count("SL1010") < result.ExpectedSL1010)
            {
                result.Problems.Add($"fewer diagnostics than planted mistakes: SL1001 {result.Count("SL1001")} < {result.ExpectedSL1001} or SL1010 {result.Count("SL1010")} < {result.ExpectedSL1010}");
            }

            foreach (KeyValuePair<string, int> planted in result.Planted.Where(p => p.Key is not ("SL1001" or "SL1010") && result.Count(p.Key) < p.Value).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                result.Problems.Add($"fewer diagnostics than planted mistakes: {planted.Key} {result.Count(planted.Key)} < {planted.Value}");
            }

            return result;
        }

        public Dictionary<string, object?> ToJson() => new Dictionary<string, object?>
        {
            ["size"] = this.Size,
            ["loc"] = this.Loc,
            ["files"] = this.Files,
            ["spark_files"] = this.SparkFiles,
            ["streamiz_files"] = this.StreamizFiles,
            ["kafka_files"] = this.KafkaFiles,
            ["compile_ms"] = Program.Round(this.CompileMs),
            ["streamlint_ms"] = Program.Round(this.StreamLintMs),
            ["streamlint_share"] = Math.Round(this.Share, 6),
            ["streamlint_rule_count"] = this.RuleCount,
            ["streamlint_ms_per_rule"] = Program.Round(this.StreamLintMsPerRule),
            ["peer_ms_per_analyzer_median"] = Program.Round(this.PeerMedianMs),
            ["peer_ms_total"] = Program.Round(this.PeerTotalMs),
            ["peer_slowest_analyzer"] = this.PeerSlowest.Name,
            ["peer_slowest_analyzer_ms"] = Program.Round(this.PeerSlowest.Ms),
            ["streamlint_us_per_kloc"] = Math.Round(this.MicrosecondsPerKloc, 1),
            ["streamlint_alone_ms"] = double.IsNaN(this.AloneMs) ? null : Program.Round(this.AloneMs), // not measured in quick mode
            ["no_reference_loc"] = this.NoReferenceLoc,
            ["no_reference_streamlint_ms"] = Program.Round(this.NoReferenceMs),
            ["streamlint_ms_per_analyzer"] = this.PerAnalyzerMs.ToDictionary(p => p.Key, p => (object?)Program.Round(p.Value)),
            ["diagnostics"] = this.DiagnosticCounts,
            ["planted"] = this.Planted.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            ["samples"] = new Dictionary<string, object?>
            {
                ["compile_ms"] = this.CompileSamples.Select(Program.Round).ToArray(),
                ["streamlint_ms"] = this.StreamLintSamples.Select(Program.Round).ToArray(),
                ["no_reference_streamlint_ms"] = this.NoReferenceSamples.Select(Program.Round).ToArray(),
            },
        };
    }
}
