using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Spark.Pipeline
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

        public LocalDefinitions(IOperation root)
        {
            foreach (IOperation operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        IVariableInitializerOperation? initializer = declarator.GetVariableInitializer();
                        this.Add(declarator.Symbol, new Definition(declarator.Syntax, initializer is null ? null : Operations.Unwrap(initializer.Value)));
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        if (assignment.IsRef)
                        {
                            this.escaped.Add(target.Local);
                        }
                        else
                        {
                            this.Add(target.Local, new Definition(assignment.Syntax, Operations.Unwrap(assignment.Value)));
                        }

                        break;
                    case ILocalReferenceOperation reference:
                        if (reference.IsDeclaration || IsIndirectWrite(reference))
                        {
                            this.escaped.Add(reference.Local);
                        }
                        else if (!(reference.Parent is ISimpleAssignmentOperation parentAssignment && parentAssignment.Target == reference))
                        {
                            if (!this.references.TryGetValue(reference.Local, out List<ILocalReferenceOperation>? list))
                            {
                                this.references[reference.Local] = list = new List<ILocalReferenceOperation>();
                            }

                            list.Add(reference);
                        }

                        break;
                }
            }
        }

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

            SyntaxNode? declaringFunction = defs[0].Syntax is VariableDeclaratorSyntax declarator ? EnclosingFunction(declarator) : null;
            if (declaringFunction is null || defs.Any(d => EnclosingFunction(d.Syntax) != declaringFunction))
            {
                return default; // written from a lambda or local function: the order of writes is unknowable
            }

            if (EnclosingFunction(read.Syntax) != declaringFunction)
            {
                // A captured read runs later; only a local that is never reassigned has one value then.
                return defs.Count == 1 && defs[0].Value is { } only ? ImmutableArray.Create(only) : default;
            }

            int position = read.Syntax.SpanStart;
            foreach (SyntaxNode loop in read.Syntax.Ancestors().Where(IsLoop))
            {
                if (defs.Any(d => d.Syntax.SpanStart >= position && loop.Span.Contains(d.Syntax.Span)))
                {
                    return default; // a later write in the same loop flows back to this read
                }
            }

            var values = ImmutableArray.CreateBuilder<IOperation>();
            foreach (Definition def in defs.Where(d => d.Syntax.Span.End <= position).OrderByDescending(d => d.Syntax.SpanStart))
            {
                if (def.Value is null)
                {
                    // A declaration without initializer: definite assignment guarantees the later writes cover every path.
                    return values.Count > 0 ? values.ToImmutable() : default;
                }

                values.Add(def.Value);
                if (Dominates(def.Syntax, read.Syntax))
                {
                    return values.ToImmutable();
                }
            }

            return default;
        }

        private void Add(ILocalSymbol local, Definition definition)
        {
            if (!this.definitions.TryGetValue(local, out List<Definition>? list))
            {
                this.definitions[local] = list = new List<Definition>();
            }

            list.Add(definition);
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
        public static SyntaxNode? EnclosingFunction(SyntaxNode node) =>
            node.Ancestors().FirstOrDefault(a =>
                a is AnonymousFunctionExpressionSyntax
                    or LocalFunctionStatementSyntax
                    or BaseMethodDeclarationSyntax
                    or AccessorDeclarationSyntax
                    or PropertyDeclarationSyntax
                    or CompilationUnitSyntax);

        private static bool IsLoop(SyntaxNode node) =>
            node.IsKind(SyntaxKind.WhileStatement)
            || node.IsKind(SyntaxKind.DoStatement)
            || node.IsKind(SyntaxKind.ForStatement)
            || node.IsKind(SyntaxKind.ForEachStatement)
            || node.IsKind(SyntaxKind.ForEachVariableStatement);

        private readonly struct Definition
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
