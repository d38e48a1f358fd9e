using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.CodeFixes.Core;
using StreamLint.Spark.Rules;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1008: write the legal output mode (keeping the string or enum form).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidOutputModeCodeFix))]
    [Shared]
    public sealed class InvalidOutputModeCodeFix : SingleEditCodeFix
    {
        public const string LegalModeKey = "SL1008.LegalMode";

        public InvalidOutputModeCodeFix()
            : base(Descriptors.SL1008_InvalidOutputMode.Id, LegalModeKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(InvalidOutputModeAnalyzer.LegalModeProperty, out string? mode) || mode is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } argument)
            {
                return null;
            }

            argument = argument is ArgumentSyntax wrapper ? wrapper.Expression : argument;
            string title = $"Use output mode {mode}";
            return argument switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => (title, literal, FluentCalls.String(mode).WithTriviaFrom(literal)),
                MemberAccessExpressionSyntax member => (title, member.Name, SyntaxFactory.IdentifierName(char.ToUpperInvariant(mode[0]) + mode.Substring(1)).WithTriviaFrom(member.Name)),
                _ => null,
            };
        }
    }
}
