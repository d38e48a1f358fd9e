using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamLint.CodeFixes.Core
{
    internal static class SyntaxLocator
    {
        /// <summary>The invocation a diagnostic location (a call's name, or the whole call) points at.</summary>
        public static InvocationExpressionSyntax? InvocationAt(SyntaxNode root, Location location) =>
            root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is { } node
                ? node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>()
                : null;
    }
}
