using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamLint.Spark.Rules;

using StreamLint.CodeFixes.Core;

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

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.SL1001_AppendAggregationWithoutWatermark.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            SemanticModel? model = null;
            async Task<SemanticModel?> SemanticModelAsync() =>
                model ??= await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (diagnostic.AdditionalLocations.Count >= 2
                    && diagnostic.Properties.TryGetValue(AppendAggregationWithoutWatermarkAnalyzer.EventTimeColumnProperty, out string? column)
                    && column is not null
                    && SyntaxLocator.InvocationAt(root, diagnostic.AdditionalLocations[1]) is { ContainsDiagnostics: false } groupBy
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
                    && SyntaxLocator.InvocationAt(root, diagnostic.AdditionalLocations[0]) is { ContainsDiagnostics: false } modeSite
                    && UpdateMode(modeSite, diagnostic.Properties[AppendAggregationWithoutWatermarkAnalyzer.ModeSourceProperty], await SemanticModelAsync().ConfigureAwait(false)) is { } updated)
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

        /// <summary>
        /// Rewrites the OutputMode(…) argument to Update, or appends OutputMode("update") to WriteStream(). The argument is
        /// a constant the analyzer proved to be Append: a string literal becomes "update", the Spark enum member
        /// (OutputMode.Append, also through an alias) becomes OutputMode.Update, and any other constant (a user's const,
        /// a cast, a parenthesized value) becomes the string "update", which binds to the string overload.
        /// </summary>
        private static SyntaxNode? UpdateMode(InvocationExpressionSyntax site, string? modeSource, SemanticModel? model)
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
            ExpressionSyntax replacement = argument is MemberAccessExpressionSyntax member && IsSparkOutputModeMember(member, model)
                ? member.WithName(SyntaxFactory.IdentifierName("Update").WithTriviaFrom(member.Name))
                : FluentCalls.String("update").WithTriviaFrom(argument);

            return site.ReplaceNode(argument, replacement);
        }

        private static bool IsSparkOutputModeMember(MemberAccessExpressionSyntax member, SemanticModel? model) =>
            model?.GetSymbolInfo(member).Symbol is IFieldSymbol { ContainingType: { TypeKind: TypeKind.Enum } type }
            && type.ToDisplayString() == "Microsoft.Spark.Sql.Streaming.OutputMode";
    }
}
