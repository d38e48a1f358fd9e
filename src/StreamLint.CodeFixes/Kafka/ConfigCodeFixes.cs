using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using StreamLint.Kafka.Rules;

namespace StreamLint.CodeFixes.Kafka
{
    /// <summary>SL3002: set <c>EnableAutoOffsetStore = false</c> on the consumer's config.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StoreOffsetWithAutoStoreCodeFix))]
    [Shared]
    public sealed class StoreOffsetWithAutoStoreCodeFix : KafkaCodeFix
    {
        public const string EquivalenceKey = "SL3002.DisableAutoOffsetStore";

        public StoreOffsetWithAutoStoreCodeFix()
            : base(Descriptors.SL3002_StoreOffsetWithAutoStore.Id, EquivalenceKey)
        {
        }

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, Diagnostic diagnostic, System.Func<int, SyntaxNode?> target) =>
            SetProperty(root, target(0), "EnableAutoOffsetStore", SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression)) is { } fixedRoot
                ? ("Set EnableAutoOffsetStore = false", fixedRoot)
                : null;
    }

    /// <summary>SL3004: set <c>EnableAutoCommit = false</c> on the config of the consumer whose offsets go to the transaction.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IncompleteTransactionalLoopCodeFix))]
    [Shared]
    public sealed class IncompleteTransactionalLoopCodeFix : KafkaCodeFix
    {
        public const string EquivalenceKey = "SL3004.DisableAutoCommit";

        public IncompleteTransactionalLoopCodeFix()
            : base(Descriptors.SL3004_IncompleteTransactionalLoop.Id, EquivalenceKey)
        {
        }

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, Diagnostic diagnostic, System.Func<int, SyntaxNode?> target) =>
            Property(diagnostic, KafkaRuleFacts.FixProperty) == IncompleteTransactionalLoopAnalyzer.FixAutoCommit
            && SetProperty(root, target(0), "EnableAutoCommit", SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression)) is { } fixedRoot
                ? ("Set EnableAutoCommit = false on the consumer", fixedRoot)
                : null;
    }

    /// <summary>SL3007: set <c>EnableIdempotence = true</c> on the producer's config.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NonIdempotentProducerCodeFix))]
    [Shared]
    public sealed class NonIdempotentProducerCodeFix : KafkaCodeFix
    {
        public const string EquivalenceKey = "SL3007.EnableIdempotence";

        public NonIdempotentProducerCodeFix()
            : base(Descriptors.SL3007_NonIdempotentProducer.Id, EquivalenceKey)
        {
        }

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, Diagnostic diagnostic, System.Func<int, SyntaxNode?> target) =>
            SetProperty(root, target(0), "EnableIdempotence", SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)) is { } fixedRoot
                ? ("Set EnableIdempotence = true", fixedRoot)
                : null;
    }

    /// <summary>SL3006: replace the conflicting value with the one an idempotent producer needs.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IdempotenceConflictCodeFix))]
    [Shared]
    public sealed class IdempotenceConflictCodeFix : KafkaCodeFix
    {
        public const string EquivalenceKey = "SL3006.CompatibleValue";

        public IdempotenceConflictCodeFix()
            : base(Descriptors.SL3006_IdempotenceConflict.Id, EquivalenceKey)
        {
        }

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, Diagnostic diagnostic, System.Func<int, SyntaxNode?> target)
        {
            if (target(0) is not AssignmentExpressionSyntax assignment)
            {
                return null;
            }

            (string title, ExpressionSyntax value)? replacement = Property(diagnostic, KafkaRuleFacts.FixProperty) switch
            {
                string r when r.StartsWith("acks", System.StringComparison.Ordinal) =>
                    ("Set Acks = Acks.All", SyntaxFactory.ParseExpression("Confluent.Kafka.Acks.All").WithAdditionalAnnotations(Simplifier.Annotation)),
                string r when r.StartsWith("max.in.flight", System.StringComparison.Ordinal) =>
                    ("Set MaxInFlight = 5", SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(5))),
                string r when r.StartsWith("message.send.max.retries", System.StringComparison.Ordinal) =>
                    ("Set MessageSendMaxRetries = int.MaxValue", SyntaxFactory.ParseExpression("int.MaxValue")),
                _ => null,
            };
            return replacement is { } r2 ? (r2.title, root.ReplaceNode(assignment.Right, r2.value.WithTriviaFrom(assignment.Right))) : null;
        }
    }

    /// <summary>SL3005: remove the read_uncommitted setting (librdkafka's default is read_committed).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadUncommittedInTransactionalPipelineCodeFix))]
    [Shared]
    public sealed class ReadUncommittedInTransactionalPipelineCodeFix : KafkaCodeFix
    {
        public const string EquivalenceKey = "SL3005.RemoveReadUncommitted";

        public ReadUncommittedInTransactionalPipelineCodeFix()
            : base(Descriptors.SL3005_ReadUncommittedInTransactionalPipeline.Id, EquivalenceKey)
        {
        }

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, Diagnostic diagnostic, System.Func<int, SyntaxNode?> target)
        {
            const string Title = "Remove IsolationLevel = ReadUncommitted (default read_committed)";
            switch (target(0))
            {
                case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } member:
                    InitializerExpressionSyntax trimmed = initializer.WithExpressions(initializer.Expressions.Remove(member));
                    if (trimmed.Expressions.Count > 0)
                    {
                        trimmed = trimmed.ReplaceNode(trimmed.Expressions.Last(), trimmed.Expressions.Last().WithTrailingTrivia(SyntaxFactory.Space));
                    }

                    return (Title, root.ReplaceNode(initializer, trimmed));
                case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax } statement }:
                    return root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia) is { } removed ? (Title, removed) : null;
                default:
                    return null;
            }
        }
    }
}
