using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamLint.Spark.Rules;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1010: insert <c>.Option("checkpointLocation", "&lt;root&gt;/&lt;query&gt;")</c> before Start/ToTable.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingCheckpointLocationCodeFix))]
    [Shared]
    public sealed class MissingCheckpointLocationCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SL1010.AddCheckpointLocation";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SL1010");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (root is null || SyntaxLocator.InvocationAt(root, diagnostic.Location) is not { } start
                    || !diagnostic.Properties.TryGetValue(MissingCheckpointLocationAnalyzer.CheckpointPathProperty, out string? path)
                    || path is null
                    || FluentCalls.InsertBefore(start, "Option", FluentCalls.String(MissingCheckpointLocationAnalyzer.CheckpointOption), FluentCalls.String(path)) is not { } fixedCall)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add Option(\"checkpointLocation\", \"{path}\")",
                        ct => Replace(context.Document, root, start, fixedCall, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static Task<Document> Replace(Document document, SyntaxNode root, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken) =>
            Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode)));
    }
}
