using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace StreamLint.Tests.Reliability
{
    /// <summary>
    /// Robustness fuzzing: every StreamLint analyzer and code fix runs on thousands of mutants of the seed corpus and
    /// the sample programs — programs cut off mid-statement, missing tokens and brackets, wrong identifiers,
    /// non-constant arguments, unfinished lambdas and chains, reordered statements and extra Spark calls. No analyzer
    /// may throw, no fix may throw, and no fix may add a compiler error to a program that had none.
    /// CI mode by default; <c>STREAMLINT_FUZZ=large</c> runs every candidate mutation and more combined ones.
    /// </summary>
    public class FuzzTests
    {
        private static readonly TimeSpan PerMutantTimeout = TimeSpan.FromSeconds(60);

        private readonly ITestOutputHelper output;

        public FuzzTests(ITestOutputHelper output) => this.output = output;

        /// <summary>The checked-in rule ID and line of every diagnostic on the unmutated seeds.</summary>
        private const string BaselineVariable = "STREAMLINT_UPDATE_SEED_BASELINE";

        private static string BaselinePath => Repository.PathOf("tests", "StreamLint.Tests", "Reliability", "TestData", "seed-diagnostics.txt");

        [Fact]
        public async Task Corpus_CompilesCleanly_AndExercisesTheRules()
        {
            var seen = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (SourceCase source in Corpus.All)
            {
                AnalysisRun run = await AnalyzeCleanAsync(source);
                foreach (Diagnostic diagnostic in run.Diagnostics)
                {
                    seen[diagnostic.Id] = seen.TryGetValue(diagnostic.Id, out int n) ? n + 1 : 1;
                }

                this.output.WriteLine($"{source.Name}: {run.Diagnostics.Length} diagnostics ({string.Join(", ", run.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => g.Key + " x" + g.Count()))})");
            }

            Assert.NotEmpty(seen);

            // Every rule the shipped analyzers declare (from their descriptors, not a hand list) must fire somewhere:
            // the fuzzer says nothing about a rule whose code path no seed reaches.
            string[] silent = Repository.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id)
                .Distinct().OrderBy(i => i, StringComparer.Ordinal).ToArray();
            foreach (string id in silent)
            {
                this.output.WriteLine(seen.ContainsKey(id) ? $"rule {id}: {seen[id]} diagnostics in the corpus" : $"rule {id}: no diagnostic in the corpus");
            }

            string[] missing = silent.Where(id => !seen.ContainsKey(id)).ToArray();
            Assert.True(missing.Length == 0, $"No seed reports the rules {string.Join(", ", missing)}: add code (and, for rules that need one, a '{SourceCase.OptionComment} key = value' line) to a seed under tests/StreamLint.Tests/Reliability/Seeds.");
        }

        /// <summary>
        /// Rule ID and line of every diagnostic on every unmutated seed, compared with a checked-in baseline: a rule
        /// that stops reporting (or starts reporting elsewhere) on the seeds fails here. Set
        /// STREAMLINT_UPDATE_SEED_BASELINE=1 and run this test to rewrite the baseline after an intended change.
        /// </summary>
        [Fact]
        public async Task Seeds_ReportWhatTheBaselineSays()
        {
            var lines = new List<string>();
            foreach (SourceCase seed in Corpus.Seeds)
            {
                AnalysisRun run = await AnalyzeCleanAsync(seed);
                lines.AddRange(run.Diagnostics
                    .Select(d => $"{seed.Name} {d.Id} {(d.Location.IsInSource ? d.Location.GetLineSpan().StartLinePosition.Line + 1 : 0)}")
                    .Distinct()
                    .OrderBy(l => l, StringComparer.Ordinal));
            }

            string actual = string.Join("\n", lines) + "\n";
            if (Environment.GetEnvironmentVariable(BaselineVariable) == "1")
            {
                System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(BaselinePath)!);
                System.IO.File.WriteAllText(BaselinePath, actual);
            }

            Assert.True(System.IO.File.Exists(BaselinePath), $"{BaselinePath} is missing: run this test with {BaselineVariable}=1");
            string[] expected = System.IO.File.ReadAllText(BaselinePath).Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            string[] gone = expected.Except(lines, StringComparer.Ordinal).ToArray();
            string[] added = lines.Except(expected, StringComparer.Ordinal).ToArray();
            Assert.True(
                gone.Length == 0 && added.Length == 0,
                $"The seeds' diagnostics differ from {BaselinePath} (rewrite it with {BaselineVariable}=1 if the change is intended).\n"
                + $"No longer reported ({gone.Length}):\n  {string.Join("\n  ", gone.Take(40))}\nNewly reported ({added.Length}):\n  {string.Join("\n  ", added.Take(40))}");
        }

        /// <summary>Analyses an unmutated program under its declared options; it must compile and no analyzer may throw.</summary>
        private static async Task<AnalysisRun> AnalyzeCleanAsync(SourceCase source)
        {
            Compilation compilation = Harness.Compile(source);
            ImmutableArray<Diagnostic> errors = Harness.Errors(compilation);
            Assert.True(errors.IsEmpty, $"{source.Name} must compile without errors (mutants are measured against it):\n" + string.Join("\n", errors.Take(10)));
            AnalysisRun run = await Harness.AnalyzeAsync(compilation, concurrent: true, source.AnalyzerOptions);
            Assert.Empty(run.Exceptions);
            return run;
        }

        [Fact]
        public async Task Mutants_NeverCrashAnAnalyzerOrFix_AndFixesNeverBreakCleanCode()
        {
            FuzzSettings settings = FuzzSettings.FromEnvironment();
            ImmutableArray<SourceCase> corpus = Corpus.All;
            var stats = new FuzzStats();
            var stopwatch = Stopwatch.StartNew();
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

            var mutants = corpus.SelectMany(seed => Mutator.Mutate(seed, settings)).ToList();
            TimeSpan generation = stopwatch.Elapsed;
            string progress = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"streamlint-fuzz-progress-{Environment.ProcessId}.txt");
            await Parallel.ForEachAsync(
                mutants,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                async (mutant, _) =>
                {
                    await RunAsync(mutant, settings, stats).ConfigureAwait(false);
                    if (settings.IsLarge && stats.Mutants % 1000 == 0)
                    {
                        // The large mode runs for a long time: say how far it is (test output only shows at the end).
                        System.IO.File.AppendAllText(progress, $"{DateTime.Now:HH:mm:ss} {stats.Mutants}/{mutants.Count} mutants, {stats.Failures.Length} failures\n");
                    }
                });
            stopwatch.Stop();
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

            this.output.WriteLine($"Fuzz mode: {settings.Mode} (random seed {settings.RandomSeed}); {corpus.Length} programs: {string.Join(", ", corpus.Select(c => c.Name))}");
            if (settings.IsLarge)
            {
                this.output.WriteLine("Progress was written to " + progress);
            }

            this.output.WriteLine(stats.Report(stopwatch.Elapsed, generation));
            this.output.WriteLine($"Process CPU time meanwhile: {cpu.TotalSeconds:F1} s (includes tests running in parallel); load average at the end: {LoadAverage()}");
            Assert.True(stats.Mutants == mutants.Count, $"ran {stats.Mutants} of {mutants.Count} mutants");
            Assert.True(stats.Failures.IsEmpty, stats.FailureReport());

            // Every fix of every rule must have been applied to some mutant; otherwise the fuzzer says nothing about it.
            string[] neverApplied = Harness.FixEquivalenceKeys.Where(key => !stats.FixKeysApplied.Contains(key)).ToArray();
            Assert.True(
                neverApplied.Length == 0,
                $"The fuzzer never applied the fixes {string.Join(", ", neverApplied)} (applied: {string.Join(", ", stats.FixKeysApplied)}): "
                + "add a seed under tests/StreamLint.Tests/Reliability/Seeds on which they are offered.");
        }

        private static async Task RunAsync(Mutant mutant, FuzzSettings settings, FuzzStats stats)
        {
            using var timeout = new CancellationTokenSource(PerMutantTimeout);
            CancellationToken cancellationToken = timeout.Token;
            stats.Count(mutant);
            try
            {
                long started = Stopwatch.GetTimestamp();
                Document document = await Harness.DocumentAsync(mutant.Source, cancellationToken).ConfigureAwait(false);
                Compilation compilation = (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
                AnalysisRun run = await Harness.AnalyzeAsync(compilation, concurrent: false, mutant.Options ?? mutant.Source.AnalyzerOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
                stats.Time("analysis", started);
                foreach (string exception in run.Exceptions)
                {
                    stats.Fail(mutant, "analyzer exception", exception);
                }

                started = Stopwatch.GetTimestamp();
                int errorsBefore = Harness.Errors(compilation, cancellationToken).Length;
                stats.Time("compiler diagnostics", started);
                stats.Analysed(run.Diagnostics, errorsBefore == 0);

                // In CI mode a fix is checked once per distinct context: the same rule at the same place of an
                // identical member, in code that compiles or not. Most mutants leave most members as the seed has
                // them, so this keeps thousands of mutants within the time budget. The large mode checks every fix
                // (unless STREAMLINT_FUZZ_FIXES=distinct).
                var toCheck = new HashSet<string>(StringComparer.Ordinal);
                foreach (Diagnostic diagnostic in run.Diagnostics.Where(d => d.Location.IsInSource && Repository.CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(d.Id))))
                {
                    string signature = FixSignature(diagnostic, errorsBefore == 0);
                    if (settings.CheckEveryFix || stats.FirstTimeFor(signature))
                    {
                        toCheck.Add(signature);
                    }
                    else
                    {
                        stats.SkippedFixCheck();
                    }
                }

                if (toCheck.Count > 0)
                {
                    started = Stopwatch.GetTimestamp();
                    await CheckFixesAsync(mutant, document, run, errorsBefore, toCheck, stats, cancellationToken).ConfigureAwait(false);
                    stats.Time("fixes", started);
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                stats.Fail(mutant, "hang", $"analysis and fixes did not finish within {PerMutantTimeout.TotalSeconds} s");
            }
            catch (Exception exception)
            {
                stats.Fail(mutant, "host exception", exception.ToString());
            }
        }

        /// <summary>The rule, where it points inside its member, the member's text, and whether the file compiles.</summary>
        private static string FixSignature(Diagnostic diagnostic, bool compiles)
        {
            SyntaxNode root = diagnostic.Location.SourceTree!.GetRoot();
            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan);
            SyntaxNode member = node.AncestorsAndSelf().FirstOrDefault(a =>
                    a is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax
                    and not Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax
                    and not Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax
                    and not Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax)
                ?? root;
            return $"{diagnostic.Id}|{compiles}|{diagnostic.Location.SourceSpan.Start - member.SpanStart}|{diagnostic.Location.SourceSpan.Length}|{member}";
        }

        /// <summary>Applies every fix offered for the selected diagnostics, one at a time, to the mutant's document.</summary>
        private static async Task CheckFixesAsync(Mutant mutant, Document document, AnalysisRun run, int errorsBefore, HashSet<string> signatures, FuzzStats stats, CancellationToken cancellationToken)
        {
            foreach (Diagnostic diagnostic in run.Diagnostics.Where(d => d.Location.IsInSource && signatures.Contains(FixSignature(d, errorsBefore == 0))))
            {
                ImmutableArray<(CodeFixProvider Fixer, CodeAction Action)> fixes;
                try
                {
                    fixes = await Harness.FixesForAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    stats.Fail(mutant, "fix registration exception", Harness.Describe(diagnostic) + "\n" + exception);
                    continue;
                }

                foreach ((CodeFixProvider fixer, CodeAction action) in fixes)
                {
                    string label = $"{fixer.GetType().Name} '{action.EquivalenceKey}' for {Harness.Describe(diagnostic)}";
                    string? fixedText;
                    try
                    {
                        Solution? changed = await Harness.ApplyAsync(action, cancellationToken).ConfigureAwait(false);
                        fixedText = changed is null ? null : (await changed.GetDocument(document.Id)!.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        stats.Fail(mutant, "fix exception", label + "\n" + exception);
                        continue;
                    }

                    if (fixedText is null || fixedText == mutant.Source.Text)
                    {
                        stats.Fail(mutant, "fix changes nothing", label);
                        continue;
                    }

                    if (errorsBefore == 0)
                    {
                        // Code that compiled must still compile: the fixed text is parsed and compiled anew.
                        ImmutableArray<Diagnostic> errors = Harness.Errors(Harness.Compile(mutant.Source.WithText(mutant.Id + " fixed", fixedText)), cancellationToken);
                        stats.Fixed(action.EquivalenceKey ?? action.Title, compiled: true);
                        if (errors.Length > 0)
                        {
                            stats.Fail(mutant, "fix breaks clean code", label + "\n" + string.Join("\n", errors.Take(5)) + "\n" + Diff(mutant.Source.Text, fixedText));
                        }
                    }
                    else
                    {
                        // Code that did not compile: the fix may not add syntax errors (checked by parsing, which is cheap).
                        int syntaxBefore = SyntaxErrors(mutant.Source.Text);
                        int syntaxAfter = SyntaxErrors(fixedText);
                        stats.Fixed(action.EquivalenceKey ?? action.Title, compiled: false);
                        if (syntaxAfter > syntaxBefore)
                        {
                            stats.Fail(mutant, "fix adds syntax errors", $"{label}\n{syntaxBefore} syntax errors before, {syntaxAfter} after\n" + Diff(mutant.Source.Text, fixedText));
                        }
                    }
                }
            }
        }

        /// <summary>The 1-minute load average where the OS tells it (Linux), to read the timings against.</summary>
        private static string LoadAverage()
        {
            try
            {
                return System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
            }
            catch (System.IO.IOException)
            {
                return "unknown";
            }
        }

        private static int SyntaxErrors(string text) =>
            Harness.Parse(text).GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);

        /// <summary>The lines that differ, for failure messages.</summary>
        private static string Diff(string before, string after)
        {
            string[] a = before.Split('\n');
            string[] b = after.Split('\n');
            int prefix = 0;
            while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
            {
                prefix++;
            }

            int suffix = 0;
            while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
            {
                suffix++;
            }

            var text = new StringBuilder();
            for (int i = prefix; i < a.Length - suffix; i++)
            {
                text.AppendLine($"-{i + 1}: {a[i]}");
            }

            for (int i = prefix; i < b.Length - suffix; i++)
            {
                text.AppendLine($"+{i + 1}: {b[i]}");
            }

            return text.ToString();
        }

        /// <summary>Counters shared by the parallel workers; the report is sorted, so it reads the same every run.</summary>
        private sealed class FuzzStats
        {
            private readonly ConcurrentDictionary<string, int> mutantsByKind = new ConcurrentDictionary<string, int>();
            private readonly ConcurrentDictionary<string, int> diagnosticsById = new ConcurrentDictionary<string, int>();
            private readonly ConcurrentDictionary<string, int> fixesByKey = new ConcurrentDictionary<string, int>();
            private readonly ConcurrentBag<(string Mutant, string Category, string Detail, string Source)> failures = new ConcurrentBag<(string, string, string, string)>();
            private readonly ConcurrentDictionary<string, bool> fixSignatures = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            private int fixChecksSkipped;
            private int mutants;
            private int compiling;
            private int diagnostics;
            private int fixesApplied;
            private int fixesOnCleanCode;

            public int Mutants => this.mutants;

            /// <summary>The equivalence keys (titles for fixes without one) of the fixes applied so far.</summary>
            public ImmutableSortedSet<string> FixKeysApplied => this.fixesByKey.Keys.ToImmutableSortedSet(StringComparer.Ordinal);

            public ImmutableArray<(string Mutant, string Category, string Detail, string Source)> Failures =>
                this.failures.OrderBy(f => f.Mutant, StringComparer.Ordinal).ThenBy(f => f.Detail, StringComparer.Ordinal).ToImmutableArray();

            public void Count(Mutant mutant)
            {
                Interlocked.Increment(ref this.mutants);
                this.mutantsByKind.AddOrUpdate(mutant.Kind, 1, (_, n) => n + 1);
            }

            public void Analysed(ImmutableArray<Diagnostic> found, bool compiles)
            {
                if (compiles)
                {
                    Interlocked.Increment(ref this.compiling);
                }

                Interlocked.Add(ref this.diagnostics, found.Length);
                foreach (Diagnostic diagnostic in found)
                {
                    this.diagnosticsById.AddOrUpdate(diagnostic.Id, 1, (_, n) => n + 1);
                }
            }

            /// <summary>True the first time a fix context is seen in this run.</summary>
            public bool FirstTimeFor(string signature) => this.fixSignatures.TryAdd(signature, true);

            private readonly ConcurrentDictionary<string, long> ticks = new ConcurrentDictionary<string, long>();

            public void Time(string phase, long startedTimestamp) =>
                this.ticks.AddOrUpdate(phase, Stopwatch.GetTimestamp() - startedTimestamp, (_, t) => t + Stopwatch.GetTimestamp() - startedTimestamp);

            public void SkippedFixCheck() => Interlocked.Increment(ref this.fixChecksSkipped);

            public void Fixed(string key, bool compiled)
            {
                Interlocked.Increment(ref this.fixesApplied);
                this.fixesByKey.AddOrUpdate(key, 1, (_, n) => n + 1);
                if (compiled)
                {
                    Interlocked.Increment(ref this.fixesOnCleanCode);
                }
            }

            public void Fail(Mutant mutant, string category, string detail) =>
                this.failures.Add((mutant.Id, category, detail, mutant.Source.Text));

            public string Report(TimeSpan elapsed, TimeSpan generation)
            {
                string Counts(ConcurrentDictionary<string, int> counts) =>
                    string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

                var failuresByCategory = this.Failures.GroupBy(f => f.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
                return string.Join(
                    Environment.NewLine,
                    $"Mutations run: {this.mutants} ({Counts(this.mutantsByKind)})",
                    $"Mutants that compile: {this.compiling}",
                    $"Diagnostics seen: {this.diagnostics} ({Counts(this.diagnosticsById)})",
                    $"Fixes applied: {this.fixesApplied} ({Counts(this.fixesByKey)}); to code that compiled (recompiled: no error may appear): {this.fixesOnCleanCode}; to code with errors (reparsed: no syntax error may appear): {this.fixesApplied - this.fixesOnCleanCode}",
                    $"Fixable diagnostics not re-checked (same rule, place and member text as one already checked): {this.fixChecksSkipped}",
                    $"Crashes and broken fixes: {this.failures.Count}{(this.failures.IsEmpty ? string.Empty : " (" + string.Join(", ", failuresByCategory) + ")")}",
                    $"Elapsed: {elapsed.TotalSeconds:F1} s (mutant generation {generation.TotalSeconds:F1} s) on {Environment.ProcessorCount} cores; time in "
                        + string.Join(", ", this.ticks.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value / (double)Stopwatch.Frequency:F1} s")));
            }

            /// <summary>Failures grouped by category and first line of detail (one example each); all of them go to a file.</summary>
            public string FailureReport()
            {
                ImmutableArray<(string Mutant, string Category, string Detail, string Source)> all = this.Failures;
                string file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"streamlint-fuzz-failures-{Environment.ProcessId}.txt");
                var everything = new StringBuilder();
                foreach (var failure in all)
                {
                    everything.AppendLine($"=== {failure.Mutant}: {failure.Category}").AppendLine(failure.Detail).AppendLine("--- source:").AppendLine(failure.Source);
                }

                System.IO.File.WriteAllText(file, everything.ToString());
                var text = new StringBuilder();
                var groups = all.GroupBy(f => f.Category + ": " + System.Text.RegularExpressions.Regex.Replace(f.Detail.Split('\n')[0], @"\(\d+,\d+-\d+,\d+\)|'[^']*'", "…")).ToList();
                text.AppendLine($"{all.Length} failures in {groups.Count} groups (all of them in {file}):");
                foreach (var group in groups.Take(10))
                {
                    var example = group.First();
                    text.AppendLine($"--- {group.Count()} x {group.Key}; e.g. {example.Mutant}:");
                    text.AppendLine(example.Detail.Length > 2000 ? example.Detail.Substring(0, 2000) + " …" : example.Detail);
                }

                return text.ToString();
            }
        }
    }
}
