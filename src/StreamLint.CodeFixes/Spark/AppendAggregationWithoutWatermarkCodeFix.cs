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
    /// SL1001, two fixes: (a) watermark the column the window is built on, right before GroupBy;
    /// (b) switch the query to Update mode, offered only when the sink accepts Update.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AppendAggregationWithoutWatermarkCodeFix))]
    [Shared]
    public sealed class AppendAggregationWithoutWatermarkCodeFix : CodeFixProvider
    {
        public const string AddWatermarkKey = "SL1001.AddWatermark";
        public const string UseUpdateModeKey = "SL1001.UseUpdateMode";

        /// <summary>A starting delay for late data; the docs tell users to size it to their data's lateness.</summary>
        public const string DefaultWatermarkDelay = "10 minutes";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SL1001");

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
                if (diagnostic.AdditionalLocations.Count >= 2
                    && diagnostic.Properties.TryGetValue(AppendAggregationWithoutWatermarkAnalyzer.EventTimeColumnProperty, out string? column)
                    && column is not null
                    && SyntaxLocator.InvocationAt(root, diagnostic.AdditionalLocations[1]) is { } groupBy
                    && FluentCalls.InsertBefore(groupBy, "WithWatermark", FluentCalls.String(column), FluentCalls.String(DefaultWatermarkDelay)) is { } watermarked)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Add WithWatermark(\"{column}\", \"{DefaultWatermarkDelay}\") before GroupBy",
                            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(groupBy, watermarked))),
                            AddWatermarkKey),
                        diagnostic);
                }

                if (diagnostic.AdditionalLocations.Count >= 1
                    && diagnostic.Properties.ContainsKey(AppendAggregationWithoutWatermarkAnalyzer.UpdateSupportedProperty)
                    && SyntaxLocator.InvocationAt(root, diagnostic.AdditionalLocations[0]) is { } modeSite
                    && UpdateMode(modeSite, diagnostic.Properties[AppendAggregationWithoutWatermarkAnalyzer.ModeSourceProperty]) is { } updated)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Use OutputMode Update",
                            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(modeSite, updated))),
                            UseUpdateModeKey),
                        diagnostic);
                }
            }
        }

        /// <summary>Rewrites OutputMode("append") / OutputMode(OutputMode.Append), or appends OutputMode("update") to WriteStream().</summary>
        private static SyntaxNode? UpdateMode(InvocationExpressionSyntax site, string? modeSource)
        {
            if (modeSource == "Default")
            {
                return FluentCalls.Append(site, "OutputMode", FluentCalls.String("update"));
            }

            if (site.ArgumentList.Arguments.Count != 1)
            {
                return null;
            }

            ExpressionSyntax argument = site.ArgumentList.Arguments[0].Expression;
            ExpressionSyntax? replacement = argument switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => FluentCalls.String("update").WithTriviaFrom(literal),
                MemberAccessExpressionSyntax member => member.WithName(SyntaxFactory.IdentifierName("Update").WithTriviaFrom(member.Name)),
                _ => null,
            };

            return replacement is null ? null : site.ReplaceNode(argument, replacement);
        }

    }
}
