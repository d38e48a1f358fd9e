using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Meta
{
    /// <summary>
    /// The StreamLintMode presets shipped under build/config in the package are generated from the rules' descriptors
    /// (every rule the analyzer assembly supports, so rules added later are covered without touching this test). The
    /// checked-in files and the table in docs/configuration.md must match what <see cref="Presets"/> computes; set
    /// STREAMLINT_UPDATE_PRESETS=1 and run these tests to rewrite the files.
    /// </summary>
    public class PresetConfigTests
    {
        private const string UpdateVariable = "STREAMLINT_UPDATE_PRESETS";

        public static TheoryData<string> Modes()
        {
            var data = new TheoryData<string>();
            foreach (string mode in Presets.ConfiguredModes)
            {
                data.Add(mode);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Modes))]
        public void CheckedInPreset_IsGeneratedFromTheDescriptors(string mode)
        {
            string path = Presets.PathOf(mode);
            string expected = Presets.Render(mode, Repository.Descriptors);
            string? actual = File.Exists(path) ? File.ReadAllText(path) : null;
            if (actual != expected && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            {
                File.WriteAllText(path, expected);
                actual = expected;
            }

            Assert.True(
                actual == expected,
                $"{Path.GetRelativePath(Repository.Root, path)} is not what the descriptors give (rerun with {UpdateVariable}=1 to regenerate it):\n" + LineDiff(actual ?? string.Empty, expected));
        }

        [Fact]
        public void PackageTargets_MapEachModeToItsPresetFile_AndDefaultToNone()
        {
            string targets = File.ReadAllText(Repository.PathOf("src", "StreamLint.Package", "build", "StreamLint.targets"));
            foreach (string mode in Presets.ConfiguredModes)
            {
                Assert.Contains($"'$(_StreamLintMode)' == '{mode}'\">$(MSBuildThisFileDirectory)config/{Presets.FileName(mode)}<", targets, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("'$(_StreamLintMode)' == 'Default'\">", targets, StringComparison.Ordinal);
            string[] shipped = Directory.GetFiles(Repository.PathOf("src", "StreamLint.Package", "build", "config")).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray()!;
            Assert.Equal(Presets.ConfiguredModes.Select(Presets.FileName).OrderBy(f => f, StringComparer.Ordinal), shipped);
        }

        [Fact]
        public void Presets_FollowTheirDocumentedPrinciples()
        {
            foreach (DiagnosticDescriptor d in Repository.Descriptors)
            {
                // None turns everything off; Strict never makes advice (Info) an error; Recommended never lowers a rule.
                Assert.Equal("none", Presets.Severity("None", d));
                if (d.DefaultSeverity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error)
                {
                    Assert.Equal("error", Presets.Severity("Strict", d));
                }

                if (Presets.Severity("Recommended", d) is { } raised)
                {
                    Assert.True(Presets.Rank(raised) >= Presets.Rank(Presets.EditorConfigSeverity(d.DefaultSeverity)), $"Recommended lowers {d.Id}");
                }
            }

            Assert.Contains(Repository.Descriptors, d => d.DefaultSeverity == DiagnosticSeverity.Info);
            Assert.All(
                Repository.Descriptors.Where(d => d.DefaultSeverity == DiagnosticSeverity.Info),
                d => Assert.Equal("warning", Presets.Severity("Recommended", d)));
            Assert.All(
                Repository.Descriptors.Where(d => d.DefaultSeverity == DiagnosticSeverity.Info && d.IsEnabledByDefault),
                d => Assert.Null(Presets.Severity("Strict", d)));
        }

        [Fact]
        public void ConfigurationDoc_PresetTable_ListsEveryRuleWithItsSeverityInEachMode()
        {
            string doc = File.ReadAllText(Repository.PathOf("docs", "configuration.md"));
            IReadOnlyList<string[]> rows = Repository.MarkdownTable(doc, "Rule");
            var expected = Repository.Descriptors.Select(d => Presets.DocRow(d)).ToList();
            var actual = rows.Select(r => "| " + string.Join(" | ", r) + " |").ToList();

            Assert.True(
                expected.SequenceEqual(actual, StringComparer.Ordinal),
                "docs/configuration.md's preset table (header `| Rule | Default | Recommended | Strict | None |`) should be:\n"
                + Presets.DocHeader + "\n" + string.Join("\n", expected) + "\n\nIt is:\n" + string.Join("\n", actual));
        }

        private static string LineDiff(string actual, string expected)
        {
            string[] a = actual.Split('\n');
            string[] e = expected.Split('\n');
            var text = new StringBuilder();
            for (int i = 0; i < Math.Max(a.Length, e.Length); i++)
            {
                string? left = i < a.Length ? a[i] : null;
                string? right = i < e.Length ? e[i] : null;
                if (left != right)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"line {i + 1}:");
                    text.AppendLine("  checked in: " + (left ?? "(end of file)"));
                    text.AppendLine("  expected:   " + (right ?? "(end of file)"));
                }
            }

            return text.ToString();
        }
    }

    /// <summary>What each StreamLintMode sets, computed from the descriptors.</summary>
    internal static class Presets
    {
        /// <summary>The modes that add a global config; Default adds none (the descriptors' own severities).</summary>
        public static readonly string[] ConfiguredModes = { "Recommended", "Strict", "None" };

        public const string DocHeader = "| Rule | Default | Recommended | Strict | None |\n|---|---|---|---|---|";

        public static string FileName(string mode) => "streamlint." + mode.ToLowerInvariant() + ".globalconfig";

        public static string PathOf(string mode) => Repository.PathOf("src", "StreamLint.Package", "build", "config", FileName(mode));

        public static string EditorConfigSeverity(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "suggestion",
            _ => "silent",
        };

        public static int Rank(string severity) => severity switch
        {
            "none" => 0,
            "silent" => 1,
            "suggestion" => 2,
            "warning" => 3,
            _ => 4,
        };

        /// <summary>The severity a mode writes for a rule, or null when the mode leaves the rule as it is.</summary>
        public static string? Severity(string mode, DiagnosticDescriptor rule)
        {
            string own = EditorConfigSeverity(rule.DefaultSeverity);
            switch (mode)
            {
                case "None":
                    return "none";
                case "Strict":
                    // Every rule that is not advice is an error, all of its findings included (a severity is per ID).
                    return rule.DefaultSeverity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error ? "error"
                        : rule.IsEnabledByDefault ? null : own;
                case "Recommended":
                    // Every rule on, and every finding visible in a command-line build and to dotnet format.
                    return rule.DefaultSeverity is DiagnosticSeverity.Info or DiagnosticSeverity.Hidden ? "warning"
                        : rule.IsEnabledByDefault ? null : own;
                default:
                    return null;
            }
        }

        /// <summary>The preset file, byte for byte (LF line ends).</summary>
        public static string Render(string mode, IEnumerable<DiagnosticDescriptor> rules)
        {
            var text = new StringBuilder();
            text.Append("# StreamLint preset '").Append(mode).Append("': applied by the package's build targets when a project sets\n");
            text.Append("# <StreamLintMode>").Append(mode).Append("</StreamLintMode>. ").Append(Summary(mode)).Append('\n');
            text.Append("# Generated from the rules' descriptors by PresetConfigTests (tests/StreamLint.Tests/Meta); do not edit.\n");
            text.Append("# See docs/configuration.md#presets.\n");
            text.Append("is_global = true\n");
            text.Append("# Below the project's own global configs (.globalconfig: 100, others: 0); .editorconfig files win anyway.\n");
            text.Append("global_level = -100\n");
            foreach (DiagnosticDescriptor rule in rules.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                if (Severity(mode, rule) is not { } severity)
                {
                    continue;
                }

                text.Append('\n');
                text.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title.ToString(CultureInfo.InvariantCulture))
                    .Append(" (default: ").Append(rule.IsEnabledByDefault ? EditorConfigSeverity(rule.DefaultSeverity) : "off").Append(")\n");
                text.Append("dotnet_diagnostic.").Append(rule.Id).Append(".severity = ").Append(severity).Append('\n');
            }

            return text.ToString();
        }

        public static string DocRow(DiagnosticDescriptor rule)
        {
            string own = rule.IsEnabledByDefault ? EditorConfigSeverity(rule.DefaultSeverity) : "none";
            IEnumerable<string> cells = new[] { "Recommended", "Strict", "None" }.Select(m => Severity(m, rule) ?? own);
            return $"| [{rule.Id}](rules/{rule.Id}.md) | {own} | {string.Join(" | ", cells)} |";
        }

        private static string Summary(string mode) => mode switch
        {
            "Recommended" => "Every rule on; Info rules raised to warning.",
            "Strict" => "Every Warning and Error rule is an error; Info rules stay suggestions.",
            "None" => "Every StreamLint rule off.",
            _ => string.Empty,
        };
    }
}
