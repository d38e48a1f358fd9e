using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Runtime;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace StreamLint.Benchmarks
{
    /// <summary>One analyzer run: execution time per analyzer (from Roslyn's telemetry) and the diagnostics reported.</summary>
    internal sealed class AnalyzerRun
    {
        public AnalyzerRun(Dictionary<DiagnosticAnalyzer, double> milliseconds, ImmutableArray<Diagnostic> diagnostics, List<Exception> exceptions)
        {
            this.Milliseconds = milliseconds;
            this.Diagnostics = diagnostics;
            this.Exceptions = exceptions;
        }

        public Dictionary<DiagnosticAnalyzer, double> Milliseconds { get; }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        public List<Exception> Exceptions { get; }

        public double Total(IEnumerable<DiagnosticAnalyzer> analyzers) => analyzers.Sum(a => this.Milliseconds[a]);
    }

    internal static class Measure
    {
        public static double Median(IEnumerable<double> values)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            int mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        /// <summary>Nearest-rank percentile.</summary>
        public static double Percentile(IEnumerable<double> values, double percentile)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            int rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }

        public static void Quiesce()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        /// <summary>Measured runs that a garbage collection interrupted anyway (the no-GC region was too small or refused).</summary>
        public static int RunsWithGc { get; private set; }

        public static int Runs { get; private set; }

        /// <summary>
        /// Runs the measured part inside a no-GC region sized for the corpus. Analyzer telemetry is wall clock per
        /// callback, so a collection triggered by anyone's allocation (a gen1 with this heap takes 100+ ms) is
        /// charged to whichever callback happens to be running — noise that swamped StreamLint's few milliseconds.
        /// Without collections every party is charged its own work (allocation included, collection excluded), and
        /// the compile time is measured the same way.
        /// </summary>
        public static T WithoutGc<T>(int lines, Func<T> measured)
        {
            Quiesce();
            long budget = Math.Min(256L * 1024 * 1024 + (lines * 24L * 1024), 12L * 1024 * 1024 * 1024);
            bool started;
            try
            {
                started = GC.TryStartNoGCRegion(budget);
            }
            catch (ArgumentOutOfRangeException)
            {
                started = false;
            }

            int before = GC.CollectionCount(0);
            try
            {
                return measured();
            }
            finally
            {
                Runs++;
                if (!started || GC.CollectionCount(0) != before)
                {
                    RunsWithGc++;
                }

                if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
                {
                    GC.EndNoGCRegion();
                }
            }
        }

        /// <summary>
        /// The compiler's own cost: declaring and binding every method body of a fresh compilation (references
        /// included). Every measurement parses the sources anew (untimed), as a build does: nothing cached on a
        /// syntax tree by an earlier repetition — red nodes, or StreamLint's per-tree text index — is reused.
        /// </summary>
        public static double CompileMilliseconds(IReadOnlyCollection<GeneratedFile> files, bool withLibraries)
        {
            Compilation compilation = Compiler.Create(Compiler.Parse(files), withLibraries);
            return WithoutGc(files.Sum(f => f.Lines), () =>
            {
                var watch = Stopwatch.StartNew();
                compilation.GetDiagnostics();
                return watch.Elapsed.TotalMilliseconds;
            });
        }

        /// <summary>
        /// Runs <paramref name="analyzers"/> over a fresh compilation in one <see cref="CompilationWithAnalyzers"/>,
        /// sequentially, with execution-time logging, and reads each analyzer's time from the telemetry.
        /// </summary>
        public static async Task<AnalyzerRun> RunAnalyzersAsync(IReadOnlyCollection<GeneratedFile> files, bool withLibraries, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            Compilation compilation = Compiler.Create(Compiler.Parse(files), withLibraries);

            // Bind the references first (part of the compiler's own cost, which compile_ms includes, and done before
            // analyzers run in a real build or an IDE edit): otherwise whichever analyzer asks for a symbol first is
            // charged ~2.5 ms for reading 170 framework assemblies' metadata.
            _ = compilation.SourceModule.ReferencedAssemblySymbols;
            var exceptions = new List<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, diagnostic) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add(new InvalidOperationException($"{Analyzers.NameOf(analyzer)}: {diagnostic.GetMessage()}", exception));
                    }
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            ImmutableArray<Diagnostic> diagnostics = WithoutGc(
                files.Sum(f => f.Lines),
                () => withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult());
            var times = new Dictionary<DiagnosticAnalyzer, double>();
            foreach (DiagnosticAnalyzer analyzer in analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
                times[analyzer] = telemetry.ExecutionTime.TotalMilliseconds;
            }

            return new AnalyzerRun(times, diagnostics, exceptions);
        }

        /// <summary>
        /// What the IDE does after an edit of one document: a new compilation (the project's other trees reused), the
        /// document's compiler diagnostics (which bind it; not timed: the IDE computes them anyway), then StreamLint's
        /// semantic diagnostics for that document on a fresh <see cref="CompilationWithAnalyzers"/> — timed.
        /// Returns (wall-clock ms of the analyzer call, StreamLint execution ms from telemetry).
        /// </summary>
        public static async Task<(double WallMs, double ExecutionMs)> DocumentLatencyAsync(
            Compilation project,
            SyntaxTree document,
            int edit,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            ImmutableArray<DiagnosticAnalyzer> measured = default)
        {
            SourceText text = document.GetText();
            SyntaxTree edited = document.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), $"// edit {edit}\n")));
            Compilation compilation = project.ReplaceSyntaxTree(document, edited);
            SemanticModel model = compilation.GetSemanticModel(edited);
            model.GetDiagnostics();

            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            double wall = WithoutGc(edited.GetText().Lines.Count * 8, () =>
            {
                var watch = Stopwatch.StartNew();
                withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
                return watch.Elapsed.TotalMilliseconds;
            });
            double execution = 0;
            foreach (DiagnosticAnalyzer analyzer in measured.IsDefault ? analyzers : measured)
            {
                execution += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime.TotalMilliseconds;
            }

            return (wall, execution);
        }
    }
}
