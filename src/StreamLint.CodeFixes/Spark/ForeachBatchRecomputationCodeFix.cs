using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Formatting;
using StreamLint.CodeFixes.Core;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1012: persist the micro-batch before its actions and unpersist it in a finally block.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ForeachBatchRecomputationCodeFix))]
    [Shared]
    public sealed class ForeachBatchRecomputationCodeFix : SingleEditCodeFix
    {
        public const string PersistKey = "SL1012.Persist";

        public ForeachBatchRecomputationCodeFix()
            : base(Descriptors.SL1012_ForeachBatchRecomputation.Id, PersistKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (SyntaxLocator.InvocationAt(root, diagnostic.Location) is not { ArgumentList.Arguments.Count: 1 } call
                || call.ArgumentList.Arguments[0].Expression is not ParenthesizedLambdaExpressionSyntax { Block: { } body, ParameterList.Parameters.Count: 2 } lambda)
            {
                return null;
            }

            string batch = lambda.ParameterList.Parameters[0].Identifier.ValueText;
            StatementSyntax persist = SyntaxFactory.ParseStatement($"{batch}.Persist();");
            StatementSyntax unpersist = SyntaxFactory.ParseStatement($"{batch}.Unpersist();");
            BlockSyntax newBody = SyntaxFactory.Block(
                persist,
                SyntaxFactory.TryStatement(
                    SyntaxFactory.Block(body.Statements),
                    default,
                    SyntaxFactory.FinallyClause(SyntaxFactory.Block(unpersist))))
                .WithTriviaFrom(body)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return ("Persist the micro-batch, unpersist it in finally", body, newBody);
        }
    }
}
