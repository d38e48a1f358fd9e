using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Core
{
    /// <summary>
    /// An executable member of a file (method, constructor, accessor, initializer, top-level statements) that calls a
    /// library, with its operations and its calls to that library. The members of a file are found once per library
    /// for all its rules (<see cref="LibraryContext.MembersIn"/>): every rule then reads the same list.
    /// </summary>
    internal sealed class CodeMember
    {
        private CodeMember(ISymbol owner, IOperation body, ImmutableArray<IInvocationOperation> calls)
        {
            this.Owner = owner;
            this.Body = body;
            this.Calls = calls;
        }

        /// <summary>The member the code belongs to, as an operation block's owning symbol.</summary>
        public ISymbol Owner { get; }

        public IOperation Body { get; }

        /// <summary>Every invocation of a method declared in the library, in source order (lambda bodies included).</summary>
        public ImmutableArray<IInvocationOperation> Calls { get; }

        /// <summary>Whether <paramref name="node"/> is inside this member's body, so a diagnostic there is local to it.</summary>
        public bool Contains(SyntaxNode node) =>
            this.Body.Syntax.SyntaxTree == node.SyntaxTree && this.Body.Syntax.Span.Contains(node.Span);

        /// <summary>
        /// The members of <paramref name="model"/>'s tree that call the library: those holding an invocation named
        /// like one of its methods (found from the text, without binding) that binds to it, in source order. Members
        /// of types or members marked [GeneratedCode] are left out, as the driver leaves out generated files.
        /// </summary>
        public static ImmutableArray<CodeMember> Collect(SemanticModel model, LibraryScan scan, CancellationToken cancellationToken)
        {
            List<SyntaxNode> roots = MemberRoots(model.SyntaxTree, scan.MethodNames, cancellationToken);
            var members = ImmutableArray.CreateBuilder<CodeMember>(roots.Count);
            foreach (SyntaxNode root in roots)
            {
                if (model.GetOperation(root, cancellationToken) is not { } body
                    || OwnerOf(model, root, cancellationToken) is not { } owner
                    || IsGenerated(owner))
                {
                    continue;
                }

                ImmutableArray<IInvocationOperation> calls = LibraryCalls.In(body, scan, cancellationToken);
                if (!calls.IsEmpty)
                {
                    members.Add(new CodeMember(owner, body, calls));
                }
            }

            return members.ToImmutable();
        }

        /// <summary>
        /// The member roots holding a call named like a library method, in source order. The text says where such calls
        /// can be (<see cref="TreeText.CallCandidates"/>) and only those places are looked up in the syntax tree, so
        /// a file's nodes are not all materialised; the full invocation list is the fallback.
        /// </summary>
        private static List<SyntaxNode> MemberRoots(SyntaxTree tree, NameSet methodNames, CancellationToken cancellationToken)
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
            if (text.CallCandidates(methodNames, cancellationToken) is { } positions)
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
                    if ((last is null || !last.Span.Contains(call.Span)) && TreeText.InvokedName(call) is { } name && methodNames.Contains(name))
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
