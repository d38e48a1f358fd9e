using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.CodeFixes.Core;
using StreamLint.Spark.Rules;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1007: <c>CountDistinct(col)</c> becomes <c>ApproxCountDistinct(col)</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnsupportedStreamingOperationCodeFix))]
    [Shared]
    public sealed class UnsupportedStreamingOperationCodeFix : SingleEditCodeFix
    {
        public const string ApproxCountDistinctKey = "SL1007.ApproxCountDistinct";

        public UnsupportedStreamingOperationCodeFix()
            : base(Descriptors.SL1007_UnsupportedStreamingOperation.Id, ApproxCountDistinctKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(UnsupportedStreamingOperationAnalyzer.CountDistinctProperty)
            && root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is IdentifierNameSyntax { Identifier.ValueText: "CountDistinct" } name
                ? ("Use ApproxCountDistinct", name, SyntaxFactory.IdentifierName("ApproxCountDistinct").WithTriviaFrom(name))
                : null;
    }
}
