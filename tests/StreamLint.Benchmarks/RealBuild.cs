using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace StreamLint.Benchmarks
{
    /// <summary>
    /// <c>--real-build</c>: the corpus as an SDK project that references the packed StreamLint package, built by
    /// <c>dotnet build -p:ReportAnalyzer=true</c>, with analyzers loaded afresh (<c>UseSharedCompilation=false</c>, as in
    /// CI) and warm in a compiler server. Reads the compiler's per-analyzer report from MSBuild's detailed log.
    /// docs/performance.md describes the method and the budgets.
    /// </summary>
    internal static partial class RealBuild
    {
        public const string PeerPackage = "Meziantou.Analyzer";
        public const string PeerVersion = "3.0.341";
        public const string StreamizVersion = "1.8.2";
        public const string ConfluentVersion = "2.16.0";

        /// <summary>The SDK's own analyzers, on in every net5+ project: reported beside the peer, not budgeted.</summary>
        public const string SdkAnalyzers = "Microsoft.CodeAnalysis.CSharp.NetAnalyzers";

        private const int Seed = 20240611;

        /// <summary>The most untimed warm builds per corpus, however the Csc time still moves.</summary>
        private const int MaxWarmups = 10;

        private static readonly string[] InheritedMSBuildVariables =
        {
            "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE",
        };

        public static async Task<int> RunAsync(Options options)
        {
            var total = Stopwatch.StartNew();
            string loadBefore = Program.LoadAverage();
            string work = options.Work ?? Path.Combine(Path.GetTempPath(), "streamlint-realbuild-" + Guid.NewGuid().ToString("N").Substring(0, 10));
            Directory.CreateDirectory(work);
            Program.Log($"real build: sizes {string.Join(", ", options.Sizes)}, modes {string.Join(", ", options.Modes)}, corpora {string.Join(", ", options.Corpora)}, {options.Reps} builds each; work folder {work}; load average {loadBefore}");

            string sdk = (await DotnetAsync(work, new[] { "--version" }, null, TimeSpan.FromMinutes(1))).Output.Trim();
            (string feed, string version) = await PackAsync(options, work);
            WriteScaffolding(work, feed);
            string serverId = "streamlint-bench-" + Guid.NewGuid().ToString("N").Substring(0, 10);

            var results = new List<RealBuildResult>();
            var allocations = new List<(int Size, AllocationReport Report)>();
            try
            {
                foreach (int size in options.Sizes)
                {
                    Corpus corpus = CorpusGenerator.Generate(size, Seed);
                    foreach (string kind in options.Corpora)
                    {
                        bool streaming = kind == "streaming";
                        // The streaming project gets every file the generator produces, the no-reference one the
                        // shared and business files only.
                        List<GeneratedFile> files = streaming
                            ? corpus.Files.ToList()
                            : corpus.WithoutStreaming.ToList();
                        string project = WriteProject(work, $"c{size}-{kind}", files, version, streaming);
                        int loc = files.Sum(f => f.Lines);
                        Program.Log($"{size} {kind}: {loc} lines in {files.Count} files; restoring");
                        BuildRun restore = await DotnetAsync(Path.GetDirectoryName(project)!, new[] { "restore", project, "-nodeReuse:false" }, null, TimeSpan.FromMinutes(10));
                        if (restore.ExitCode != 0)
                        {
                            throw new InvalidOperationException("restore failed:\n" + restore.Output);
                        }

                        foreach (string mode in options.Modes)
                        {
                            int warmups = await WarmUpAsync(project, mode, serverId, $"{size} {kind} {mode}", options);
                            var builds = new List<BuildSample>();
                            for (int rep = 0; rep < options.Reps; rep++)
                            {
                                BuildSample sample = await BuildAsync(project, mode, serverId, "r" + rep, options.Binlog);
                                LogBuild($"{size} {kind} {mode} build {rep + 1}", sample);
                                builds.Add(sample);
                            }

                            results.Add(RealBuildResult.From(size, kind, mode, loc, files, corpus, builds, warmups));
                            if (options.Allocations && streaming && mode == "warm")
                            {
                                allocations.Add((size, await TraceAllocationsAsync(project, serverId, $"{size} {kind} {mode}", options)));
                            }
                        }
                    }
                }
            }
            finally
            {
                StopServer(serverId);
            }

            string loadAfter = Program.LoadAverage();
            var budgets = Budgets(results).ToList();
            string summary = Summary(results, budgets);
            string markdown = Markdown(results, budgets, sdk, version, loadBefore, loadAfter, options)
                + string.Concat(allocations.Select(a => "\n" + a.Report.Markdown(a.Size)));
            if (options.Json is { } json)
            {
                Program.WriteFile(json, Json(results, budgets, allocations, sdk, version, loadBefore, loadAfter, options, summary, total.Elapsed));
                Program.Log($"wrote {json}");
            }

            if (options.Markdown is { } md)
            {
                Program.WriteFile(md, markdown + "\n" + summary + "\n");
                Program.Log($"wrote {md}");
            }

            if (!options.Keep && options.Work is null)
            {
                TryDelete(work);
            }

            Program.Log($"finished in {total.Elapsed.TotalSeconds:0} s");
            Console.WriteLine(markdown);
            Console.WriteLine(summary);
            return options.Strict && budgets.Any(b => b.Status == "FAIL") ? 1 : 0;
        }

        private static string Fmt(double ms) => ms <= 0 ? "<1" : ms.ToString("0", CultureInfo.InvariantCulture);

        /// <summary>Packs src/StreamLint.Package at a unique prerelease version into a local feed (or uses the one given).</summary>
        private static async Task<(string Feed, string Version)> PackAsync(Options options, string work)
        {
            if (options.PackageFeed is { } givenFeed && options.PackageVersion is { } givenVersion)
            {
                return (Path.GetFullPath(givenFeed), givenVersion);
            }

            string root = FindRepositoryRoot();
            string version = "0.0.0-bench." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + ".r" + Guid.NewGuid().ToString("N").Substring(0, 8);
            string feed = Path.Combine(work, "feed");
            Program.Log($"packing StreamLint {version} into {feed}");
            BuildRun pack = await DotnetAsync(
                root,
                new[]
                {
                    "pack", Path.Combine(root, "src", "StreamLint.Package", "StreamLint.Package.csproj"), "-c", "Release", "-o", feed,
                    "-p:Version=" + version, "--artifacts-path", Path.Combine(work, "pack-artifacts"), "-nodeReuse:false",
                },
                null,
                TimeSpan.FromMinutes(15));
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
            }

            return (feed, version);
        }

        private static string FindRepositoryRoot()
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StreamLint.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("StreamLint.sln not found above " + AppContext.BaseDirectory);
        }

        /// <summary>Stops MSBuild's upward search, adds the feed to the machine's sources, and copies the Spark reference stub.</summary>
        private static void WriteScaffolding(string work, string feed)
        {
            File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(work, "Directory.Packages.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <!-- Adds the local feed to the sources the machine already has. -->
                <configuration>
                  <packageSources>
                    <add key="streamlint-bench" value="{Escape(feed)}" />
                  </packageSources>
                </configuration>

                """);

            // StreamLint's error-severity rules are lowered to warnings so that the build completes and reports every diagnostic.
            var config = new StringBuilder("is_global = true\n");
            foreach (var d in Analyzers.StreamLint().SelectMany(a => a.SupportedDiagnostics).Where(d => d.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal))
            {
                config.Append("dotnet_diagnostic.").Append(d).Append(".severity = warning\n");
            }

            File.WriteAllText(Path.Combine(work, "bench.globalconfig"), config.ToString());
            string lib = Path.Combine(work, "lib");
            Directory.CreateDirectory(lib);
            File.Copy(Compiler.SparkStubPath, Path.Combine(lib, "Microsoft.Spark.dll"), overwrite: true);
        }

        private static string WriteProject(string work, string name, List<GeneratedFile> files, string version, bool streaming)
        {
            string dir = Path.Combine(work, name);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }

            Directory.CreateDirectory(dir);
            foreach (GeneratedFile file in files)
            {
                string path = Path.Combine(dir, "src", file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }

            string streamingReferences = streaming
                ? $"""
                    <PackageReference Include="Streamiz.Kafka.Net" Version="{StreamizVersion}" />
                    <PackageReference Include="Confluent.Kafka" Version="{ConfluentVersion}" />
                    <Reference Include="Microsoft.Spark" HintPath="../lib/Microsoft.Spark.dll" />
                """
                : string.Empty;
            string csproj = Path.Combine(dir, "Corpus.csproj");
            File.WriteAllText(csproj, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <AssemblyName>Corpus</AssemblyName>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                    <GenerateDocumentationFile>false</GenerateDocumentationFile>
                  </PropertyGroup>
                  <ItemGroup>
                    <GlobalAnalyzerConfigFiles Include="../bench.globalconfig" />
                    <PackageReference Include="StreamLint" Version="{version}" PrivateAssets="all" />
                    <PackageReference Include="{PeerPackage}" Version="{PeerVersion}" PrivateAssets="all" />
                {streamingReferences}  </ItemGroup>
                </Project>

                """);
            return csproj;
        }

        /// <summary>
        /// The untimed builds before the measured ones; returns how many ran. For "cold" the first fills the file cache.
        /// For "warm" they start the server and load the analyzers, and then let the server's runtime recompile the
        /// compiler's and the analyzers' hot code at its optimising tiers, as in the server of a developer who has built
        /// before: at least the minimum, then on until two builds in a row each took no less than nine tenths of
        /// the Csc time of the build before them (a 50k-line project fell from 34 s to 6 s over eight builds, and a
        /// single flat step was seen between falling ones), at most <see cref="MaxWarmups"/>.
        /// </summary>
        private static async Task<int> WarmUpAsync(string project, string mode, string serverId, string label, Options options)
        {
            int minimum = options.WarmupsFor(mode);
            double? previousCsc = null;
            int flatInARow = 0;
            for (int done = 0; ; )
            {
                BuildSample sample = await BuildAsync(project, mode, serverId, "warmup" + done, options.Binlog);
                done++;
                LogBuild($"{label} warm-up {done}", sample);
                bool flat = previousCsc is { } previous && sample.CscMs >= previous * 0.9;
                flatInARow = flat ? flatInARow + 1 : 0;
                previousCsc = sample.CscMs;
                if (done >= minimum && (mode != "warm" || flatInARow >= 2 || done >= MaxWarmups))
                {
                    return done;
                }
            }
        }

        private static void LogBuild(string label, BuildSample sample) =>
            Program.Log($"{label}: wall {sample.WallMs / 1000:0.0} s, Csc {sample.CscMs:0} ms, StreamLint {Fmt(sample.StreamLintMs)} ms, peer mean {sample.PeerMeanMs:0.00} ms; load {sample.LoadBefore} -> {sample.LoadAfter}; {Describe(sample.Host)}");

        private static string Describe(HostReading host) =>
            $"idle before {Percent(host.IdleBefore)} after {host.QuietWait.TotalSeconds:0} s, steal {Percent(host.StealDuring)}";

        private static string Percent(double? share) => share is { } s ? s.ToString("P1", CultureInfo.InvariantCulture) : "n/a";

        private static async Task<BuildSample> BuildAsync(string project, string mode, string serverId, string tag, bool binlog)
        {
            string dir = Path.GetDirectoryName(project)!;
            string log = Path.Combine(dir, $"build-{mode}-{tag}.log");
            var args = new List<string>
            {
                "build", project, "-c", "Release", "--no-restore", "--no-incremental", "-nodeReuse:false",
                "-p:ReportAnalyzer=true",
                "-v:q", "-clp:NoSummary",
                $"-flp:Verbosity=detailed;PerformanceSummary;Encoding=UTF-8;LogFile={log}",
            };
            if (mode == "cold")
            {
                args.Add("-p:UseSharedCompilation=false");
            }
            else
            {
                // A compiler server of the benchmark's own (its own pipe), not the one other builds on the machine share.
                args.Add("-p:UseSharedCompilation=true");
                args.Add("-p:SharedCompilationId=" + serverId);
            }

            if (binlog)
            {
                args.Add($"-bl:{Path.Combine(dir, $"build-{mode}-{tag}.binlog")}");
            }

            (TimeSpan waited, double? idleBefore) = await HostCpu.WaitForQuietAsync();
            string loadBefore = Program.LoadAverage();
            HostCpu? cpuBefore = HostCpu.Read();
            BuildRun run = await DotnetAsync(dir, args, null, TimeSpan.FromMinutes(20));
            HostCpu? cpuAfter = HostCpu.Read();
            string loadAfter = Program.LoadAverage();
            var host = new HostReading(waited, idleBefore, HostCpu.StealShare(cpuBefore, cpuAfter));
            string[] lines = File.Exists(log) ? File.ReadAllLines(log) : Array.Empty<string>();
            if (run.ExitCode != 0)
            {
                string errors = string.Join("\n", lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Take(20));
                throw new InvalidOperationException($"the build of {project} ({mode}) failed ({run.ExitCode}); see {log}\n{errors}\n{run.Output}");
            }

            var report = AnalyzerReportParser.Parse(lines) ?? throw new InvalidOperationException($"no analyzer report in {log}");
            double csc = AnalyzerReportParser.CscMilliseconds(lines) ?? throw new InvalidOperationException($"no Csc time in the performance summary of {log}");
            return new BuildSample(run.WallMs, csc, report.TotalMs, report.Assemblies, AnalyzerReportParser.Diagnostics(lines, "SL"), loadBefore, loadAfter, host, log);
        }

        /// <summary>Two more warm builds, traced for allocations in the compiler server (not part of the measured ones).</summary>
        private static async Task<AllocationReport> TraceAllocationsAsync(string project, string serverId, string label, Options options)
        {
            int pid = ServerProcesses(serverId).FirstOrDefault();
            if (pid == 0)
            {
                throw new InvalidOperationException("the benchmark's compiler server is not running, so its allocations cannot be traced");
            }

            string trace = Path.Combine(Path.GetDirectoryName(project)!, "allocations.nettrace");
            AllocationReport report = await AllocationTrace.TraceAsync(pid, trace, 2, async i =>
            {
                BuildSample sample = await BuildAsync(project, "warm", serverId, "traced" + i, options.Binlog);
                LogBuild($"{label} traced build {i + 1}", sample);
            });
            Program.Log($"{label}: {report.StreamLintBytes / 1e6:0.0} MB of {report.TotalBytes / 1e6:0.0} MB sampled allocations under StreamLint over {report.Builds} builds; trace {trace}");
            return report;
        }

        /// <summary>Ends the benchmark's own compiler server (found by its unique pipe name), if one is running.</summary>
        private static void StopServer(string serverId)
        {
            foreach (int pid in ServerProcesses(serverId))
            {
                try
                {
                    using Process server = Process.GetProcessById(pid);
                    server.Kill();
                    Program.Log($"stopped the benchmark's compiler server (pid {pid})");
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // Gone in the meantime.
                }
            }
        }

        /// <summary>The benchmark's own compiler server processes, found by their unique pipe name.</summary>
        private static List<int> ServerProcesses(string serverId)
        {
            var found = new List<int>();
            foreach (string proc in Directory.GetDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(proc), out int pid))
                {
                    continue;
                }

                try
                {
                    string cmdline = File.ReadAllText(Path.Combine(proc, "cmdline")).Replace('\0', ' ');
                    if (cmdline.Contains("VBCSCompiler", StringComparison.Ordinal) && cmdline.Contains(serverId, StringComparison.Ordinal))
                    {
                        found.Add(pid);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Gone in the meantime, or not readable.
                }
            }

            return found;
        }

        private static void TryDelete(string path)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? text;

        private static async Task<BuildRun> DotnetAsync(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
        {
            var startInfo = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            foreach (string name in InheritedMSBuildVariables)
            {
                startInfo.Environment.Remove(name);
            }

            startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            startInfo.Environment["DOTNET_NOLOGO"] = "1";
            startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            startInfo.Environment["MSBUILDTERMINALLOGGER"] = "off";
            if (environment is not null)
            {
                foreach (var pair in environment)
                {
                    startInfo.Environment[pair.Key] = pair.Value;
                }
            }

            var output = new StringBuilder();
            var watch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using (var cts = new CancellationTokenSource(timeout))
            {
                try
                {
                    await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"dotnet {string.Join(" ", arguments)} ran longer than {timeout}");
                }
            }

            watch.Stop();
            lock (output)
            {
                return new BuildRun(process.ExitCode, watch.Elapsed.TotalMilliseconds, output.ToString());
            }
        }
    }

    internal sealed record BuildRun(int ExitCode, double WallMs, string Output);
}
