using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Meta
{
    /// <summary>
    /// Each rule page's front matter and header table agree with the shipped descriptor and fixers, and the set of pages
    /// is exactly the set of rules: a page without a rule, or a rule without a page, fails.
    /// </summary>
    public class RuleFrontMatterTests
    {
        private static readonly string RulesFolder = Repository.PathOf("docs", "rules");

        [Fact]
        public void ThePages_AreExactlyTheRules()
        {
            string[] pages = Directory.GetFiles(RulesFolder, "*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(p => p, StringComparer.Ordinal).ToArray()!;
            string[] orphans = pages.Except(Repository.Descriptors.Select(d => d.Id)).ToArray();
            string[] missing = Repository.Descriptors.Select(d => d.Id).Except(pages).ToArray();
            Assert.True(orphans.Length == 0, "pages with no rule: " + string.Join(", ", orphans));
            Assert.True(missing.Length == 0, "rules with no page: " + string.Join(", ", missing));
            Assert.DoesNotContain(Directory.GetFiles(RulesFolder), f => !f.EndsWith(".md", StringComparison.Ordinal));
        }

        public static TheoryData<string> Rules()
        {
            var data = new TheoryData<string>();
            foreach (DiagnosticDescriptor d in Repository.Descriptors)
            {
                data.Add(d.Id);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Rules))]
        public void FrontMatter_MatchesTheDescriptor(string id)
        {
            DiagnosticDescriptor d = Repository.Descriptors.Single(x => x.Id == id);
            Dictionary<string, string> front = FrontMatter(File.ReadAllText(Path.Combine(RulesFolder, id + ".md")), id);
            bool fixable = Repository.CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(id));

            Assert.Equal(new[] { "category", "codefix", "enabled", "id", "severity", "tags", "title" }, front.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(id, front["id"]);
            Assert.Equal(d.Title.ToString(), front["title"]);
            Assert.Equal(d.Category, front["category"]);
            Assert.Equal("[" + string.Join(", ", d.CustomTags) + "]", front["tags"]);
            Assert.Equal(d.DefaultSeverity.ToString(), front["severity"]);
            Assert.Equal(d.IsEnabledByDefault ? "true" : "false", front["enabled"]);
            Assert.True((fixable ? "true" : "false") == front["codefix"], $"{id}.md says codefix: {front["codefix"]}, but {(fixable ? "a fixer offers fixes for it" : "no fixer fixes it")}");
        }

        [Theory]
        [MemberData(nameof(Rules))]
        public void HeadingAndHeaderTable_MatchTheDescriptor(string id)
        {
            DiagnosticDescriptor d = Repository.Descriptors.Single(x => x.Id == id);
            string text = File.ReadAllText(Path.Combine(RulesFolder, id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            string name = ReleaseName(id);
            Assert.Contains("\n# " + id + ": " + name + "\n", text, StringComparison.Ordinal);

            // The first table of the page is the rule's card: | Severity | … |, | Enabled by default | … |, | Code fix(es) | … |.
            Dictionary<string, string> card = Regex.Matches(text, @"^\| (Severity|Enabled by default|Code fix(?:es)?) \| (.*) \|$", RegexOptions.Multiline)
                .GroupBy(m => m.Groups[1].Value)
                .ToDictionary(g => g.Key, g => g.First().Groups[2].Value.Trim());
            Assert.True(card.ContainsKey("Severity"), id + ".md has no Severity row");
            Assert.StartsWith(d.DefaultSeverity.ToString(), card["Severity"], StringComparison.Ordinal);
            Assert.True(card.ContainsKey("Enabled by default"), id + ".md has no 'Enabled by default' row");
            Assert.StartsWith(d.IsEnabledByDefault ? "Yes" : "No", card["Enabled by default"], StringComparison.Ordinal);
            string? fixRow = card.TryGetValue("Code fix", out string? one) ? one : card.TryGetValue("Code fixes", out string? many) ? many : null;
            Assert.True(fixRow is not null, id + ".md has no 'Code fix' row");
            bool fixable = Repository.CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(id));
            Assert.True(fixable != (fixRow!.StartsWith("None", StringComparison.OrdinalIgnoreCase) || fixRow == "—" || fixRow == "No"), $"{id}.md's Code fix row says '{fixRow}'");
        }

        /// <summary>The YAML-like block between the first two "---" lines, as key → raw value.</summary>
        internal static Dictionary<string, string> FrontMatter(string text, string id)
        {
            string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            Assert.True(lines.Length > 2 && lines[0] == "---", id + ".md does not start with front matter");
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 1; i < lines.Length && lines[i] != "---"; i++)
            {
                int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                Assert.True(colon > 0, $"{id}.md front matter line '{lines[i]}' is not 'key: value'");
                Assert.True(values.TryAdd(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()), $"{id}.md repeats '{lines[i][..colon]}'");
            }

            return values;
        }

        /// <summary>The rule's name from release tracking ("AppendAggregationWithoutWatermark, [Documentation](…)").</summary>
        internal static string ReleaseName(string id)
        {
            foreach (string file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            {
                foreach (string line in File.ReadAllLines(Repository.PathOf("src", "StreamLint.Analyzers", file)))
                {
                    string[] cells = line.Split('|').Select(c => c.Trim()).ToArray();
                    if (cells.Length >= 4 && cells[0] == id)
                    {
                        return cells[3].Split(',')[0].Trim();
                    }
                }
            }

            throw new InvalidOperationException(id + " is not in release tracking");
        }
    }
}
