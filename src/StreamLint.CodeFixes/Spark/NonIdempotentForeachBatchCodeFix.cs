using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.CodeFixes.Core;
using StreamLint.Spark.Rules;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1011 (Delta targets): version the write with the batch, <c>.Option("txnAppId", …).Option("txnVersion", batchId)</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NonIdempotentForeachBatchCodeFix))]
    [Shared]
    public sealed class NonIdempotentForeachBatchCodeFix : SingleEditCodeFix
    {
        public const string DeltaTransactionKey = "SL1011.DeltaTransaction";

        public NonIdempotentForeachBatchCodeFix()
            : base(Descriptors.SL1011_NonIdempotentForeachBatch.Id, DeltaTransactionKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(NonIdempotentForeachBatchAnalyzer.BatchIdProperty, out string? batchId) || batchId is null
                || !diagnostic.Properties.TryGetValue(NonIdempotentForeachBatchAnalyzer.AppIdProperty, out string? appId) || appId is null
                || SyntaxLocator.InvocationAt(root, diagnostic.Location) is not { } write
                || FluentCalls.InsertBefore(write, "Option", FluentCalls.String("txnAppId"), FluentCalls.String(appId)) is not { } withApp
                || FluentCalls.InsertBefore(withApp, "Option", FluentCalls.String("txnVersion"), SyntaxFactory.IdentifierName(batchId)) is not { } versioned)
            {
                return null;
            }

            return ("Make the Delta write idempotent (txnAppId/txnVersion)", write, versioned);
        }
    }
}
