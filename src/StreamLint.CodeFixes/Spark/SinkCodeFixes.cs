using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
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
            : base("SL1011", DeltaTransactionKey)
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

    /// <summary>SL1012: persist the micro-batch before its actions and unpersist it in a finally block.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ForeachBatchRecomputationCodeFix))]
    [Shared]
    public sealed class ForeachBatchRecomputationCodeFix : SingleEditCodeFix
    {
        public const string PersistKey = "SL1012.Persist";

        public ForeachBatchRecomputationCodeFix()
            : base("SL1012", PersistKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (SyntaxLocator.InvocationAt(root, diagnostic.Location) is not { ArgumentList.Arguments.Count: 1 } call
                || call.ArgumentList.Arguments[0].Expression is not ParenthesizedLambdaExpressionSyntax { Block: { } body, ParameterList.Parameters.Count: 2 } lambda)
            {
                return null;
            }

            string batch = lambda.ParameterList.Parameters[0].Identifier.ValueText;
            StatementSyntax persist = SyntaxFactory.ParseStatement($"{batch}.Persist();");
            StatementSyntax unpersist = SyntaxFactory.ParseStatement($"{batch}.Unpersist();");
            BlockSyntax newBody = SyntaxFactory.Block(
                persist,
                SyntaxFactory.TryStatement(
                    SyntaxFactory.Block(body.Statements),
                    default,
                    SyntaxFactory.FinallyClause(SyntaxFactory.Block(unpersist))))
                .WithTriviaFrom(body)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return ("Persist the micro-batch, unpersist it in finally", body, newBody);
        }
    }

    /// <summary>SL1017: mark the writer [Serializable].</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ForeachWriterNotSerializableCodeFix))]
    [Shared]
    public sealed class ForeachWriterNotSerializableCodeFix : SingleEditCodeFix
    {
        public const string AddSerializableKey = "SL1017.AddSerializable";

        public ForeachWriterNotSerializableCodeFix()
            : base("SL1017", AddSerializableKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.ContainsKey(ForeachWriterNotSerializableAnalyzer.AddSerializableProperty)
                || root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not ClassDeclarationSyntax type)
            {
                return null;
            }

            AttributeListSyntax attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Attribute(SyntaxFactory.ParseName("System.Serializable").WithAdditionalAnnotations(Simplifier.Annotation))))
                .WithAdditionalAnnotations(Formatter.Annotation);
            ClassDeclarationSyntax marked = type.AttributeLists.Count == 0
                ? type.WithoutLeadingTrivia().AddAttributeLists(attribute.WithLeadingTrivia(type.GetLeadingTrivia()))
                : type.AddAttributeLists(attribute);
            return ("Mark the writer [Serializable]", type, marked);
        }
    }

    /// <summary>SL1020: wait for the (last) started query: <c>.Start().AwaitTermination()</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StreamingQueryNotAwaitedCodeFix))]
    [Shared]
    public sealed class StreamingQueryNotAwaitedCodeFix : SingleEditCodeFix
    {
        public const string AwaitTerminationKey = "SL1020.AwaitTermination";

        public StreamingQueryNotAwaitedCodeFix()
            : base("SL1020", AwaitTerminationKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(StreamingQueryNotAwaitedAnalyzer.LastStartProperty)
            && SyntaxLocator.InvocationAt(root, diagnostic.Location) is { Parent: ExpressionStatementSyntax } start
                ? ("Wait for the query: .AwaitTermination()", start, FluentCalls.Append(start, "AwaitTermination"))
                : null;
    }
}
