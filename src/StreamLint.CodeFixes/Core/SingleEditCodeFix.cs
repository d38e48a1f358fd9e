using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace StreamLint.CodeFixes.Core
{
    /// <summary>
    /// A fix that replaces one node per diagnostic. Batch Fix All is safe for these: edits of different diagnostics
    /// never overlap (each rewrites the node its own diagnostic points at).
    /// </summary>
    public abstract class SingleEditCodeFix : CodeFixProvider
    {
        private readonly ImmutableArray<string> keys;

        protected SingleEditCodeFix(string diagnosticId, params string[] equivalenceKeys)
        {
            this.FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
            this.keys = ImmutableArray.Create(equivalenceKeys);
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                // Code being typed (missing tokens, unfinished calls) is left alone: an edit there can only add errors.
                if (this.Fix(root, diagnostic) is { } edit && !edit.Old.ContainsDiagnostics)
                {
                    Document document = context.Document;
                    context.RegisterCodeFix(
                        CodeAction.Create(edit.Title, _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(edit.Old, edit.New))), this.KeyFor(diagnostic)),
                        diagnostic);
                }
            }
        }

        /// <summary>The edit for one diagnostic, or null when no safe fix applies.</summary>
        protected abstract (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic);

        protected virtual string KeyFor(Diagnostic diagnostic) => this.keys[0];
    }
}
