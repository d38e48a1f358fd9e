using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamLint.Spark.Rules;

using StreamLint.CodeFixes.Core;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1018: remove Repartition(1)/Coalesce(1) from a streaming query.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnpartitionedStateCodeFix))]
    [Shared]
    public sealed class UnpartitionedStateCodeFix : SingleEditCodeFix
    {
        public const string RemoveSinglePartitionKey = "SL1018.RemoveSinglePartition";

        public UnpartitionedStateCodeFix()
            : base(Descriptors.SL1018_UnpartitionedState.Id, RemoveSinglePartitionKey)
        {
        }

        // x.Repartition(1).Next() → x.Next(): the receiver takes the call's place, keeping the call's trailing layout.
        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(UnpartitionedStateAnalyzer.RemoveCallProperty)
            && SyntaxLocator.InvocationAt(root, diagnostic.Location) is { Expression: MemberAccessExpressionSyntax member } call
                ? ($"Remove {member.Name.Identifier.ValueText}(1)", call, member.Expression.WithTrailingTrivia(call.GetTrailingTrivia()))
                : null;
    }
}
