using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StreamLint.Tests.Infrastructure
{
    /// <summary>
    /// Runs one analyzer over a program compiled against the Spark reference stub, with <c>streamlint.*</c> options, and
    /// returns what it reports: for tests that assert on a diagnostic's rendered message or severity directly.
    /// </summary>
    internal static class Analysis
    {
        public static async Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string source, string? sparkVersion = null)
        {
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Analysis",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "/src/Program.cs") },
                LibraryReferences.For(Libraries.Spark),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (errors.Length > 0)
            {
                throw new InvalidOperationException("The test program does not compile: " + string.Join("; ", errors.Select(e => e.ToString())));
            }

            var values = new Dictionary<string, string>();
            if (sparkVersion is not null)
            {
                values["streamlint.spark_version"] = sparkVersion;
            }

            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new OptionsProvider(values));
            var exceptions = new List<string>();
            CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(options, (e, a, d) => exceptions.Add(e.ToString()), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            if (exceptions.Count > 0 || diagnostics.Any(d => d.Id == "AD0001"))
            {
                throw new InvalidOperationException("The analyzer threw: " + string.Join("; ", exceptions.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()))));
            }

            return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Options options;

            public OptionsProvider(IReadOnlyDictionary<string, string> values) => this.options = new Options(values);

            public override AnalyzerConfigOptions GlobalOptions => this.options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => this.options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => this.options;

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly ImmutableDictionary<string, string> values;

                public Options(IReadOnlyDictionary<string, string> values) => this.values = values.ToImmutableDictionary(KeyComparer);

                public override IEnumerable<string> Keys => this.values.Keys;

                public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => this.values.TryGetValue(key, out value);
            }
        }
    }
}
