using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Core.Flow
{
    /// <summary>
    /// Where the locals of one executable body get their values, indexed in one walk. Answers which definitions can
    /// reach a given read, conservatively: reassignment in loops, writes inside lambdas, ref/out passing and
    /// pattern-declared locals make a local unknown rather than guessed.
    /// </summary>
    internal sealed class LocalDefinitions
    {
        private readonly Dictionary<ILocalSymbol, List<Definition>> definitions = new Dictionary<ILocalSymbol, List<Definition>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> references = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> escaped = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        public LocalDefinitions(IOperation root) => new Indexer(this).Visit(root);

        /// <summary>Reads of the local (not its definitions), in program order.</summary>
        public IReadOnlyList<ILocalReferenceOperation> ReadsOf(ILocalSymbol local) =>
            this.references.TryGetValue(local, out List<ILocalReferenceOperation>? list) ? list : (IReadOnlyList<ILocalReferenceOperation>)System.Array.Empty<ILocalReferenceOperation>();

        /// <summary>
        /// The values that may reach <paramref name="read"/>; default when they cannot be determined.
        /// </summary>
        public ImmutableArray<IOperation> ReachingValues(ILocalReferenceOperation read)
        {
            ILocalSymbol local = read.Local;
            if (this.escaped.Contains(local) || !this.definitions.TryGetValue(local, out List<Definition>? defs) || defs.Count == 0)
            {
                return default;
            }

            SyntaxNode? declaringFunction = DeclaringFunction(defs);
            if (declaringFunction is null)
            {
                return default; // written from a lambda or local function: the order of writes is unknowable
            }

            // One walk up from the read: its enclosing function, and whether a later write in an enclosing loop
            // flows back to it.
            int position = read.Syntax.SpanStart;
            SyntaxNode? readFunction = null;
            bool laterWriteInLoop = false;
            for (SyntaxNode? ancestor = read.Syntax.Parent; ancestor is not null; ancestor = ancestor.Parent)
            {
                if (readFunction is null && IsFunction(ancestor))
                {
                    readFunction = ancestor;
                }

                if (!laterWriteInLoop && IsLoop(ancestor))
                {
                    foreach (Definition d in defs)
                    {
                        if (d.Syntax.SpanStart >= position && ancestor.Span.Contains(d.Syntax.Span))
                        {
                            laterWriteInLoop = true;
                            break;
                        }
                    }
                }
            }

            if (readFunction != declaringFunction)
            {
                // A captured read runs later; only a local that is never reassigned has one value then.
                return defs.Count == 1 && defs[0].Value is { } only ? ImmutableArray.Create(only) : default;
            }

            if (laterWriteInLoop)
            {
                return default; // a later write in the same loop flows back to this read
            }

            // Latest definition first: the index records them in program order, so read it backwards.
            List<Definition> ordered = InProgramOrder(defs) ? defs : ByPosition(defs);
            ImmutableArray<IOperation>.Builder? values = null;
            for (int i = ordered.Count - 1; i >= 0; i--)
            {
                Definition def = ordered[i];
                if (def.Syntax.Span.End > position)
                {
                    continue;
                }

                if (def.Value is null)
                {
                    // A declaration without initializer: definite assignment guarantees the later writes cover every path.
                    return values is not null ? values.ToImmutable() : default;
                }

                bool dominates = Dominates(def.Syntax, read.Syntax);
                if (values is null && dominates)
                {
                    return ImmutableArray.Create(def.Value); // the common case: one definition reaches the read
                }

                values ??= ImmutableArray.CreateBuilder<IOperation>();
                values.Add(def.Value);
                if (dominates)
                {
                    return values.ToImmutable();
                }
            }

            return default;
        }

        private static bool InProgramOrder(List<Definition> defs)
        {
            for (int i = 1; i < defs.Count; i++)
            {
                if (defs[i - 1].Syntax.SpanStart >= defs[i].Syntax.SpanStart)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The definitions by position; of two at one position, the later recorded first.</summary>
        private static List<Definition> ByPosition(List<Definition> defs) =>
            defs.Select((d, i) => (Definition: d, Index: i))
                .OrderBy(x => x.Definition.Syntax.SpanStart)
                .ThenByDescending(x => x.Index)
                .Select(x => x.Definition)
                .ToList();

        /// <summary>
        /// The function (member, lambda or local function) that declares the local when every write is in that function
        /// too; null otherwise. A walk up from each of a few definitions: cheaper than a shared table of answers.
        /// </summary>
        private static SyntaxNode? DeclaringFunction(List<Definition> defs)
        {
            SyntaxNode? function = defs[0].Syntax is VariableDeclaratorSyntax declarator ? EnclosingFunction(declarator) : null;
            if (function is null)
            {
                return null;
            }

            foreach (Definition d in defs)
            {
                if (EnclosingFunction(d.Syntax) != function)
                {
                    return null;
                }
            }

            return function;
        }

        private void Add(ILocalSymbol local, Definition definition)
        {
            if (!this.definitions.TryGetValue(local, out List<Definition>? list))
            {
                this.definitions[local] = list = new List<Definition>();
            }

            list.Add(definition);
        }

        /// <summary>
        /// Indexes definitions and reads in one pre-order walk (program order). A walker over ChildOperations, not
        /// DescendantsAndSelf(): the members that start queries are walked once per compilation, and the iterator's
        /// per-node allocations were most of that walk's cost.
        /// </summary>
        private sealed class Indexer : OperationWalker
        {
            private readonly LocalDefinitions index;

            public Indexer(LocalDefinitions index) => this.index = index;

            public override void VisitVariableDeclarator(IVariableDeclaratorOperation operation)
            {
                IVariableInitializerOperation? initializer = operation.GetVariableInitializer();
                this.index.Add(operation.Symbol, new Definition(operation.Syntax, initializer is null ? null : OperationFacts.Unwrap(initializer.Value)));
                base.VisitVariableDeclarator(operation);
            }

            public override void VisitSimpleAssignment(ISimpleAssignmentOperation operation)
            {
                if (operation.Target is ILocalReferenceOperation target)
                {
                    if (operation.IsRef)
                    {
                        this.index.escaped.Add(target.Local);
                    }
                    else
                    {
                        this.index.Add(target.Local, new Definition(operation.Syntax, OperationFacts.Unwrap(operation.Value)));
                    }
                }

                base.VisitSimpleAssignment(operation);
            }

            public override void VisitLocalReference(ILocalReferenceOperation reference)
            {
                if (reference.IsDeclaration || IsIndirectWrite(reference))
                {
                    this.index.escaped.Add(reference.Local);
                }
                else if (!(reference.Parent is ISimpleAssignmentOperation parentAssignment && parentAssignment.Target == reference))
                {
                    if (!this.index.references.TryGetValue(reference.Local, out List<ILocalReferenceOperation>? list))
                    {
                        this.index.references[reference.Local] = list = new List<ILocalReferenceOperation>();
                    }

                    list.Add(reference);
                }

                base.VisitLocalReference(reference);
            }
        }

        private static bool IsIndirectWrite(ILocalReferenceOperation reference) =>
            reference.Parent switch
            {
                IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
                ICompoundAssignmentOperation compound => compound.Target == reference,
                ICoalesceAssignmentOperation coalesce => coalesce.Target == reference,
                IIncrementOrDecrementOperation => true,
                IDeconstructionAssignmentOperation => true,
                ITupleOperation { Parent: IDeconstructionAssignmentOperation } => true,
                IAddressOfOperation => true,
                _ => false,
            };

        /// <summary>
        /// True when the definition's statement always runs before <paramref name="read"/>: it is a plain statement
        /// of a block that also contains the read, so no branch can skip it.
        /// </summary>
        private static bool Dominates(SyntaxNode definition, SyntaxNode read)
        {
            SyntaxNode? statement = definition switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax declaration } } => declaration,
                AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax expressionStatement } => expressionStatement,
                _ => null,
            };

            SyntaxNode? container = statement?.Parent is GlobalStatementSyntax global ? global.Parent : statement?.Parent;
            return container is BlockSyntax or CompilationUnitSyntax && container.Span.Contains(read.Span);
        }

        /// <summary>The lambda, local function or member whose body contains <paramref name="node"/>.</summary>
        public static SyntaxNode? EnclosingFunction(SyntaxNode node)
        {
            for (SyntaxNode? ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
            {
                if (IsFunction(ancestor))
                {
                    return ancestor;
                }
            }

            return null;
        }

        private static bool IsFunction(SyntaxNode node) =>
            node is AnonymousFunctionExpressionSyntax
                or LocalFunctionStatementSyntax
                or BaseMethodDeclarationSyntax
                or AccessorDeclarationSyntax
                or PropertyDeclarationSyntax
                or CompilationUnitSyntax;

        private static bool IsLoop(SyntaxNode node) =>
            node.IsKind(SyntaxKind.WhileStatement)
            || node.IsKind(SyntaxKind.DoStatement)
            || node.IsKind(SyntaxKind.ForStatement)
            || node.IsKind(SyntaxKind.ForEachStatement)
            || node.IsKind(SyntaxKind.ForEachVariableStatement);

        private sealed class Definition
        {
            public Definition(SyntaxNode syntax, IOperation? value)
            {
                this.Syntax = syntax;
                this.Value = value;
            }

            public SyntaxNode Syntax { get; }

            /// <summary>Null for a declaration without initializer.</summary>
            public IOperation? Value { get; }
        }
    }
}
