using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace StreamLint.Tests.Infrastructure
{
    /// <summary>
    /// Rule tests in a few lines: sources use <c>{|SL1001:…|}</c> markup and compile against the running .NET runtime
    /// and the analyzer's library (<see cref="LibraryReferences.DefaultFor"/>: the Microsoft.Spark reference stub, or
    /// the real Streamiz.Kafka.Net / Confluent.Kafka packages), or the library set a test names.
    /// Severity is part of every expectation: <see cref="Diagnostic"/> and <c>{|ID:…|}</c> markup both expect the
    /// descriptor's default severity, and a diagnostic reported at another severity (the second severity of SL1014,
    /// SL1017, SL1018, SL1021) must be expected with an explicit <c>.WithSeverity(…)</c>.
    /// </summary>
    internal static class Verifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        /// <summary>
        /// A diagnostic of <paramref name="id"/> at its descriptor's default severity (looked up in the analyzer's
        /// SupportedDiagnostics); state any other severity with <c>.WithSeverity(…)</c>.
        /// </summary>
        public static DiagnosticResult Diagnostic(string id)
        {
            DiagnosticDescriptor descriptor = SupportedDiagnostics.FirstOrDefault(d => d.Id == id)
                ?? throw new ArgumentException($"{typeof(TAnalyzer).Name} does not support {id}", nameof(id));
            return new DiagnosticResult(id, descriptor.DefaultSeverity).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
        }

        /// <summary>The diagnostics the analyzer declares.</summary>
        public static ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = new TAnalyzer().SupportedDiagnostics;

        /// <summary>
        /// The equivalence keys the fixer declares: its public string constants named <c>…Key</c> (the convention
        /// <c>RuleCatalogueTests</c> enforces for every shipped fixer).
        /// </summary>
        public static ImmutableArray<string> FixerKeys { get; } = typeof(TCodeFix).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToImmutableArray();

        /// <summary>Asserts exactly the diagnostics marked in <paramref name="source"/> (and <paramref name="expected"/>).</summary>
        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
            VerifyAnalyzerAsync(source, editorConfig: null, DefaultLibraries, expected);

        public static Task VerifyAnalyzerAsync(string source, string? editorConfig, Libraries libraries, params DiagnosticResult[] expected)
        {
            var test = new Test(libraries);
            test.TestCode = test.Expect(test.TestState, source);
            test.ExpectedDiagnostics.AddRange(expected);
            test.AddEditorConfig(editorConfig);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Asserts exactly the diagnostics marked in several named files (for file-name conventions such as *.g.cs).</summary>
        public static Task VerifyAnalyzerAsync(
            IEnumerable<(string Path, string Source)> sources,
            string? editorConfig = null,
            OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
            params DiagnosticResult[] expected)
        {
            var test = new Test(DefaultLibraries);
            test.TestState.OutputKind = outputKind;
            foreach ((string path, string source) in sources)
            {
                test.TestState.Sources.Add((path, test.Expect(test.TestState, source)));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            test.AddEditorConfig(editorConfig);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Applies the fix with <paramref name="equivalenceKey"/> to every marked diagnostic (one by one and as Fix All).</summary>
        public static Task VerifyCodeFixAsync(string source, string fixedSource, string equivalenceKey, string? editorConfig = null)
        {
            var test = new Test(DefaultLibraries) { CodeActionEquivalenceKey = equivalenceKey };
            test.TestCode = test.Expect(test.TestState, source);
            test.FixedCode = test.Expect(test.FixedState, fixedSource);
            test.AddEditorConfig(editorConfig);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>
        /// Asserts that no fix with <paramref name="equivalenceKey"/> is offered for the marked diagnostics. The key must
        /// be one the fixer declares: a misspelt or foreign key would make the assertion pass without testing anything.
        /// </summary>
        public static Task VerifyNoCodeFixAsync(string source, string equivalenceKey)
        {
            if (!FixerKeys.Contains(equivalenceKey))
            {
                throw new ArgumentException(
                    $"'{equivalenceKey}' is not an equivalence key {typeof(TCodeFix).Name} declares ({string.Join(", ", FixerKeys)}); the test could not fail",
                    nameof(equivalenceKey));
            }

            var test = new Test(DefaultLibraries) { CodeActionEquivalenceKey = equivalenceKey };
            test.TestCode = test.Expect(test.TestState, source);
            test.FixedCode = test.Expect(test.FixedState, source);
            return test.RunAsync(CancellationToken.None);
        }

        private static readonly System.Text.RegularExpressions.Regex MarkupId = new System.Text.RegularExpressions.Regex(@"\{\|([A-Za-z]+[0-9]+):");

        /// <summary>The library set of the analyzer's family.</summary>
        private static Libraries DefaultLibraries => LibraryReferences.DefaultFor(typeof(TAnalyzer));

        /// <summary>
        /// Applies the fix with <paramref name="equivalenceKey"/> over several documents of one project: one diagnostic
        /// at a time, then as Fix All in document, project and solution scope (solution and project scope in one pass,
        /// document scope in at most one pass per document), each time expecting <paramref name="fixedSources"/>.
        /// </summary>
        public static Task VerifyFixAllAsync(
            IEnumerable<(string Path, string Source)> sources,
            IEnumerable<(string Path, string Source)> fixedSources,
            string equivalenceKey,
            string? editorConfig = null)
        {
            var test = new Test(DefaultLibraries) { CodeActionEquivalenceKey = equivalenceKey };
            foreach ((string path, string source) in sources)
            {
                test.TestState.Sources.Add((path, test.Expect(test.TestState, source)));
            }

            foreach ((string path, string source) in fixedSources)
            {
                test.FixedState.Sources.Add((path, test.Expect(test.FixedState, source)));
            }

            test.AddEditorConfig(editorConfig);
            return test.RunAsync(CancellationToken.None);
        }

        private sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test(Libraries libraries)
            {
                // An empty framework: references come from the test host's runtime instead of a download.
                this.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
                this.TestState.AdditionalReferences.AddRange(LibraryReferences.For(libraries));
                this.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            }

            private int nextMarker = 9000;

            /// <summary>
            /// Microsoft.CodeAnalysis.Testing 1.1.4 does not compare the severity of diagnostics written as
            /// <c>{|ID:…|}</c> markup, so each such span becomes a location marker <c>{|#n:…|}</c> with an explicit
            /// expectation at the descriptor's default severity (<see cref="Diagnostic"/>). IDs the analyzer does not
            /// declare (compiler diagnostics) are left to the library.
            /// </summary>
            public string Expect(SolutionState state, string source) => MarkupId.Replace(source, match =>
            {
                string id = match.Groups[1].Value;
                if (!SupportedDiagnostics.Any(d => d.Id == id))
                {
                    return match.Value;
                }

                int marker = this.nextMarker++;
                state.ExpectedDiagnostics.Add(Diagnostic(id).WithLocation(marker));
                return "{|#" + marker.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":";
            });

            public void AddEditorConfig(string? editorConfig)
            {
                if (editorConfig is not null)
                {
                    this.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
                }
            }
        }
    }
}
