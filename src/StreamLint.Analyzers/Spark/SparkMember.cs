using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamLint.Spark
{
    /// <summary>
    /// An executable member of a file (method, constructor, accessor, initializer, top-level statements) that calls
    /// Microsoft.Spark, with its operations and its Spark calls. The members of a file are found once for all rules
    /// (<see cref="SparkCompilation.MembersIn"/>): every rule then reads the same list.
    /// </summary>
    internal sealed class SparkMember
    {
        private SparkMember(ISymbol owner, IOperation body, SparkCalls calls)
        {
            this.Owner = owner;
            this.Body = body;
            this.Calls = calls;
        }

        /// <summary>The member the code belongs to, as an operation block's owning symbol.</summary>
        public ISymbol Owner { get; }

        public IOperation Body { get; }

        public SparkCalls Calls { get; }

        /// <summary>
        /// The members of <paramref name="model"/>'s tree that may call Microsoft.Spark: those holding an invocation
        /// named like a Spark method (found from the text, without binding), in source order. Members of
        /// types or members marked [GeneratedCode] are left out, as the driver leaves out generated files.
        /// </summary>
        public static ImmutableArray<SparkMember> Collect(SemanticModel model, SparkCompilation spark, CancellationToken cancellationToken)
        {
            List<SyntaxNode> roots = MemberRoots(model.SyntaxTree, spark, cancellationToken);
            var members = ImmutableArray.CreateBuilder<SparkMember>(roots.Count);
            foreach (SyntaxNode root in roots)
            {
                if (model.GetOperation(root, cancellationToken) is not { } body
                    || OwnerOf(model, root, cancellationToken) is not { } owner
                    || IsGenerated(owner))
                {
                    continue;
                }

                SparkCalls calls = SparkCalls.Collect(body, spark.Symbols, cancellationToken);
                if (!calls.All.IsEmpty)
                {
                    members.Add(new SparkMember(owner, body, calls));
                }
            }

            return members.ToImmutable();
        }

        /// <summary>
        /// The member roots holding a call named like a Spark method, in source order. The text says where such calls
        /// can be (<see cref="TreeText.CallCandidates"/>) and only those places are looked up in the syntax tree, so
        /// a file's nodes are not all materialised; the full invocation list is the fallback.
        /// </summary>
        private static List<SyntaxNode> MemberRoots(SyntaxTree tree, SparkCompilation spark, CancellationToken cancellationToken)
        {
            var roots = new List<SyntaxNode>();
            SyntaxNode? last = null;
            void Consider(SyntaxNode node)
            {
                if (MemberRoot(node) is { } root && root != last)
                {
                    roots.Add(root);
                    last = root;
                }
            }

            TreeText text = TreeText.For(tree);
            SyntaxNode treeRoot = tree.GetRoot(cancellationToken);
            if (text.CallCandidates(spark.Symbols.SparkMemberNames, cancellationToken) is { } positions)
            {
                foreach (int position in positions)
                {
                    if (last is null || !last.FullSpan.Contains(position))
                    {
                        Consider(treeRoot.FindToken(position).Parent ?? treeRoot);
                    }
                }
            }
            else
            {
                foreach (InvocationExpressionSyntax call in text.Invocations(cancellationToken))
                {
                    if ((last is null || !last.Span.Contains(call.Span)) && spark.Symbols.IsSparkMethodName(TreeText.InvokedName(call)))
                    {
                        Consider(call);
                    }
                }
            }

            return roots;
        }

        /// <summary>
        /// The syntax the compiler binds as one operation block around <paramref name="node"/>; null inside
        /// attributes, parameter defaults and other places that hold no statements.
        /// </summary>
        private static SyntaxNode? MemberRoot(SyntaxNode node)
        {
            for (SyntaxNode? current = node; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case AccessorDeclarationSyntax accessor:
                        return accessor;
                    case BaseMethodDeclarationSyntax method:
                        return method;
                    case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax } arrow:
                        return arrow;
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } initializer:
                        return initializer;
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } } initializer:
                        return initializer;
                    case GlobalStatementSyntax { Parent: { } unit }:
                        return unit;
                    case MemberDeclarationSyntax or AttributeSyntax or ParameterSyntax:
                        return null;
                }
            }

            return null;
        }

        private static ISymbol? OwnerOf(SemanticModel model, SyntaxNode root, CancellationToken cancellationToken) => root switch
        {
            ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property } =>
                (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => model.GetDeclaredSymbol(property, cancellationToken),
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax variable } => model.GetDeclaredSymbol(variable, cancellationToken),
            CompilationUnitSyntax unit => model.GetEnclosingSymbol(unit.Members.OfType<GlobalStatementSyntax>().First().SpanStart, cancellationToken),
            _ => model.GetDeclaredSymbol(root, cancellationToken),
        };

        private static bool IsGenerated(ISymbol owner)
        {
            for (ISymbol? symbol = owner; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            {
                foreach (AttributeData attribute in symbol.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" } type
                        && type.ContainingNamespace.ToDisplayString() == "System.CodeDom.Compiler")
                    {
                        return true;
                    }
                }

                if (symbol is IMethodSymbol { AssociatedSymbol: { } associated } && IsGenerated(associated))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
