using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Meta
{
    /// <summary>Each rule's ID lies in its family's range, and its custom tag names that family (the Kafka tag is Confluent.Kafka's alone).</summary>
    public class DescriptorRangeTests
    {
        [Fact]
        public void EveryRule_IsInTheRangeOfItsFamilyTag()
        {
            foreach (DiagnosticDescriptor descriptor in Repository.Descriptors)
            {
                int number = int.Parse(descriptor.Id.Substring(2), System.Globalization.CultureInfo.InvariantCulture);
                var ranges = StreamLint.Descriptors.IdRanges.Where(r => number >= r.First && number <= r.Last).ToList();
                Assert.True(ranges.Count == 1, descriptor.Id + " is in no family's range");
                Assert.Equal(new[] { ranges[0].Tag }, descriptor.CustomTags.Where(t => StreamLint.Descriptors.IdRanges.Any(r => r.Tag == t)));
            }
        }
    }
}
