using System;
using System.Collections.Immutable;
using System.Diagnostics;
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
    /// Cancellation is honoured: analysis of a large program, cancelled while it runs, ends with
    /// OperationCanceledException soon after (a liveness check with a generous bound, not a performance test).
    /// </summary>
    public class CancellationTests
    {
        /// <summary>How long analysis may go on after cancellation; generous, because other tests share the machine.</summary>
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

        private readonly ITestOutputHelper output;

        public CancellationTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task LargeProgram_CancelledWhileAnalysing_EndsPromptlyWithOperationCanceled()
        {
            // 400 methods with Spark pipelines in 10 files, and one method of 1200 statements (400 queries in one block).
            ImmutableArray<SyntaxTree> trees = Corpus.Generated(files: 10, methodsPerFile: 40, longMethodStatements: 1200)
                .Select(f => Harness.Parse(f.Text, f.Path))
                .ToImmutableArray();

            // One complete run, which also counts the operation blocks analysed.
            var counter = new ProgressProbe(threshold: int.MaxValue, onThreshold: () => { });
            var clock = Stopwatch.StartNew();
            AnalysisRun complete = await Harness.AnalyzeAsync(Harness.Compile(trees, OutputKind.DynamicallyLinkedLibrary), concurrent: true, analyzers: Repository.Analyzers.Add(counter));
            Assert.Empty(complete.Exceptions);
            Assert.NotEmpty(complete.Diagnostics);
            this.output.WriteLine($"Uncancelled: {complete.Diagnostics.Length} diagnostics, {counter.Blocks} operation blocks, {clock.Elapsed.TotalMilliseconds:F0} ms");

            // Cancelled by time, early: CancelAfter(50 ms).
            using (var cancellation = new CancellationTokenSource())
            {
                clock.Restart();
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(50));
                Exception? thrown = await Record.ExceptionAsync(() => Harness.AnalyzeAsync(Harness.Compile(trees, OutputKind.DynamicallyLinkedLibrary), concurrent: true, cancellationToken: cancellation.Token));
                TimeSpan ended = clock.Elapsed;
                Assert.True(thrown is OperationCanceledException, $"expected OperationCanceledException, got {thrown?.ToString() ?? "normal completion after " + ended.TotalMilliseconds + " ms"}");
                this.output.WriteLine($"CancelAfter(50 ms): OperationCanceledException after {ended.TotalMilliseconds:F0} ms");
                Assert.True(ended - TimeSpan.FromMilliseconds(50) < Bound, $"analysis went on for {(ended.TotalSeconds - 0.05):F1} s after cancellation");
            }

            // Cancelled by progress: half-way through the operation blocks, wherever the rules are then.
            using (var cancellation = new CancellationTokenSource())
            {
                long cancelledAt = 0;
                var probe = new ProgressProbe(counter.Blocks / 2, () =>
                {
                    Interlocked.Exchange(ref cancelledAt, Stopwatch.GetTimestamp());
                    cancellation.Cancel();
                });
                Exception? thrown = await Record.ExceptionAsync(() => Harness.AnalyzeAsync(Harness.Compile(trees, OutputKind.DynamicallyLinkedLibrary), concurrent: true, analyzers: Repository.Analyzers.Add(probe), cancellationToken: cancellation.Token));
                long ended = Stopwatch.GetTimestamp();
                Assert.True(cancellation.IsCancellationRequested, "the probe never reached half of the operation blocks");
                Assert.True(thrown is OperationCanceledException, $"expected OperationCanceledException, got {thrown?.ToString() ?? "normal completion"}");
                TimeSpan latency = Stopwatch.GetElapsedTime(Interlocked.Read(ref cancelledAt), ended);
                this.output.WriteLine($"Cancelled after {probe.Blocks} of {counter.Blocks} operation blocks: OperationCanceledException {latency.TotalMilliseconds:F0} ms later");
                Assert.True(latency < Bound, $"analysis went on for {latency.TotalSeconds:F1} s after cancellation");
            }
        }

        /// <summary>Counts operation blocks as the host analyses them and calls back once when a count is reached.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ProgressProbe : DiagnosticAnalyzer
        {
#pragma warning disable RS2008 // A test-only analyzer: no release tracking.
            private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor(
                "PROBE1", "Progress probe", "Progress probe", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

            private readonly int threshold;
            private readonly Action onThreshold;
            private int blocks;

            public ProgressProbe(int threshold, Action onThreshold)
            {
                this.threshold = threshold;
                this.onThreshold = onThreshold;
            }

            public int Blocks => Volatile.Read(ref this.blocks);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationBlockAction(_ =>
                {
                    if (Interlocked.Increment(ref this.blocks) == this.threshold)
                    {
                        this.onThreshold();
                    }
                });
            }
        }
    }
}
