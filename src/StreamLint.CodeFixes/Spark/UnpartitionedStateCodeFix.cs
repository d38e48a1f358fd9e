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
    /// <summary>SL1018: remove Repartition(1)/Coalesce(1) from a streaming query.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnpartitionedStateCodeFix))]
    [Shared]
    public sealed class UnpartitionedStateCodeFix : CodeFixProvider
    {
        public const string RemoveSinglePartitionKey = "SL1018.RemoveSinglePartition";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SL1018");

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
                if (!diagnostic.Properties.ContainsKey(UnpartitionedStateAnalyzer.RemoveCallProperty)
                    || SyntaxLocator.InvocationAt(root, diagnostic.Location) is not { Expression: MemberAccessExpressionSyntax member } call)
                {
                    continue;
                }

                // x.Repartition(1).Next() → x.Next(): the receiver takes the call's place, keeping the call's trailing layout.
                ExpressionSyntax receiver = member.Expression.WithTrailingTrivia(call.GetTrailingTrivia());
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Remove {member.Name.Identifier.ValueText}(1)",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(call, receiver))),
                        RemoveSinglePartitionKey),
                    diagnostic);
            }
        }
    }
}
