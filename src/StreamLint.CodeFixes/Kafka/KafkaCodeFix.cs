using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace StreamLint.CodeFixes.Kafka
{
    /// <summary>
    /// Base of the Confluent.Kafka fixes: one code action per diagnostic that rewrites the document's root, Fix All
    /// through the batch fixer. A fix reads its targets from the diagnostic's additional locations, which the rule
    /// sets only when the target is in the same file.
    /// </summary>
    public abstract class KafkaCodeFix : CodeFixProvider
    {
        private readonly string key;

        protected KafkaCodeFix(string diagnosticId, string equivalenceKey)
        {
            this.FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
            this.key = equivalenceKey;
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        /// <summary>
        /// Fix All applies the fixes of a document one after another on one tree: every diagnostic's targets are
        /// annotated first, so each fix finds its nodes after the earlier fixes moved them (two diagnostics may share
        /// a config, or one fix may wrap another's statement), and a property already set is replaced, not repeated.
        /// </summary>
        public sealed override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create(async (context, document, diagnostics) =>
            {
                SyntaxNode? root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                if (root is null)
                {
                    return document;
                }

                var marks = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
                var targets = new List<(Diagnostic Diagnostic, SyntaxAnnotation?[] Marks)>();
                foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
                {
                    var places = new SyntaxAnnotation?[diagnostic.AdditionalLocations.Count + 1];
                    for (int i = 0; i < places.Length; i++)
                    {
                        Location location = i == 0 ? diagnostic.Location : diagnostic.AdditionalLocations[i - 1];
                        if (NodeAt(root, location) is { } node)
                        {
                            var mark = new SyntaxAnnotation();
                            places[i] = mark;
                            if (!marks.TryGetValue(node, out List<SyntaxAnnotation>? list))
                            {
                                marks[node] = list = new List<SyntaxAnnotation>();
                            }

                            list.Add(mark);
                        }
                    }

                    targets.Add((diagnostic, places));
                }

                SyntaxNode current = root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original]));
                foreach ((Diagnostic diagnostic, SyntaxAnnotation?[] places) in targets)
                {
                    SyntaxNode snapshot = current;
                    SyntaxNode? Target(int index) =>
                        index + 1 >= 0 && index + 1 < places.Length && places[index + 1] is { } mark ? snapshot.GetAnnotatedNodes(mark).FirstOrDefault() : null;
                    if (this.Fix(snapshot, diagnostic, Target) is { } edit && !edit.NewRoot.ContainsDiagnostics)
                    {
                        current = edit.NewRoot;
                    }
                }

                return document.WithSyntaxRoot(current);
            });

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                SyntaxNode? Target(int index) =>
                    index < 0 ? NodeAt(root, diagnostic.Location) : index < diagnostic.AdditionalLocations.Count ? NodeAt(root, diagnostic.AdditionalLocations[index]) : null;
                if (this.Fix(root, diagnostic, Target) is { } edit && !edit.NewRoot.ContainsDiagnostics)
                {
                    Document document = context.Document;
                    SyntaxNode newRoot = edit.NewRoot;
                    context.RegisterCodeFix(
                        CodeAction.Create(edit.Title, _ => Task.FromResult(document.WithSyntaxRoot(newRoot)), this.key),
                        diagnostic);
                }
            }
        }

        /// <summary>
        /// The new root for one diagnostic, or null when no safe fix applies. <paramref name="target"/> gives the node
        /// at the diagnostic's location (-1) or at an additional location (0, 1, …) in <paramref name="root"/>.
        /// </summary>
        protected abstract (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, Diagnostic diagnostic, System.Func<int, SyntaxNode?> target);

        protected static SyntaxNode? NodeAt(SyntaxNode root, Location location) =>
            location.IsInSource && location.SourceTree == root.SyntaxTree && root.FullSpan.Contains(location.SourceSpan)
                ? root.FindNode(location.SourceSpan, getInnermostNodeForTie: true)
                : null;

        protected static string? Property(Diagnostic diagnostic, string name) =>
            diagnostic.Properties.TryGetValue(name, out string? value) ? value : null;

        /// <summary>
        /// Sets <paramref name="property"/> to <paramref name="value"/> at a config fix target: replaces the value of
        /// an assignment (initializer member or statement), or adds the property to a creation's initializer.
        /// </summary>
        protected static SyntaxNode? SetProperty(SyntaxNode root, SyntaxNode? target, string property, ExpressionSyntax value)
        {
            switch (target)
            {
                case AssignmentExpressionSyntax assignment:
                    return root.ReplaceNode(assignment.Right, value.WithTriviaFrom(assignment.Right));
                case BaseObjectCreationExpressionSyntax { Initializer: { } existing } when existing.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: var name } && name == property) is { } set:
                    return root.ReplaceNode(set.Right, value.WithTriviaFrom(set.Right));
                case BaseObjectCreationExpressionSyntax creation:
                    AssignmentExpressionSyntax added = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(property), value);
                    BaseObjectCreationExpressionSyntax updated = creation.Initializer is { } initializer
                        ? creation.WithInitializer(initializer.WithExpressions(initializer.Expressions.Add(added)))
                        : creation.WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(added)));
                    if (creation is ObjectCreationExpressionSyntax { ArgumentList: { Arguments.Count: 0 } } objectCreation && creation.Initializer is null)
                    {
                        updated = ((ObjectCreationExpressionSyntax)updated).WithArgumentList(objectCreation.ArgumentList.WithoutTrailingTrivia());
                    }

                    return root.ReplaceNode(creation, updated.WithAdditionalAnnotations(Formatter.Annotation));
                default:
                    return null;
            }
        }

        /// <summary>The statement of a block (or a top-level statement) that holds <paramref name="node"/>.</summary>
        protected static StatementSyntax? BlockStatementOf(SyntaxNode node) =>
            node.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault(s => s.Parent is BlockSyntax or GlobalStatementSyntax);

        /// <summary><c>receiver.Method(arguments)</c> as a statement, formatted.</summary>
        protected static StatementSyntax CallStatement(string receiver, string method, params ExpressionSyntax[] arguments) =>
            SyntaxFactory.ExpressionStatement(
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ParseExpression(receiver), SyntaxFactory.IdentifierName(method)),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(SyntaxFactory.Argument)))))
                .WithAdditionalAnnotations(Formatter.Annotation);

        /// <summary><c>TimeSpan.FromSeconds(n)</c>, qualified with <c>System.</c> unless the file has <c>using System;</c>.</summary>
        protected static ExpressionSyntax Seconds(SyntaxNode root, int seconds)
        {
            bool imported = root is CompilationUnitSyntax unit && unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.RawKind == 0 && u.Name?.ToString() == "System");
            return SyntaxFactory.ParseExpression((imported ? string.Empty : "System.") + "TimeSpan.FromSeconds(" + seconds + ")");
        }

    }
}
