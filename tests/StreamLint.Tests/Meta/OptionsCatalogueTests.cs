using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using StreamLint.Core.Options;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Meta
{
    /// <summary>docs/configuration.md documents exactly the registered options, and which rules read each.</summary>
    public class OptionsCatalogueTests
    {
        private static readonly Regex RuleId = new Regex(@"SL\d{4}", RegexOptions.CultureInvariant);

        [Fact]
        public void ConfigurationPage_DocumentsExactlyTheRegisteredOptions()
        {
            Dictionary<string, string[]> documented = DocumentedOptions();
            var registered = Families.Options.ToDictionary(o => o.Key, StringComparer.OrdinalIgnoreCase);

            Assert.Equal(registered.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase), documented.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase));
            foreach (OptionDefinition option in Families.Options)
            {
                string[] row = documented[option.Key];
                string usedBy = row[^1];
                Assert.Equal(
                    option.ReadBy.OrderBy(id => id, StringComparer.Ordinal),
                    RuleId.Matches(usedBy).Select(m => m.Value).Distinct().OrderBy(id => id, StringComparer.Ordinal));
                if (option.GeneralKey is { } general)
                {
                    Assert.Contains(general, row[0], StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        [Fact]
        public void EveryOption_IsReadByAShippedRule_OfItsOwnRuleWhenItHasOne()
        {
            var shipped = Repository.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            foreach (OptionDefinition option in Families.Options)
            {
                Assert.NotEmpty(option.ReadBy);
                Assert.All(option.ReadBy, id => Assert.Contains(id, shipped));
                if (option.RuleId is { } owner)
                {
                    Assert.Contains(owner, option.ReadBy);
                }
            }
        }

        /// <summary>The rows of the options table, by the first key in each row's first cell.</summary>
        private static Dictionary<string, string[]> DocumentedOptions()
        {
            string page = File.ReadAllText(Repository.PathOf("docs", "configuration.md"));
            return Repository.MarkdownTable(page, "Key")
                .ToDictionary(row => Regex.Match(row[0], "`([^`]+)`").Groups[1].Value, StringComparer.OrdinalIgnoreCase);
        }
    }
}
