using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamLint.Spark.Rules;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>
    /// SL1002: watermark the window column before GroupBy (Update-mode windowed aggregation), or add the watermarked
    /// event-time column to DropDuplicates' columns.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnboundedStreamingStateCodeFix))]
    [Shared]
    public sealed class UnboundedStreamingStateCodeFix : CodeFixProvider
    {
        public const string AddWatermarkKey = "SL1002.AddWatermark";
        public const string AddDedupColumnKey = "SL1002.AddDedupColumn";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SL1002");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(UnboundedStreamingStateAnalyzer.ColumnProperty, out string? column) || column is null)
                {
                    continue;
                }

                string? fix = diagnostic.Properties.TryGetValue(UnboundedStreamingStateAnalyzer.FixProperty, out string? f) ? f : null;
                if (fix == "AddWatermark"
                    && diagnostic.AdditionalLocations.Count == 1
                    && SyntaxLocator.InvocationAt(root, diagnostic.AdditionalLocations[0]) is { } groupBy
                    && FluentCalls.InsertBefore(groupBy, "WithWatermark", FluentCalls.String(column), FluentCalls.String(AppendAggregationWithoutWatermarkCodeFix.DefaultWatermarkDelay)) is { } watermarked)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Add WithWatermark(\"{column}\", \"{AppendAggregationWithoutWatermarkCodeFix.DefaultWatermarkDelay}\") before GroupBy",
                            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(groupBy, watermarked))),
                            AddWatermarkKey),
                        diagnostic);
                }
                else if (fix == "AddDedupColumn" && SyntaxLocator.InvocationAt(root, diagnostic.Location) is { } dedup
                    && dedup.ArgumentList.Arguments.Count > 0)
                {
                    ArgumentListSyntax arguments = dedup.ArgumentList.AddArguments(SyntaxFactory.Argument(FluentCalls.String(column)));
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Add the event-time column '{column}' to the deduplication columns",
                            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(dedup, dedup.WithArgumentList(arguments)))),
                            AddDedupColumnKey),
                        diagnostic);
                }
            }
        }
    }
}
