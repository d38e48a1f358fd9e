using Microsoft.CodeAnalysis;

namespace StreamLint
{
    /// <summary>Every StreamLint rule, built through one factory so help links, category and tags stay uniform.</summary>
    internal static partial class Descriptors
    {
        public const string Category = "StreamLint";
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
