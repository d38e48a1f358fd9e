using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.CodeFixes.Core;
using StreamLint.Spark.Rules;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1009: read the source as a stream: <c>Read()</c> becomes <c>ReadStream()</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WriteStreamOnBatchCodeFix))]
    [Shared]
    public sealed class WriteStreamOnBatchCodeFix : SingleEditCodeFix
    {
        public const string ReadStreamKey = "SL1009.ReadStream";

        public WriteStreamOnBatchCodeFix()
            : base(Descriptors.SL1009_WriteStreamOnBatch.Id, ReadStreamKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(WriteStreamOnBatchAnalyzer.ReadStreamFixProperty)
            && diagnostic.AdditionalLocations.Count == 1
            && SyntaxLocator.InvocationAt(root, diagnostic.AdditionalLocations[0]) is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Read" } member }
                ? ("Read the source as a stream (ReadStream())", member.Name, SyntaxFactory.IdentifierName("ReadStream").WithTriviaFrom(member.Name))
                : null;
    }
}
