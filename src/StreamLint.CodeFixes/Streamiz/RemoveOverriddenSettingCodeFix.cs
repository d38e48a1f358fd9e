using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using StreamLint.CodeFixes.Core;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamLint.CodeFixes.Streamiz
{
    /// <summary>SL2008: removes the <c>IsolationLevel</c>/<c>EnableIdempotence</c> assignment (statement or initialiser member).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveOverriddenSettingCodeFix))]
    [Shared]
    public sealed class RemoveOverriddenSettingCodeFix : CodeFixProvider
    {
        public const string Key = "SL2008.Remove";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.SL2008_ExactlyOnceSettingOverridden.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment
                    || assignment.ContainsDiagnostics)
                {
                    continue;
                }

                SyntaxNode? removed = assignment.Parent switch
                {
                    InitializerExpressionSyntax => assignment,
                    ExpressionStatementSyntax { Parent: BlockSyntax } statement => statement,
                    _ => null,
                };
                if (removed is null)
                {
                    continue;
                }

                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove the assignment (exactly-once already sets it)",
                        _ => Task.FromResult(document.WithSyntaxRoot(Remove(root, removed))),
                        Key),
                    diagnostic);
            }
        }

        private static SyntaxNode Remove(SyntaxNode root, SyntaxNode removed)
        {
            if (removed.Parent is InitializerExpressionSyntax initializer)
            {
                var expressions = initializer.Expressions;
                int index = expressions.IndexOf((ExpressionSyntax)removed);
                InitializerExpressionSyntax updated = initializer.WithExpressions(expressions.RemoveAt(index));
                return root.ReplaceNode(initializer, updated);
            }

            return root.RemoveNode(removed, SyntaxRemoveOptions.KeepNoTrivia)!;
        }
    }
}
