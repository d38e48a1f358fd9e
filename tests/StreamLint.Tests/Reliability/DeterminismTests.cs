using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace StreamLint.Tests.Reliability
{
    /// <summary>
    /// Same answer every time: the same program gives the same diagnostics (ID, location, message, additional
    /// locations and properties, which the fixes read) on every run with concurrent analysis, and whether the
    /// analyzers run together, one at a time on a shared compilation, or file by file as the IDE runs them.
    /// </summary>
    public class DeterminismTests
    {
        private const int Runs = 20;

        private readonly ITestOutputHelper output;

        public DeterminismTests(ITestOutputHelper output) => this.output = output;

        /// <summary>Each seed and sample alone, all seeds in one compilation, and a generated multi-file program.</summary>
        private static IEnumerable<(string Name, ImmutableArray<SyntaxTree> Trees, OutputKind Kind)> Programs()
        {
            foreach (SourceCase source in Corpus.All)
            {
                yield return (source.Name, ImmutableArray.Create(Harness.Parse(source.Text, "/src/" + source.Name)), source.Kind);
            }

            yield return (
                "all seeds in one compilation",
                Corpus.Seeds.Select(s => Harness.Parse(s.Text, "/src/" + s.Name)).ToImmutableArray(),
                Corpus.Seeds.Any(s => s.Kind == OutputKind.ConsoleApplication) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);
            yield return (
                "generated",
                Corpus.Generated(files: 4, methodsPerFile: 24, longMethodStatements: 120).Select(f => Harness.Parse(f.Text, f.Path)).ToImmutableArray(),
                OutputKind.DynamicallyLinkedLibrary);
        }

        [Fact]
        public async Task Diagnostics_AreIdentical_In20ConcurrentRuns()
        {
            foreach ((string name, ImmutableArray<SyntaxTree> trees, OutputKind kind) in Programs())
            {
                ImmutableArray<string> baseline = default;
                ImmutableArray<string> baselineOrder = default;
                int rawOrderChanges = 0;
                for (int run = 0; run < Runs; run++)
                {
                    AnalysisRun result = await Harness.AnalyzeAsync(Harness.Compile(trees, kind), concurrent: true);
                    Assert.Empty(result.Exceptions);
                    ImmutableArray<string> raw = result.Diagnostics.Select(Key).ToImmutableArray();
                    ImmutableArray<string> sorted = raw.Sort(StringComparer.Ordinal);
                    if (baseline.IsDefault)
                    {
                        baseline = sorted;
                        baselineOrder = raw;
                        continue;
                    }

                    // The multiset of diagnostics, compared in a deterministic order (location, then ID, message, …).
                    Assert.True(baseline.SequenceEqual(sorted), $"{name}, run {run + 1}: diagnostics differ from run 1:\n" + Difference(baseline, sorted));
                    if (!baselineOrder.SequenceEqual(raw))
                    {
                        rawOrderChanges++;
                    }
                }

                this.output.WriteLine($"{name}: {baseline.Length} diagnostics, identical in {Runs} concurrent runs (order as returned by the host differed in {rawOrderChanges} runs; compared sorted)");
            }
        }

        [Fact]
        public async Task SharedCompilation_AnalyzersAloneOrTogetherOrPerFile_GiveTheSameDiagnostics()
        {
            foreach ((string name, ImmutableArray<SyntaxTree> trees, OutputKind kind) in Programs())
            {
                ImmutableArray<string> together = (await Harness.AnalyzeAsync(Harness.Compile(trees, kind), concurrent: true)).Diagnostics.Select(Key).ToImmutableArray().Sort(StringComparer.Ordinal);

                // One compilation, analysed by one host per analyzer, in both orders: state a rule keeps per compilation
                // (the pipeline model's caches) must not make the answer depend on who asked first.
                foreach (IEnumerable<DiagnosticAnalyzer> order in new[] { Repository.Analyzers.AsEnumerable(), Repository.Analyzers.Reverse() })
                {
                    Compilation shared = Harness.Compile(trees, kind);
                    var alone = new List<string>();
                    foreach (DiagnosticAnalyzer analyzer in order)
                    {
                        AnalysisRun run = await Harness.AnalyzeAsync(shared, concurrent: true, analyzers: ImmutableArray.Create(analyzer));
                        Assert.Empty(run.Exceptions);
                        alone.AddRange(run.Diagnostics.Select(Key));
                    }

                    ImmutableArray<string> sortedAlone = alone.ToImmutableArray().Sort(StringComparer.Ordinal);
                    Assert.True(together.SequenceEqual(sortedAlone), $"{name}: analyzers run one at a time on a shared compilation differ from all together:\n" + Difference(together, sortedAlone));
                }

                // File by file, each with a semantic model of its own, as the IDE analyses open documents.
                Compilation perFile = Harness.Compile(trees, kind);
                var withAnalyzers = perFile.WithAnalyzers(Repository.Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
                var byFile = new List<string>();
                foreach (SyntaxTree tree in perFile.SyntaxTrees.Reverse())
                {
                    ImmutableArray<Diagnostic> syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None);
                    ImmutableArray<Diagnostic> semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(perFile.GetSemanticModel(tree), null, CancellationToken.None);
                    byFile.AddRange(syntax.Concat(semantic).Where(d => Harness.RuleIds.Contains(d.Id)).Select(Key));
                }

                ImmutableArray<string> sortedByFile = byFile.ToImmutableArray().Sort(StringComparer.Ordinal);
                ImmutableArray<string> inSource = together.Where(k => !k.StartsWith("None|", StringComparison.Ordinal)).ToImmutableArray();
                Assert.True(
                    inSource.SequenceEqual(sortedByFile.Where(k => !k.StartsWith("None|", StringComparison.Ordinal))),
                    $"{name}: file-by-file analysis differs from whole-compilation analysis:\n" + Difference(inSource, sortedByFile));
                this.output.WriteLine($"{name}: {together.Length} diagnostics, the same together, alone (both orders) and file by file");
            }
        }

        /// <summary>Everything a diagnostic carries that users or fixes see, location first so that sorting orders by place.</summary>
        private static string Key(Diagnostic diagnostic)
        {
            Location location = diagnostic.Location;
            string place = location.IsInSource
                ? $"{location.SourceTree!.FilePath}|{location.SourceSpan.Start:D7}|{location.SourceSpan.Length}"
                : "None";
            string additional = string.Join(";", diagnostic.AdditionalLocations.Select(l => l.IsInSource ? $"{l.SourceTree!.FilePath}@{l.SourceSpan}" : "None"));
            string properties = string.Join(";", diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
            return $"{place}|{diagnostic.Id}|{diagnostic.Severity}|{diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}|{additional}|{properties}";
        }

        /// <summary>What one multiset of diagnostics has more of than the other (duplicates count).</summary>
        private static string Difference(ImmutableArray<string> expected, ImmutableArray<string> actual)
        {
            static IEnumerable<string> Surplus(ImmutableArray<string> from, ImmutableArray<string> minus)
            {
                var counts = minus.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
                foreach (string key in from)
                {
                    if (counts.TryGetValue(key, out int n) && n > 0)
                    {
                        counts[key] = n - 1;
                    }
                    else
                    {
                        yield return key;
                    }
                }
            }

            return $"first has {expected.Length}, second {actual.Length}\nonly in the first:\n  " + string.Join("\n  ", Surplus(expected, actual).Take(10))
                + "\nonly in the second:\n  " + string.Join("\n  ", Surplus(actual, expected).Take(10));
        }
    }
}
