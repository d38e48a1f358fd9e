using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Meta
{
    /// <summary>
    /// The shipped rule set against the rule catalogue of the contract (copied to <c>TestData/spec-rule-ids.txt</c>):
    /// every shipped rule is in the catalogue with its name and default severity, and a rule the catalogue specifies but
    /// the product does not ship yet is listed as such, so shipping it without updating the list fails too.
    /// </summary>
    public class SpecRuleSetTests
    {
        private sealed record SpecRule(string Id, string Name, string Severity, bool Shipped);

        private static readonly IReadOnlyList<SpecRule> Spec = File.ReadAllLines(Repository.PathOf("tests", "StreamLint.Tests", "Meta", "TestData", "spec-rule-ids.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(c => c.Length == 4 && (c[3] is "shipped" or "not-yet-shipped")
                ? new SpecRule(c[0], c[1], c[2], c[3] == "shipped")
                : throw new InvalidDataException("spec-rule-ids.txt: expected '<ID> <Name> <Sev> shipped|not-yet-shipped': " + string.Join(" ", c)))
            .ToList();

        [Fact]
        public void TheCatalogueCopy_ListsEachRuleOnce()
        {
            Assert.NotEmpty(Spec);
            Assert.Equal(Spec.Count, Spec.Select(r => r.Id).Distinct().Count());
            Assert.All(Spec, r => Assert.Matches("^SL[1-9][0-9]{3}$", r.Id));
        }

        [Fact]
        public void EveryShippedRule_IsInTheCatalogue()
        {
            string[] unknown = Repository.Descriptors.Select(d => d.Id).Except(Spec.Select(r => r.Id)).ToArray();
            Assert.True(unknown.Length == 0, "shipped rules the catalogue does not specify: " + string.Join(", ", unknown));
        }

        [Fact]
        public void RulesListedAsShipped_Ship_AndTheOthersDoNot()
        {
            var shipped = new HashSet<string>(Repository.Descriptors.Select(d => d.Id));
            string[] missing = Spec.Where(r => r.Shipped && !shipped.Contains(r.Id)).Select(r => r.Id).ToArray();
            string[] unlisted = Spec.Where(r => !r.Shipped && shipped.Contains(r.Id)).Select(r => r.Id).ToArray();
            Assert.True(missing.Length == 0, "listed as shipped but not shipped: " + string.Join(", ", missing));
            Assert.True(unlisted.Length == 0, "shipped now, still listed as not-yet-shipped in spec-rule-ids.txt (mark them shipped): " + string.Join(", ", unlisted));
        }

        [Fact]
        public void ShippedRules_HaveTheCataloguesNameAndSeverity()
        {
            foreach (SpecRule rule in Spec.Where(r => r.Shipped))
            {
                DiagnosticDescriptor d = Repository.Descriptors.Single(x => x.Id == rule.Id);
                Assert.Equal(rule.Name, RuleFrontMatterTests.ReleaseName(rule.Id));
                switch (rule.Severity)
                {
                    case "off":
                        Assert.False(d.IsEnabledByDefault, rule.Id + " is off in the catalogue but enabled by default");
                        break;
                    case "off*":
                        // The one known difference (see the file's header): enabled, but silent until configured.
                        Assert.True(d.IsEnabledByDefault, rule.Id + " is now disabled by default: write 'off' in spec-rule-ids.txt");
                        break;
                    default:
                        Assert.True(d.IsEnabledByDefault, rule.Id + " is not enabled by default");
                        Assert.True(Letter(d.DefaultSeverity) == rule.Severity.Split('/')[0], $"{rule.Id}: default severity {d.DefaultSeverity}, the catalogue says {rule.Severity}");
                        break;
                }
            }
        }

        private static string Letter(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "E",
            DiagnosticSeverity.Warning => "W",
            DiagnosticSeverity.Info => "I",
            _ => "H",
        };
    }
}
