using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamLint.Spark.Rules;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1004: move the watermark onto the column the windowed aggregation groups on.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IneffectiveWatermarkCodeFix))]
    [Shared]
    public sealed class IneffectiveWatermarkCodeFix : CodeFixProvider
    {
        public const string UseGroupedColumnKey = "SL1004.UseGroupedColumn";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SL1004");

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
                if (!diagnostic.Properties.TryGetValue(IneffectiveWatermarkAnalyzer.GroupedColumnProperty, out string? column) || column is null
                    || SyntaxLocator.InvocationAt(root, diagnostic.Location) is not { } watermark
                    || watermark.ArgumentList.Arguments.Count != 2)
                {
                    continue;
                }

                ArgumentSyntax eventTime = watermark.ArgumentList.Arguments[0];
                InvocationExpressionSyntax moved = watermark.ReplaceNode(eventTime, eventTime.WithExpression(FluentCalls.String(column).WithTriviaFrom(eventTime.Expression)));
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Watermark '{column}', the column the aggregation windows on",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(watermark, moved))),
                        UseGroupedColumnKey),
                    diagnostic);
            }
        }
    }
}
