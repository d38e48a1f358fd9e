using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;

namespace StreamLint.Streamiz.Topology
{
    /// <summary>
    /// Where a value comes from: the expressions that can produce it, followed through locals (every reaching
    /// definition), parameters (the entering helper call's argument, or every call site in the compilation), fields and
    /// get-only properties assigned only in their type's constructors and initialisers, and same-compilation helpers'
    /// return statements. Null ("unknown") whenever one path cannot be followed: callers stay silent then.
    /// </summary>
    internal sealed class ValueFlow
    {
        private const int MaxDepth = 8;

        private readonly LibraryContext library;
        private readonly StreamizSymbols symbols;
        private readonly Cache<ISymbol, ImmutableArray<Origin>?> memberValues = new Cache<ISymbol, ImmutableArray<Origin>?>(SymbolEqualityComparer.Default);

        public ValueFlow(LibraryContext library, StreamizSymbols symbols)
        {
            this.library = library;
            this.symbols = symbols;
        }

        public ImmutableArray<Origin>? Origins(IOperation operation, FlowEnv? env, CancellationToken cancellationToken)
        {
            var found = new List<Origin>();
            return this.Collect(operation, env, found, 0, cancellationToken) ? found.ToImmutableArray() : null;
        }

        /// <summary>The origins of a helper's returned value when entered from <paramref name="call"/>; null when it is not a helper.</summary>
        public ImmutableArray<Origin>? HelperReturns(IInvocationOperation call, FlowEnv? env, CancellationToken cancellationToken)
        {
            var found = new List<Origin>();
            return this.CollectHelper(call, env, found, 0, cancellationToken) ? found.ToImmutableArray() : null;
        }

        private bool Collect(IOperation operation, FlowEnv? env, List<Origin> found, int depth, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (depth > MaxDepth * 4 || (env?.Depth ?? 0) > MaxDepth)
            {
                return false;
            }

            operation = OperationFacts.Unwrap(operation);
            switch (operation)
            {
                case IConversionOperation { Conversion.IsReference: true } conversion:
                    return this.Collect(conversion.Operand, env, found, depth + 1, cancellationToken);
                case ILocalReferenceOperation local:
                    ImmutableArray<IOperation> values = this.library.DefinitionsFor(Root(local)).ReachingValues(local);
                    if (values.IsDefaultOrEmpty)
                    {
                        return false;
                    }

                    foreach (IOperation value in values)
                    {
                        if (!this.Collect(value, env, found, depth + 1, cancellationToken))
                        {
                            return false;
                        }
                    }

                    return true;
                case IParameterReferenceOperation parameter:
                    return this.CollectParameter(parameter.Parameter, env, found, depth, cancellationToken);
                case IFieldReferenceOperation field when !field.Field.IsConst:
                    return this.CollectMember(field.Field, found, depth, cancellationToken);
                case IPropertyReferenceOperation property when property.Arguments.IsEmpty && IsAutoProperty(property.Property):
                    return this.CollectMember(property.Property, found, depth, cancellationToken);
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return this.Collect(conditional.WhenTrue, env, found, depth + 1, cancellationToken)
                        && this.Collect(whenFalse, env, found, depth + 1, cancellationToken);
                case IInvocationOperation invocation when !invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty && !this.IsLibrary(invocation.TargetMethod) && !invocation.TargetMethod.ReturnsVoid:
                    return this.CollectHelper(invocation, env, found, depth, cancellationToken);
                default:
                    found.Add(new Origin(operation, env));
                    return true;
            }
        }

        private bool IsLibrary(IMethodSymbol method) => this.symbols.Scan.IsLibraryCall(method);

        private bool CollectHelper(IInvocationOperation call, FlowEnv? env, List<Origin> found, int depth, CancellationToken cancellationToken)
        {
            IMethodSymbol method = call.TargetMethod;
            if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern
                || this.library.DeclarationOf(method, cancellationToken) is not { } declaration)
            {
                return false;
            }

            var inner = new FlowEnv(method.OriginalDefinition, call, env);
            bool any = false;
            foreach (IOperation returned in Returns(declaration))
            {
                any = true;
                if (!this.Collect(returned, inner, found, depth + 1, cancellationToken))
                {
                    return false;
                }
            }

            return any;
        }

        private bool CollectParameter(IParameterSymbol parameter, FlowEnv? env, List<Origin> found, int depth, CancellationToken cancellationToken)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method || parameter.RefKind != RefKind.None)
            {
                return false;
            }

            for (FlowEnv? e = env; e is not null; e = e.Outer)
            {
                if (SymbolEqualityComparer.Default.Equals(e.Method, method.OriginalDefinition))
                {
                    return OperationFacts.Argument(e.Call, parameter.Ordinal) is { } argument
                        && this.Collect(argument, e.Outer, found, depth + 1, cancellationToken);
                }
            }

            if (method.MethodKind == MethodKind.AnonymousFunction || parameter.IsParams)
            {
                return false;
            }

            // Every call site in the compilation gives the parameter its value.
            bool any = false;
            foreach (IInvocationOperation site in this.library.CallsOf(method, cancellationToken))
            {
                any = true;
                if (OperationFacts.Argument(site, parameter.Ordinal) is not { } argument
                    || !this.Collect(argument, null, found, depth + 1, cancellationToken))
                {
                    return false;
                }
            }

            return any;
        }

        /// <summary>
        /// A field or get-only auto-property written only by its type's constructors and initialisers holds what they
        /// give it; any other write makes it unknown.
        /// </summary>
        private bool CollectMember(ISymbol member, List<Origin> found, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxDepth)
            {
                return false;
            }

            ImmutableArray<Origin>? values = this.memberValues.GetOrAdd(member, m => this.MemberValues(m, depth, cancellationToken));
            if (values is not { } known)
            {
                return false;
            }

            found.AddRange(known);
            return true;
        }

        private ImmutableArray<Origin>? MemberValues(ISymbol member, int depth, CancellationToken cancellationToken)
        {
            bool constrained = member switch
            {
                IFieldSymbol field => field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private,
                IPropertySymbol property => property.SetMethod is null || property.SetMethod.DeclaredAccessibility == Accessibility.Private || property.SetMethod.IsInitOnly,
                _ => false,
            };
            if (!constrained || member.ContainingType is not { } type || (member is IPropertySymbol { SetMethod.IsInitOnly: true }))
            {
                return null;
            }

            var values = new List<IOperation>();
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                SyntaxNode typeSyntax = reference.GetSyntax(cancellationToken);
                SemanticModel model = this.library.ModelFor(typeSyntax.SyntaxTree);
                foreach (SyntaxNode node in typeSyntax.DescendantNodes())
                {
                    switch (node)
                    {
                        case VariableDeclaratorSyntax { Initializer: { } init } declarator when declarator.Identifier.ValueText == member.Name
                            && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator, cancellationToken), member):
                            if (model.GetOperation(init.Value, cancellationToken) is { } initValue)
                            {
                                values.Add(initValue);
                            }

                            break;
                        case PropertyDeclarationSyntax { Initializer: { } propertyInit } declaration when declaration.Identifier.ValueText == member.Name:
                            if (model.GetOperation(propertyInit.Value, cancellationToken) is { } propertyValue)
                            {
                                values.Add(propertyValue);
                            }

                            break;
                        case AssignmentExpressionSyntax assignment when NameOf(assignment.Left) == member.Name:
                            if (model.GetOperation(assignment, cancellationToken) is not IAssignmentOperation op
                                || !(op.Target is IMemberReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Member, member)))
                            {
                                continue;
                            }

                            if (op is not ISimpleAssignmentOperation simple || !InConstructor(assignment))
                            {
                                return null;
                            }

                            values.Add(simple.Value);
                            break;
                    }
                }
            }

            if (values.Count == 0)
            {
                return null;
            }

            var origins = new List<Origin>();
            foreach (IOperation value in values)
            {
                if (!this.Collect(value, null, origins, depth + 1, cancellationToken))
                {
                    return null;
                }
            }

            return origins.ToImmutableArray();
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };

        private static bool InConstructor(SyntaxNode node)
        {
            for (SyntaxNode? current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ConstructorDeclarationSyntax:
                        return true;
                    case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        private static bool IsAutoProperty(IPropertySymbol property)
        {
            if (property.IsAbstract || property.IsVirtual || property.IsOverride || property.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            return property.ContainingType.GetMembers().OfType<IFieldSymbol>()
                .Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));
        }

        /// <summary>The values a method or local function returns (an expression body counts as one return).</summary>
        public static IEnumerable<IOperation> Returns(IOperation declaration)
        {
            var stack = new Stack<IOperation>();
            stack.Push(declaration);
            while (stack.Count > 0)
            {
                IOperation current = stack.Pop();
                if (current is IReturnOperation { ReturnedValue: { } value })
                {
                    yield return value;
                    continue;
                }

                foreach (IOperation child in current.ChildOperations)
                {
                    if (child is not IAnonymousFunctionOperation and not ILocalFunctionOperation || current == declaration)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        public static IOperation Root(IOperation operation)
        {
            IOperation current = operation;
            while (current.Parent is { } parent)
            {
                current = parent;
            }

            return current;
        }
    }
}
