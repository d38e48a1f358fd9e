using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamLint.CodeFixes.Core
{
    /// <summary>
    /// Edits of fluent call chains that keep the chain's layout (one call per line stays one call per line). An edit is
    /// refused (null) where the code it attaches to ends in a token the user has not typed yet (<c>x.WriteStream(</c>):
    /// a missing token prints as nothing, so the new call would land inside the unfinished one.
    /// </summary>
    internal static class FluentCalls
    {
        /// <summary><c>x.Start(…)</c> becomes <c>x.Name(args).Start(…)</c>; null when the call has no receiver.</summary>
        public static InvocationExpressionSyntax? InsertBefore(InvocationExpressionSyntax call, string name, params ExpressionSyntax[] arguments)
        {
            if (call.Expression is not MemberAccessExpressionSyntax member || EndsUnfinished(member.Expression))
            {
                return null;
            }

            // In a chain laid out one call per line, the receiver ends with the line break: the new call takes it too.
            InvocationExpressionSyntax inserted = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        member.Expression,
                        member.OperatorToken,
                        SyntaxFactory.IdentifierName(name)),
                    Arguments(arguments))
                .WithTrailingTrivia(member.Expression.GetTrailingTrivia());

            return call.WithExpression(member.Update(inserted, member.OperatorToken, member.Name));
        }

        /// <summary><c>x.WriteStream()</c> becomes <c>x.WriteStream().Name(args)</c>; null when the call is unfinished.</summary>
        public static InvocationExpressionSyntax? Append(InvocationExpressionSyntax call, string name, params ExpressionSyntax[] arguments) =>
            EndsUnfinished(call) ? null : SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    call.WithoutTrailingTrivia(),
                    SyntaxFactory.IdentifierName(name)),
                Arguments(arguments))
            .WithTrailingTrivia(call.GetTrailingTrivia());

        public static LiteralExpressionSyntax String(string value) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

        private static bool EndsUnfinished(SyntaxNode node) => node.GetLastToken(includeZeroWidth: true).IsMissing;

        private static ArgumentListSyntax Arguments(ExpressionSyntax[] arguments) =>
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(System.Array.ConvertAll(arguments, SyntaxFactory.Argument)));
    }
}
