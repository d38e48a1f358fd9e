using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Core.Plans;
using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Plans
{
    /// <summary>
    /// Runs every plan provider and the analyzers on C# sources in-process and attaches diagnostics the way the
    /// streamlint tool does (inside a plan's extent, by position then ID).
    /// </summary>
    internal static class Plans
    {
        public static IReadOnlyList<PlanReport> Of(IReadOnlyDictionary<string, ReportDiagnostic>? severities, params (string Path, string Text)[] files) =>
            Of(Libraries.Spark, severities, files);

        public static IReadOnlyList<PlanReport> Of(Libraries libraries, IReadOnlyDictionary<string, ReportDiagnostic>? severities, params (string Path, string Text)[] files)
        {
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Plans",
                files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), f.Path)),
                LibraryReferences.For(libraries),
                new CSharpCompilationOptions(
                    files.Any(f => HasTopLevelStatements(f.Text)) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    specificDiagnosticOptions: severities));
            Xunit.Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString() + " @ " + d.Location.SourceTree?.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString()));

            ImmutableArray<Diagnostic> diagnostics = compilation.WithAnalyzers(Repository.Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            return StreamLint.PlanProviders.All
                .SelectMany(p => p.Plans(compilation, CancellationToken.None))
                .Select(plan => plan.WithDiagnostics(diagnostics
                    .Where(d => d.Location.IsInSource && plan.Contains(Location(d)))
                    .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
                    .Select(d => new PlanDiagnostic(d.Id, d.Severity.ToString().ToLowerInvariant(), d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Location(d)))
                    .ToList()))
                .ToList();
        }

        public static IReadOnlyList<PlanReport> Of(string source) => Of(null, ("Program.cs", source));

        public static IReadOnlyList<PlanReport> Of(Libraries libraries, string source) => Of(libraries, null, ("Program.cs", source));

        private static bool HasTopLevelStatements(string text) =>
            CSharpSyntaxTree.ParseText(text).GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any();

        /// <summary>The <c>dotnet_diagnostic.ID.severity</c> lines of an .editorconfig.</summary>
        public static IReadOnlyDictionary<string, ReportDiagnostic> Severities(string editorConfig) =>
            File.ReadAllLines(editorConfig)
                .Select(l => l.Trim())
                .Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal) && l.Contains(".severity", StringComparison.Ordinal))
                .ToDictionary(
                    l => l.Substring("dotnet_diagnostic.".Length, l.IndexOf(".severity", StringComparison.Ordinal) - "dotnet_diagnostic.".Length),
                    l => l.Substring(l.IndexOf('=') + 1).Trim() switch
                    {
                        "error" => ReportDiagnostic.Error,
                        "warning" => ReportDiagnostic.Warn,
                        "suggestion" => ReportDiagnostic.Info,
                        "silent" => ReportDiagnostic.Hidden,
                        "none" => ReportDiagnostic.Suppress,
                        _ => ReportDiagnostic.Default,
                    });

        private static PlanLocation Location(Diagnostic d)
        {
            FileLinePositionSpan span = d.Location.GetLineSpan();
            return new PlanLocation(span.Path ?? string.Empty, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, d.Location.SourceSpan.Start, d.Location.SourceSpan.Length);
        }
    }
}
