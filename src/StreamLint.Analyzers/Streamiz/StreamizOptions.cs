using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Core.Options;

namespace StreamLint.Streamiz
{
    /// <summary>The Streamiz family's options, each declared once with the rules that read it.</summary>
    internal static class StreamizOptions
    {
        /// <summary><c>streamlint.SL2007.side_effect_types</c>: comma-separated metadata names of more side-effect types.</summary>
        public static readonly Option<ImmutableArray<string>> SideEffectTypes = new Option<ImmutableArray<string>>(
            "side_effect_types",
            ImmutableArray<string>.Empty,
            ParseTypeList,
            "(none)",
            readBy: new[] { "SL2007" },
            ruleId: "SL2007");

        public static ImmutableArray<OptionDefinition> All { get; } = ImmutableArray.Create<OptionDefinition>(SideEffectTypes);

        public static ImmutableArray<string> SideEffectTypesFor(AnalyzerOptions options, SyntaxTree tree) =>
            StreamLintOptions.For(options, tree).Get(SideEffectTypes);

        private static bool ParseTypeList(string text, out ImmutableArray<string> value, out string error)
        {
            value = text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToImmutableArray();
            error = value.All(name => name.All(ch => char.IsLetterOrDigit(ch) || ch is '.' or '+' or '`' or '_'))
                ? string.Empty
                : "expected a comma-separated list of type metadata names such as MyCompany.Mail.SmtpSender";
            return error.Length == 0;
        }
    }
}
