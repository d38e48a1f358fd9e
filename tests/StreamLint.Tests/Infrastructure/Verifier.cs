using System.Collections.Generic;
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
    /// </summary>
    internal static class Verifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning).WithOptions(DiagnosticOptions.IgnoreSeverity | DiagnosticOptions.IgnoreAdditionalLocations);

        /// <summary>Asserts exactly the diagnostics marked in <paramref name="source"/> (and <paramref name="expected"/>).</summary>
        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
            VerifyAnalyzerAsync(source, editorConfig: null, DefaultLibraries, expected);

        public static Task VerifyAnalyzerAsync(string source, string? editorConfig, Libraries libraries, params DiagnosticResult[] expected)
        {
            var test = new Test(libraries) { TestCode = source };
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
                test.TestState.Sources.Add((path, source));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            test.AddEditorConfig(editorConfig);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Applies the fix with <paramref name="equivalenceKey"/> to every marked diagnostic (one by one and as Fix All).</summary>
        public static Task VerifyCodeFixAsync(string source, string fixedSource, string equivalenceKey, string? editorConfig = null)
        {
            var test = new Test(DefaultLibraries)
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            test.AddEditorConfig(editorConfig);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Asserts that no fix with <paramref name="equivalenceKey"/> is offered for the marked diagnostics.</summary>
        public static Task VerifyNoCodeFixAsync(string source, string equivalenceKey)
        {
            var test = new Test(DefaultLibraries)
            {
                TestCode = source,
                FixedCode = source,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>The library set of the analyzer's family.</summary>
        private static Libraries DefaultLibraries => LibraryReferences.DefaultFor(typeof(TAnalyzer));

        private sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test(Libraries libraries)
            {
                // An empty framework: references come from the test host's runtime instead of a download.
                this.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
                this.TestState.AdditionalReferences.AddRange(LibraryReferences.For(libraries));
                this.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            }

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
