using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using StreamLint.Tests.Infrastructure;
using StreamLint.Tests.Reliability;
using Xunit;

namespace StreamLint.Tests.Samples
{
    /// <summary>
    /// Each sample under docs/sample reports what its section of docs/sample/README.md lists under "Expected
    /// diagnostics" (line and rule of every row), and nothing else at Warning or Error: the sample's Program.cs is
    /// compiled against the libraries and every StreamLint analyzer runs on it in-process.
    /// </summary>
    public class SampleDiagnosticsTests
    {
        [Theory]
        [InlineData("ClickstreamPipeline")]
        [InlineData("OrderConsumer")]
        [InlineData("PageViewTopology")]
        public async Task Sample_reports_the_expected_diagnostics(string sample)
        {
            string folder = Repository.PathOf("docs", "sample", sample);
            string text = File.ReadAllText(Path.Combine(folder, "Program.cs"));
            Compilation compilation = Harness.Compile(SourceCase.From("sample/" + sample + "/Program.cs", text));
            Assert.Empty(Harness.Errors(compilation));

            AnalysisRun run = await Harness.AnalyzeAsync(compilation, concurrent: false);
            Assert.Empty(run.Exceptions);

            List<(string Id, int Line)> expected = ExpectedRows(sample);
            Assert.NotEmpty(expected);
            var reported = run.Diagnostics
                .Select(d => (Id: d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Severity))
                .ToList();
            foreach ((string id, int line) in expected)
            {
                Assert.True(
                    reported.Any(d => d.Id == id && d.Line == line),
                    $"{sample}: README lists {id} at line {line}; reported: {Describe(reported)}");
            }

            foreach (var d in reported.Where(d => d.Severity >= DiagnosticSeverity.Warning))
            {
                Assert.True(
                    expected.Contains((d.Id, d.Line)),
                    $"{sample}: {d.Id} at line {d.Line} ({d.Severity}) is reported but not listed in docs/sample/README.md");
            }
        }

        /// <summary>The rows of the "Expected diagnostics" table in the README section that starts with "# {sample}:".</summary>
        private static List<(string Id, int Line)> ExpectedRows(string sample)
        {
            string[] lines = File.ReadAllLines(Repository.PathOf("docs", "sample", "README.md"));
            int start = Array.FindIndex(lines, l => l.StartsWith("# " + sample + ":", StringComparison.Ordinal));
            Assert.True(start >= 0, $"docs/sample/README.md has no section '# {sample}: …'");
            int end = Array.FindIndex(lines, start + 1, l => l.StartsWith("# ", StringComparison.Ordinal));
            IEnumerable<string> section = lines.Skip(start).Take((end < 0 ? lines.Length : end) - start);
            var rows = new List<(string, int)>();
            bool inTable = false;
            foreach (string line in section)
            {
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    inTable = line == "## Expected diagnostics";
                    continue;
                }

                Match row = Regex.Match(line, @"^\| (?<line>\d+) \|.*?(?<id>SL\d{4})");
                if (inTable && row.Success)
                {
                    rows.Add((row.Groups["id"].Value, int.Parse(row.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)));
                }
            }

            return rows;
        }

        private static string Describe(IEnumerable<(string Id, int Line, DiagnosticSeverity Severity)> diagnostics) =>
            string.Join(", ", diagnostics.OrderBy(d => d.Line).Select(d => $"{d.Id}@{d.Line} ({d.Severity})"));
    }
}
