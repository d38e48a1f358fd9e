using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Meta
{
    /// <summary>
    /// The documentation speaks of the product: no references to how it was developed (tracker numbers, branches, work
    /// sessions), and each measured figure has one home (docs/performance.md, docs/reliability.md) that the README
    /// links instead of repeating it.
    /// </summary>
    public class DocsWordingTests
    {
        private static readonly Regex InternalWording = new Regex(
            @"\bissue\s+#?\d+|\bthis branch\b|\b(this|that|other|previous|next) sessions?\b|\bof the session\b|\bworktree\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>Numbers that belong to docs/performance.md or docs/reliability.md: timings, percentages, budgets, mutant counts.</summary>
        private static readonly Regex MeasuredFigure = new Regex(
            @"\b\d+(\.\d+)?\s?(ms|µs|%)(?!\w)|\b\d{1,3}(,\d{3})+ (mutants|fixes|diagnostics)\b|\b\d+ of \d+ budgets\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        [Fact]
        public void Documentation_HasNoInternalWording()
        {
            var hits = new List<string>();
            foreach (string file in DocumentationFiles())
            {
                string[] lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++)
                {
                    Match match = InternalWording.Match(lines[i]);
                    if (match.Success)
                    {
                        hits.Add($"{Path.GetRelativePath(Repository.Root, file)}:{i + 1}: '{match.Value}' in: {lines[i].Trim()}");
                    }
                }
            }

            Assert.True(hits.Count == 0, "Documentation should describe the product, not its development:\n" + string.Join("\n", hits));
        }

        [Fact]
        public void Readme_LinksTheMeasurements_InsteadOfRepeatingThem()
        {
            string readme = File.ReadAllText(Repository.PathOf("README.md"));

            Assert.Contains("(docs/performance.md)", readme, StringComparison.Ordinal);
            Assert.Contains("(docs/reliability.md)", readme, StringComparison.Ordinal);
            foreach (string section in new[] { "## Performance", "## Reliability" })
            {
                int start = readme.IndexOf(section + "\n", StringComparison.Ordinal);
                Assert.True(start >= 0, "README has no '" + section + "' section");
                int end = readme.IndexOf("\n## ", start + section.Length, StringComparison.Ordinal);
                string body = end < 0 ? readme.Substring(start) : readme.Substring(start, end - start);
                MatchCollection figures = MeasuredFigure.Matches(body);
                Assert.True(figures.Count == 0, $"README's '{section}' repeats figures that docs/ states: " + string.Join(", ", figures.Select(m => m.Value)));
            }
        }

        /// <summary>README, CHANGELOG, docs/**/*.md and the package's readme.</summary>
        private static IEnumerable<string> DocumentationFiles()
        {
            yield return Repository.PathOf("README.md");
            yield return Repository.PathOf("CHANGELOG.md");
            yield return Repository.PathOf("src", "StreamLint.Package", "PACKAGE.md");
            yield return Repository.PathOf("tests", "StreamLint.SparkStub", "Api", "README.md");
            foreach (string file in Directory.EnumerateFiles(Repository.PathOf("docs"), "*.md", SearchOption.AllDirectories)
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .OrderBy(f => f, StringComparer.Ordinal))
            {
                yield return file;
            }
        }
    }
}
