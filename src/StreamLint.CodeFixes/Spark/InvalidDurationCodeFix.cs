using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.CodeFixes.Core;
using StreamLint.Spark.Rules;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1015: correct an unambiguous unit typo in an interval literal.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidDurationCodeFix))]
    [Shared]
    public sealed class InvalidDurationCodeFix : SingleEditCodeFix
    {
        public const string CorrectUnitKey = "SL1015.CorrectUnit";

        public InvalidDurationCodeFix()
            : base(Descriptors.SL1015_InvalidDuration.Id, CorrectUnitKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(InvalidDurationAnalyzer.CorrectedProperty, out string? corrected) && corrected is not null
            && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is { } node
            && (node is ArgumentSyntax argument ? argument.Expression : node) is LiteralExpressionSyntax literal
                ? ($"Change to \"{corrected}\"", literal, FluentCalls.String(corrected).WithTriviaFrom(literal))
                : null;
    }
}
