using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.CodeFixes.Core;
using StreamLint.Spark.Rules;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1020: wait for the (last) started query: <c>.Start().AwaitTermination()</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StreamingQueryNotAwaitedCodeFix))]
    [Shared]
    public sealed class StreamingQueryNotAwaitedCodeFix : SingleEditCodeFix
    {
        public const string AwaitTerminationKey = "SL1020.AwaitTermination";

        public StreamingQueryNotAwaitedCodeFix()
            : base(Descriptors.SL1020_StreamingQueryNotAwaited.Id, AwaitTerminationKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(StreamingQueryNotAwaitedAnalyzer.LastStartProperty)
            && SyntaxLocator.InvocationAt(root, diagnostic.Location) is { Parent: ExpressionStatementSyntax } start
            && FluentCalls.Append(start, "AwaitTermination") is { } awaited
                ? ("Wait for the query: .AwaitTermination()", start, awaited)
                : null;
    }
}
