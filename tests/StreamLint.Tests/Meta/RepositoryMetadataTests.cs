using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Meta
{
    /// <summary>
    /// Release basics agree with each other: the project's address is written once (StreamLintRepositoryUrl in
    /// Directory.Build.props) and used by the package metadata and the rules' help links; the license the package
    /// declares is the repository's LICENSE; CHANGELOG.md lists the version being built and every tracked rule.
    /// </summary>
    public class RepositoryMetadataTests
    {
        [Fact]
        public void RepositoryUrl_IsAnHttpsAddress()
        {
            string url = BuildProperty("StreamLintRepositoryUrl");

            Assert.Matches("^https://[^/\\s]+/[^\\s]+[^/]$", url);
        }

        [Fact]
        public void EveryHelpLink_IsTheRulePageUnderTheRepositoryUrl()
        {
            string url = BuildProperty("StreamLintRepositoryUrl");
            var wrong = Repository.Descriptors
                .Where(d => d.HelpLinkUri != url + "/blob/main/docs/rules/" + d.Id + ".md")
                .Select(d => $"{d.Id}: {d.HelpLinkUri}")
                .ToList();

            Assert.True(
                wrong.Count == 0,
                $"Help links must be {url}/blob/main/docs/rules/<ID>.md (StreamLintRepositoryUrl in Directory.Build.props); these are not:\n" + string.Join("\n", wrong));
        }

        [Fact]
        public void PackageProject_TakesItsAddressesFromTheOneProperty()
        {
            XElement project = XDocument.Load(Repository.PathOf("src", "StreamLint.Package", "StreamLint.Package.csproj")).Root!;
            string Property(string name) => project.Descendants(name).Single().Value;

            Assert.Equal("$(StreamLintRepositoryUrl)", Property("PackageProjectUrl"));
            Assert.Equal("$(StreamLintRepositoryUrl)", Property("RepositoryUrl"));
            Assert.Equal("git", Property("RepositoryType"));
            Assert.StartsWith("Changes in each version: $(StreamLintRepositoryUrl)/blob/main/CHANGELOG.md", Property("PackageReleaseNotes"), StringComparison.Ordinal);
            Assert.Equal("MIT", Property("PackageLicenseExpression"));

            string packageReadme = File.ReadAllText(Repository.PathOf("src", "StreamLint.Package", "PACKAGE.md"));
            Assert.Contains(BuildProperty("StreamLintRepositoryUrl"), packageReadme, StringComparison.Ordinal);
        }

        [Fact]
        public void License_IsMit_ForTheContributors()
        {
            string license = File.ReadAllText(Repository.PathOf("LICENSE"));

            Assert.StartsWith("MIT License", license, StringComparison.Ordinal);
            Assert.Matches(@"Copyright \(c\) \d{4} StreamLint contributors", license);
            Assert.Equal("StreamLint contributors", BuildProperty("Authors"));
        }

        [Fact]
        public void Changelog_NewestSection_IsTheVersionBeingBuilt()
        {
            string changelog = File.ReadAllText(Repository.PathOf("CHANGELOG.md"));
            Match newest = Regex.Match(changelog, @"^## \[(?<version>[^\]]+)\] - (?<date>\d{4}-\d{2}-\d{2}|Unreleased)$", RegexOptions.Multiline);

            Assert.True(newest.Success, "CHANGELOG.md has no '## [<version>] - <yyyy-mm-dd or Unreleased>' section.");
            Assert.Equal(BuildProperty("VersionPrefix"), newest.Groups["version"].Value);
        }

        [Fact]
        public void Changelog_ListsEveryTrackedRule_WithItsNameAndSeverity()
        {
            string changelog = File.ReadAllText(Repository.PathOf("CHANGELOG.md"));
            var listed = new Dictionary<string, string[]>();
            foreach (string[] row in Repository.MarkdownTable(changelog, "ID"))
            {
                Match id = Regex.Match(row[0], @"^\[(SL\d{4})\]\(docs/rules/\1\.md\)$");
                Assert.True(id.Success, "CHANGELOG rule rows link their ID to docs/rules/<ID>.md: " + row[0]);
                listed[id.Groups[1].Value] = row;
            }

            var problems = new List<string>();
            foreach (DiagnosticDescriptor d in Repository.Descriptors)
            {
                string name = TrackedName(d.Id);
                if (!listed.TryGetValue(d.Id, out string[]? row))
                {
                    problems.Add($"{d.Id} is missing: | [{d.Id}](docs/rules/{d.Id}.md) | {name} | {d.DefaultSeverity} | {d.Title} |");
                }
                else if (row[1] != name || row[2] != d.DefaultSeverity.ToString())
                {
                    problems.Add($"{d.Id} should read: | [{d.Id}](docs/rules/{d.Id}.md) | {name} | {d.DefaultSeverity} | {d.Title} |");
                }
            }

            problems.AddRange(listed.Keys.Where(id => !Repository.Descriptors.Any(d => d.Id == id)).Select(id => id + " is listed but no analyzer reports it"));
            Assert.True(problems.Count == 0, "CHANGELOG.md's rule table disagrees with the rules:\n" + string.Join("\n", problems));
        }

        /// <summary>A property of Directory.Build.props, as written (the file holds literal values).</summary>
        internal static string BuildProperty(string name)
        {
            XElement props = XDocument.Load(Repository.PathOf("Directory.Build.props")).Root!;
            return props.Descendants(name).Single().Value.Trim();
        }

        private static string TrackedName(string id)
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

            return "(not in release tracking)";
        }
    }
}
