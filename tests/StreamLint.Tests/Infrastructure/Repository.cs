using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StreamLint.Tests.Infrastructure
{
    /// <summary>The repository's files and the shipped analyzers and fixes, for the meta-tests.</summary>
    internal static class Repository
    {
        private static readonly Lazy<string> LazyRoot = new Lazy<string>(() =>
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StreamLint.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("StreamLint.sln not found above " + AppContext.BaseDirectory);
        });

        public static string Root => LazyRoot.Value;

        public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

        public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
            typeof(StreamLint.Spark.SparkAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        public static ImmutableArray<CodeFixProvider> CodeFixes { get; } =
            typeof(StreamLint.CodeFixes.Spark.MissingCheckpointLocationCodeFix).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
            Analyzers.SelectMany(a => a.SupportedDiagnostics)
                .GroupBy(d => d.Id)
                .Select(g => g.First())
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();

        /// <summary>Rows of the first markdown table whose header starts with <paramref name="firstHeader"/>, cells trimmed.</summary>
        public static IReadOnlyList<string[]> MarkdownTable(string text, string firstHeader)
        {
            var rows = new List<string[]>();
            bool inTable = false;
            foreach (string raw in text.Split('\n'))
            {
                string line = raw.Trim();
                if (!inTable)
                {
                    inTable = line.StartsWith("|", StringComparison.Ordinal) && Cells(line).FirstOrDefault() == firstHeader;
                    continue;
                }

                if (!line.StartsWith("|", StringComparison.Ordinal))
                {
                    break;
                }

                string[] cells = Cells(line);
                if (!cells.All(c => c.Trim('-', ':').Length == 0))
                {
                    rows.Add(cells);
                }
            }

            return rows;
        }

        private static string[] Cells(string line) =>
            line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
    }
}
