using Microsoft.CodeAnalysis;

namespace StreamLint
{
    internal static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor SL9001_InvalidOption = Create(
            "SL9001",
            "Invalid StreamLint option",
            "The StreamLint option '{0}' (set in .editorconfig or a global config) has the value '{1}', which does not parse: {2}; StreamLint uses the default '{3}'",
            DiagnosticSeverity.Warning,
            "A StreamLint option in .editorconfig or a global config has a value StreamLint cannot read, so the default applies instead of what was meant.",
            "StreamLint");
    }
}
