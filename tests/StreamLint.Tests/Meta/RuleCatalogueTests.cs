using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Meta
{
    /// <summary>Descriptors, docs, release tracking, README and fixes agree with each other.</summary>
    public class RuleCatalogueTests
    {
        [Fact]
        public void ThereAreRules() => Assert.Contains(Repository.Descriptors, d => d.Id == "SL1001");

        [Fact]
        public void EveryDescriptorHasTheProductCategoryAndAnArea()
        {
            foreach (DiagnosticDescriptor d in Repository.Descriptors)
            {
                Assert.Equal("StreamLint", d.Category);
                Assert.Matches("^SL[1-9][0-9]{3}$", d.Id);
                Assert.Single(d.CustomTags, t => t is "Spark" or "Streamiz" or "Kafka" or "StreamLint");
                Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()), d.Id + " has no description");
            }
        }

        [Fact]
        public void EveryDescriptorLinksToItsDocsPage_WhichExists()
        {
            foreach (DiagnosticDescriptor d in Repository.Descriptors)
            {
                Assert.EndsWith("/docs/rules/" + d.Id + ".md", d.HelpLinkUri, StringComparison.Ordinal);
                string page = Repository.PathOf("docs", "rules", d.Id + ".md");
                Assert.True(File.Exists(page), "missing " + page);
                string text = File.ReadAllText(page);
                foreach (string section in new[] { "## Cause", "## Why it matters", "## How to fix", "## Configuration", "## When to suppress" })
                {
                    Assert.True(text.Contains(section, StringComparison.Ordinal), $"{d.Id}.md lacks '{section}'");
                }

                Assert.Contains("severity: " + d.DefaultSeverity, text, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void EveryRuleIsInReleaseTracking_WithItsSeverity()
        {
            Dictionary<string, string[]> tracked = ReleaseRows();
            Assert.Equal(Repository.Descriptors.Select(d => d.Id).OrderBy(i => i), tracked.Keys.OrderBy(i => i));
            foreach (DiagnosticDescriptor d in Repository.Descriptors)
            {
                Assert.Equal("StreamLint", tracked[d.Id][1]);
                Assert.Equal(d.DefaultSeverity.ToString(), tracked[d.Id][2]);
            }
        }

        [Fact]
        public void ReadmeRuleTable_ListsExactlyTheShippedRules()
        {
            Dictionary<string, string[]> tracked = ReleaseRows();
            IReadOnlyList<string[]> rows = Repository.MarkdownTable(File.ReadAllText(Repository.PathOf("README.md")), "ID");
            var fixable = new HashSet<string>(Repository.CodeFixes.SelectMany(f => f.FixableDiagnosticIds));

            var readmeIds = new List<string>();
            foreach (string[] row in rows)
            {
                Match id = Regex.Match(row[0], @"^\[(SL\d{4})\]\(docs/rules/(SL\d{4})\.md\)$");
                Assert.True(id.Success, "README rule row must link its ID to docs/rules/<ID>.md: " + row[0]);
                Assert.Equal(id.Groups[1].Value, id.Groups[2].Value);
                string ruleId = id.Groups[1].Value;
                readmeIds.Add(ruleId);

                DiagnosticDescriptor descriptor = Repository.Descriptors.Single(d => d.Id == ruleId);
                Assert.Equal(Name(tracked[ruleId]), row[1]);
                Assert.Equal(descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Off", row[2]);
                Assert.Equal(fixable.Contains(ruleId) ? "Yes" : "No", row[3]);
            }

            Assert.Equal(Repository.Descriptors.Select(d => d.Id), readmeIds.OrderBy(i => i, StringComparer.Ordinal));
        }

        [Fact]
        public void EveryCodeFixSupportsFixAllInEveryScope_AndHasStableKeys()
        {
            Assert.NotEmpty(Repository.CodeFixes);
            foreach (CodeFixProvider fix in Repository.CodeFixes)
            {
                FixAllProvider? fixAll = fix.GetFixAllProvider();
                Assert.True(fixAll is not null, fix.GetType().Name + " has no Fix All provider");
                Assert.Contains(FixAllScope.Document, fixAll!.GetSupportedFixAllScopes());
                Assert.Contains(FixAllScope.Project, fixAll.GetSupportedFixAllScopes());
                Assert.Contains(FixAllScope.Solution, fixAll.GetSupportedFixAllScopes());

                // Equivalence keys are public constants named after the rule, so Fix All and dotnet format can group them.
                var keys = fix.GetType().GetFields()
                    .Where(f => f.IsLiteral && f.Name.EndsWith("Key", StringComparison.Ordinal))
                    .Select(f => (string)f.GetRawConstantValue()!)
                    .ToList();
                Assert.NotEmpty(keys);
                Assert.All(keys, k => Assert.Contains(fix.FixableDiagnosticIds, id => k.StartsWith(id + ".", StringComparison.Ordinal)));
                Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(Repository.Descriptors, d => d.Id == id));
            }
        }

        /// <summary>Rule ID → cells of its row in AnalyzerReleases.Shipped.md / Unshipped.md.</summary>
        private static Dictionary<string, string[]> ReleaseRows()
        {
            var rows = new Dictionary<string, string[]>();
            foreach (string file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            {
                foreach (string line in File.ReadAllLines(Repository.PathOf("src", "StreamLint.Analyzers", file)))
                {
                    string[] cells = line.Split('|').Select(c => c.Trim()).ToArray();
                    if (cells.Length >= 4 && Regex.IsMatch(cells[0], @"^SL\d{4}$"))
                    {
                        rows.Add(cells[0], cells);
                    }
                }
            }

            return rows;
        }

        /// <summary>The rule name is the first word of the Notes column ("AppendAggregationWithoutWatermark, [Documentation](…)").</summary>
        private static string Name(string[] trackedRow) => trackedRow[3].Split(',')[0].Trim();
    }
}
