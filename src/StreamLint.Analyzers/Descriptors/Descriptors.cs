using Microsoft.CodeAnalysis;

namespace StreamLint
{
    /// <summary>
    /// Every StreamLint rule, built through one factory so help links, category and tags stay uniform. One partial per
    /// family, in ID order: <c>Descriptors.Spark.cs</c> (SL1xxx, Microsoft.Spark), <c>Descriptors.Streamiz.cs</c> (SL2xxx,
    /// Streamiz.Kafka.Net), <c>Descriptors.Kafka.cs</c> (SL3xxx, Confluent.Kafka; the <c>Kafka</c> tag is theirs alone),
    /// <c>Descriptors.StreamLint.cs</c> (SL9xxx, StreamLint itself).
    /// </summary>
    internal static partial class Descriptors
    {
        public const string Category = "StreamLint";

        /// <summary>The ID range of each family, by the custom tag its rules carry.</summary>
        public static readonly (string Tag, int First, int Last)[] IdRanges =
        {
            ("Spark", 1001, 1999),
            ("Streamiz", 2001, 2999),
            ("Kafka", 3001, 3999),
            ("StreamLint", 9001, 9999),
        };
        public const string HelpLinkBase = "https://github.com/streamlint/streamlint/blob/main/docs/rules/";

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        // RS2008 release tracking and the ban on raw constructors (BannedSymbols.txt) meet here, once.
#pragma warning disable RS0030
        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            DiagnosticSeverity severity,
            string description,
            string area,
            bool enabledByDefault = true) =>
            new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                Category,
                severity,
                enabledByDefault,
                description,
                HelpLink(id),
                area);
#pragma warning restore RS0030
    }
}
