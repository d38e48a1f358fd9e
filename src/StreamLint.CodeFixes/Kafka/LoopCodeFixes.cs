using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using StreamLint.Kafka.Rules;

namespace StreamLint.CodeFixes.Kafka
{
    /// <summary>
    /// SL3001: set <c>EnableAutoOffsetStore = false</c> on the consumer's config and insert
    /// <c>consumer.StoreOffset(result);</c> after the statement holding the last processing call (at-least-once with
    /// auto commit kept on).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AutoOffsetStoreBeforeProcessingCodeFix))]
    [Shared]
    public sealed class AutoOffsetStoreBeforeProcessingCodeFix : KafkaCodeFix
    {
        public const string EquivalenceKey = "SL3001.StoreOffsetAfterProcessing";

        public AutoOffsetStoreBeforeProcessingCodeFix()
            : base(Descriptors.SL3001_AutoOffsetStoreBeforeProcessing.Id, EquivalenceKey)
        {
        }

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, Diagnostic diagnostic, System.Func<int, SyntaxNode?> target)
        {
            if (Property(diagnostic, KafkaRuleFacts.FixProperty) is not { } result
                || Property(diagnostic, KafkaRuleFacts.ClientProperty) is not { } consumer
                || target(0) is not { } config
                || target(1) is not { } processing
                || BlockStatementOf(processing) is not { } statement
                || statement.Span.Contains(config.Span) || config.Span.Contains(statement.Span))
            {
                return null;
            }

            StatementSyntax store = CallStatement(consumer, "StoreOffset", SyntaxFactory.IdentifierName(result));
            SyntaxNode tracked = root.TrackNodes(config, statement);
            SyntaxNode withStore = tracked.InsertNodesAfter(tracked.GetCurrentNode(statement)!, new[] { store });
            return SetProperty(withStore, withStore.GetCurrentNode(config), "EnableAutoOffsetStore", SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression)) is { } fixedRoot
                ? ($"Set EnableAutoOffsetStore = false and call {consumer}.StoreOffset({result}) after processing", fixedRoot)
                : null;
        }
    }

    /// <summary>SL3003: move the commit statement after the statement holding the last processing call, when both are statements of one block.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CommitBeforeProcessingCodeFix))]
    [Shared]
    public sealed class CommitBeforeProcessingCodeFix : KafkaCodeFix
    {
        public const string EquivalenceKey = "SL3003.CommitAfterProcessing";

        public CommitBeforeProcessingCodeFix()
            : base(Descriptors.SL3003_CommitBeforeProcessing.Id, EquivalenceKey)
        {
        }

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, Diagnostic diagnostic, System.Func<int, SyntaxNode?> target)
        {
            if (target(-1)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { Parent: ExpressionStatementSyntax { Parent: BlockSyntax block } commit }
                || target(0) is not { } processing)
            {
                return null;
            }

            StatementSyntax? last = block.Statements.FirstOrDefault(s => s.Span.Contains(processing.Span));
            if (last is null || last.SpanStart < commit.SpanStart)
            {
                return null;
            }

            BlockSyntax moved = block.TrackNodes(commit, last);
            moved = moved.InsertNodesAfter(moved.GetCurrentNode(last)!, new[] { commit.WithAdditionalAnnotations(Formatter.Annotation) });
            moved = moved.RemoveNode(moved.GetCurrentNodes(commit).First(), SyntaxRemoveOptions.KeepNoTrivia)!;
            return ("Commit after the processing", root.ReplaceNode(block, moved));
        }
    }

    /// <summary>
    /// SL3008: insert <c>producer.Flush(TimeSpan.FromSeconds(root, 10));</c> before the producer's lifetime ends: before a
    /// Dispose() call, at the end of a using statement's block, or at the end of the block of a using declaration.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProduceWithoutFlushCodeFix))]
    [Shared]
    public sealed class ProduceWithoutFlushCodeFix : KafkaCodeFix
    {
        public const string EquivalenceKey = "SL3008.Flush";

        public ProduceWithoutFlushCodeFix()
            : base(Descriptors.SL3008_ProduceWithoutFlush.Id, EquivalenceKey)
        {
        }

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, Diagnostic diagnostic, System.Func<int, SyntaxNode?> target)
        {
            if (Property(diagnostic, KafkaRuleFacts.ClientProperty) is not { } producer)
            {
                return null;
            }

            StatementSyntax flush = CallStatement(producer, "Flush", Seconds(root, 10));
            string title = $"Call {producer}.Flush(TimeSpan.FromSeconds(root, 10)) before the producer is disposed";
            switch (target(0))
            {
                case InvocationExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax } dispose }:
                    return (title, root.InsertNodesBefore(dispose, new[] { flush }));
                case UsingStatementSyntax { Statement: BlockSyntax body }:
                    return (title, root.ReplaceNode(body, AppendBeforeReturn(body, flush)));
                case LocalDeclarationStatementSyntax { Parent: BlockSyntax block }:
                    return (title, root.ReplaceNode(block, AppendBeforeReturn(block, flush)));
                default:
                    return null;
            }
        }

        private static BlockSyntax AppendBeforeReturn(BlockSyntax block, StatementSyntax statement) =>
            block.Statements.LastOrDefault() is ReturnStatementSyntax last
                ? block.InsertNodesBefore(last, new[] { statement })
                : block.AddStatements(statement);
    }

    /// <summary>
    /// SL3010: close the consumer in a <c>finally</c>: the statements after a using declaration, or a using
    /// statement's block, are wrapped in <c>try { … } finally { consumer.Close(); }</c>; before an explicit Dispose()
    /// call, <c>consumer.Close();</c> is inserted.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConsumerNotClosedCodeFix))]
    [Shared]
    public sealed class ConsumerNotClosedCodeFix : KafkaCodeFix
    {
        public const string EquivalenceKey = "SL3010.CloseInFinally";

        public ConsumerNotClosedCodeFix()
            : base(Descriptors.SL3010_ConsumerNotClosed.Id, EquivalenceKey)
        {
        }

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, Diagnostic diagnostic, System.Func<int, SyntaxNode?> target)
        {
            if (Property(diagnostic, KafkaRuleFacts.ClientProperty) is not { } consumer)
            {
                return null;
            }

            StatementSyntax close = CallStatement(consumer, "Close");
            string title = $"Call {consumer}.Close() in a finally block";
            switch (target(0))
            {
                case InvocationExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax } dispose }:
                    return ($"Call {consumer}.Close() before Dispose()", root.InsertNodesBefore(dispose, new[] { close }));
                case UsingStatementSyntax { Statement: BlockSyntax body }:
                    return (title, root.ReplaceNode(body, SyntaxFactory.Block(TryFinally(body.Statements, close)).WithTriviaFrom(body).WithAdditionalAnnotations(Formatter.Annotation)));
                case LocalDeclarationStatementSyntax { Parent: BlockSyntax block } declaration:
                    int index = block.Statements.IndexOf(declaration);
                    SyntaxList<StatementSyntax> rest = SyntaxFactory.List(block.Statements.Skip(index + 1));
                    if (rest.Count == 0)
                    {
                        return null;
                    }

                    BlockSyntax wrapped = block.WithStatements(SyntaxFactory.List(block.Statements.Take(index + 1)).Add(TryFinally(rest, close)));
                    return (title, root.ReplaceNode(block, wrapped.WithAdditionalAnnotations(Formatter.Annotation)));
                default:
                    return null;
            }
        }

        private static TryStatementSyntax TryFinally(SyntaxList<StatementSyntax> statements, StatementSyntax close) =>
            SyntaxFactory.TryStatement(SyntaxFactory.Block(statements), default, SyntaxFactory.FinallyClause(SyntaxFactory.Block(close)))
                .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
