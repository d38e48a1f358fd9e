using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.CodeFixes.Core;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1006: <c>stream.Show(n)</c> becomes a console-sink query.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BatchActionOnStreamCodeFix))]
    [Shared]
    public sealed class BatchActionOnStreamCodeFix : SingleEditCodeFix
    {
        public const string ConsoleSinkKey = "SL1006.ConsoleSink";

        public BatchActionOnStreamCodeFix()
            : base(Descriptors.SL1006_BatchActionOnStream.Id, ConsoleSinkKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (SyntaxLocator.InvocationAt(root, diagnostic.Location) is not { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Show" } member } show
                || show.Parent is not ExpressionStatementSyntax)
            {
                return null;
            }

            ExpressionSyntax receiver = member.Expression;
            InvocationExpressionSyntax writer = Call(Call(receiver, "WriteStream"), "Format", FluentCalls.String("console"));
            ArgumentSyntax? numRows = show.ArgumentList.Arguments.Count > 0 && show.ArgumentList.Arguments[0].NameColon is null ? show.ArgumentList.Arguments[0] : null;
            if (numRows is not null)
            {
                writer = Call(writer, "Option", FluentCalls.String("numRows"), numRows.Expression.WithoutTrivia());
            }

            return ("Write to the console sink (WriteStream().Format(\"console\").Start())", show, Call(writer, "Start").WithTriviaFrom(show));
        }

        private static InvocationExpressionSyntax Call(ExpressionSyntax receiver, string name, params ExpressionSyntax[] arguments) =>
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(name)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(System.Array.ConvertAll(arguments, SyntaxFactory.Argument))));
    }
}
