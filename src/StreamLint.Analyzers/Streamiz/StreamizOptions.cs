using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Options;

namespace StreamLint.Streamiz
{
    /// <summary>The Streamiz family's options, read from .editorconfig per tree.</summary>
    internal static class StreamizOptions
    {
        /// <summary><c>streamlint.SL2007.side_effect_types</c>: comma-separated metadata names of more side-effect types.</summary>
        public static readonly string SideEffectTypesKey = OptionKeys.ForRule("SL2007", "side_effect_types");

        public static ImmutableArray<string> SideEffectTypes(AnalyzerOptions options, SyntaxTree tree)
        {
            if (!options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(SideEffectTypesKey, out string? text) || string.IsNullOrWhiteSpace(text))
            {
                return ImmutableArray<string>.Empty;
            }

            return text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToImmutableArray();
        }
    }
}
