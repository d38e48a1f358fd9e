using System.Composition;
using Microsoft.CodeAnalysis;
using StreamLint.CodeFixes.Core;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamLint.Streamiz.Rules;

namespace StreamLint.CodeFixes.Streamiz
{
    /// <summary>
    /// SL2002: the overload with an explicit grace of the same argument type — <c>Of(size, 0L)</c> for milliseconds,
    /// <c>Of(size, TimeSpan.Zero)</c> for TimeSpans: no grace, as Kafka Streams' <c>ofSizeWithNoGrace</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExplicitWindowGraceCodeFix))]
    [Shared]
    public sealed class ExplicitWindowGraceCodeFix : SingleEditCodeFix
    {
        public const string Key = "SL2002.ExplicitGrace";

        public ExplicitWindowGraceCodeFix()
            : base(Descriptors.SL2002_ImplicitWindowGrace.Id, Key)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (SyntaxLocator.InvocationAt(root, diagnostic.Location) is not { } call
                || !diagnostic.Properties.TryGetValue(ImplicitWindowGraceAnalyzer.ArgumentTypeProperty, out string? type))
            {
                return null;
            }

            ExpressionSyntax grace = type == "TimeSpan"
                ? SyntaxFactory.ParseExpression("TimeSpan.Zero")
                : SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal("0L", 0L));
            InvocationExpressionSyntax fixedCall = call.WithArgumentList(call.ArgumentList.AddArguments(SyntaxFactory.Argument(grace)));
            return ("Pass an explicit grace period (none)", call, fixedCall);
        }
    }
}
