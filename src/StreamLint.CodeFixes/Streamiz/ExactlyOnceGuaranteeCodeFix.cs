using System.Composition;
using Microsoft.CodeAnalysis;
using StreamLint.CodeFixes.Core;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace StreamLint.CodeFixes.Streamiz
{
    /// <summary>SL2009: adds <c>Guarantee = ProcessingGuarantee.EXACTLY_ONCE</c> to the config's object initialiser.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExactlyOnceGuaranteeCodeFix))]
    [Shared]
    public sealed class ExactlyOnceGuaranteeCodeFix : SingleEditCodeFix
    {
        public const string Key = "SL2009.ExactlyOnce";

        public ExactlyOnceGuaranteeCodeFix()
            : base(Descriptors.SL2009_DefaultAtLeastOnceGuarantee.Id, Key)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation)
            {
                return null;
            }

            ExpressionSyntax assignment = SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName("Guarantee"),
                SyntaxFactory.ParseExpression("global::Streamiz.Kafka.Net.ProcessingGuarantee.EXACTLY_ONCE").WithAdditionalAnnotations(Simplifier.Annotation));
            BaseObjectCreationExpressionSyntax updated;
            if (creation.Initializer is { } initializer)
            {
                SeparatedSyntaxList<ExpressionSyntax> expressions = initializer.Expressions;
                if (expressions.Count > 0 && expressions.SeparatorCount < expressions.Count)
                {
                    // Keep the layout: the new member follows the last one on its own terms.
                    expressions = SyntaxFactory.SeparatedList(expressions, System.Linq.Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken), expressions.Count));
                }

                updated = creation.WithInitializer(initializer.WithExpressions(expressions.Add(assignment)));
            }
            else
            {
                updated = creation.WithInitializer(SyntaxFactory.InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.SingletonSeparatedList(assignment)));
                if (updated is ObjectCreationExpressionSyntax { ArgumentList: null } withoutArguments)
                {
                    updated = withoutArguments.WithType(withoutArguments.Type.WithoutTrailingTrivia()).WithArgumentList(SyntaxFactory.ArgumentList());
                }
            }

            return ("Set Guarantee = ProcessingGuarantee.EXACTLY_ONCE", creation, updated.WithAdditionalAnnotations(Formatter.Annotation));
        }
    }
}
