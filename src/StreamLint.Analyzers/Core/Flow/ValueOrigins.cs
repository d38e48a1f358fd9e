using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Core.Flow
{
    /// <summary>
    /// Where a value comes from: the expressions that may have produced it, followed through locals (the definitions
    /// that reach the read), same-compilation helpers (their return values), fields and auto-properties assigned only
    /// in their own type's constructors and initialisers, and parameters of same-compilation methods (what every call
    /// site passes). An origin is an expression none of those: an object creation, a call into a library, a literal.
    /// Anything that cannot be followed — a parameter nobody in the compilation passes, a field written outside the
    /// constructors, a virtual helper, a ref local — makes the answer unknown (<c>default</c>), never guessed.
    /// Names no library: a family decides what its origins mean.
    /// </summary>
    internal sealed class ValueOrigins
    {
        private const int MaxDepth = 8;

        private readonly LibraryContext library;
        private readonly Cache<ISymbol, ImmutableArray<MemberWrite>> memberWrites = new Cache<ISymbol, ImmutableArray<MemberWrite>>(SymbolEqualityComparer.Default);
        private readonly Cache<INamedTypeSymbol, Dictionary<string, List<SyntaxNode>>> writeSites = new Cache<INamedTypeSymbol, Dictionary<string, List<SyntaxNode>>>(SymbolEqualityComparer.Default);

        public ValueOrigins(LibraryContext library) => this.library = library;

        public LibraryContext Library => this.library;

        /// <summary>
        /// The origins of <paramref name="value"/>, in the order found; <c>default</c> when any path leads somewhere
        /// that cannot be followed.
        /// </summary>
        public ImmutableArray<IOperation> Of(IOperation value, CancellationToken cancellationToken)
        {
            var found = new List<IOperation>();
            return this.Collect(value, found, 0, cancellationToken) ? found.Distinct().ToImmutableArray() : default;
        }

        /// <summary>The single origin of <paramref name="value"/>, or null when it has none or several.</summary>
        public IOperation? SingleOf(IOperation value, CancellationToken cancellationToken)
        {
            ImmutableArray<IOperation> origins = this.Of(value, cancellationToken);
            return !origins.IsDefault && origins.Length == 1 ? origins[0] : null;
        }

        /// <summary>
        /// The writes of a field or auto-property when every one of them is in its own type's constructors or
        /// initialisers (and the member cannot be written from outside the type); <c>default</c> otherwise.
        /// Found once per member from the type's declarations.
        /// </summary>
        public ImmutableArray<MemberWrite> ConstructorWrites(ISymbol member, CancellationToken cancellationToken) =>
            this.memberWrites.GetOrAdd(member.OriginalDefinition, m => this.FindConstructorWrites(m, cancellationToken));

        /// <summary>The operation tree's root (the member body or initializer) that holds <paramref name="operation"/>.</summary>
        public static IOperation RootOf(IOperation operation)
        {
            IOperation current = operation;
            while (current.Parent is { } parent)
            {
                current = parent;
            }

            return current;
        }

        /// <summary>Strips conversions (casts keep an object's identity), parentheses and the null-forgiving operator.</summary>
        public static IOperation Strip(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        private bool Collect(IOperation value, List<IOperation> found, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxDepth)
            {
                return false;
            }

            cancellationToken.ThrowIfCancellationRequested();
            IOperation operation = Strip(value);
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    if (local.Local.IsRef)
                    {
                        return false;
                    }

                    if (this.UsingInitializer(local.Local, cancellationToken) is { } resource)
                    {
                        return this.Collect(resource, found, depth + 1, cancellationToken);
                    }

                    ImmutableArray<IOperation> reaching = this.library.DefinitionsFor(RootOf(local)).ReachingValues(local);
                    return !reaching.IsDefault && reaching.All(v => this.Collect(v, found, depth + 1, cancellationToken));

                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return this.Collect(conditional.WhenTrue, found, depth + 1, cancellationToken)
                        && this.Collect(whenFalse, found, depth + 1, cancellationToken);

                case ICoalesceOperation coalesce:
                    return this.Collect(coalesce.Value, found, depth + 1, cancellationToken)
                        && this.Collect(coalesce.WhenNull, found, depth + 1, cancellationToken);

                case IFieldReferenceOperation { Field: var field } fieldReference when IsOwnMember(fieldReference.Instance):
                    return this.CollectMember(field, found, depth, cancellationToken);

                case IPropertyReferenceOperation { Property: var property } propertyReference when IsOwnMember(propertyReference.Instance) && property.Parameters.IsEmpty:
                    return this.CollectMember(property, found, depth, cancellationToken);

                case IParameterReferenceOperation parameter:
                    return this.CollectParameter(parameter.Parameter, found, depth, cancellationToken);

                case IInvocationOperation invocation when IsSourceHelper(invocation.TargetMethod):
                    return this.CollectReturns(invocation.TargetMethod, found, depth, cancellationToken);

                case IFieldReferenceOperation or IPropertyReferenceOperation or IInvalidOperation:
                    return false;

                default:
                    found.Add(operation);
                    return true;
            }
        }

        /// <summary>
        /// The initial value of a <c>using</c> local (statement or declaration): such a local is read-only, so its
        /// initializer is its only value wherever it is read.
        /// </summary>
        public IOperation? UsingInitializer(ILocalSymbol local, CancellationToken cancellationToken)
        {
            if (!local.IsUsing || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer })
            {
                return null;
            }

            return this.library.ModelFor(initializer.SyntaxTree).GetOperation(initializer.Value, cancellationToken);
        }

        private bool CollectMember(ISymbol member, List<IOperation> found, int depth, CancellationToken cancellationToken)
        {
            ImmutableArray<MemberWrite> writes = this.ConstructorWrites(member, cancellationToken);
            return !writes.IsDefault && writes.Length > 0 && writes.All(w => this.Collect(w.Value, found, depth + 1, cancellationToken));
        }

        private bool CollectParameter(IParameterSymbol parameter, List<IOperation> found, int depth, CancellationToken cancellationToken)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method
                || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
                || method.IsVirtual || method.IsOverride || method.IsAbstract
                || method.ExplicitInterfaceImplementations.Length > 0
                || parameter.RefKind != RefKind.None || parameter.IsParams
                || method.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            bool any = false;
            foreach (IInvocationOperation call in this.library.CallsOf(method, cancellationToken))
            {
                if (OperationFacts.Argument(call, parameter.Ordinal) is not { } argument
                    || !this.Collect(argument, found, depth + 1, cancellationToken))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        private bool CollectReturns(IMethodSymbol method, List<IOperation> found, int depth, CancellationToken cancellationToken)
        {
            if (method.IsAsync || method.ReturnsVoid || this.library.DeclarationOf(method, cancellationToken) is not { } body)
            {
                return false;
            }

            bool any = false;
            foreach (IReturnOperation returned in ReturnsOf(body))
            {
                if (returned.ReturnedValue is not { } result || !this.Collect(result, found, depth + 1, cancellationToken))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        /// <summary>The return statements of a body, not those of lambdas or local functions inside it.</summary>
        public static IEnumerable<IReturnOperation> ReturnsOf(IOperation body)
        {
            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                IOperation current = pending.Pop();
                if (current is IReturnOperation { Kind: OperationKind.Return } returned)
                {
                    yield return returned;
                }

                foreach (IOperation child in current.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        /// <summary>A method of the compilation whose body is the only implementation a call can reach.</summary>
        public static bool IsSourceHelper(IMethodSymbol method) =>
            !method.DeclaringSyntaxReferences.IsEmpty
            && !method.IsVirtual && !method.IsAbstract && !method.IsOverride && !method.IsExtern
            && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction;

        private static bool IsOwnMember(IOperation? instance) =>
            instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

        private ImmutableArray<MemberWrite> FindConstructorWrites(ISymbol member, CancellationToken cancellationToken)
        {
            if (!IsPrivatelyWritten(member, cancellationToken))
            {
                return default;
            }

            var writes = ImmutableArray.CreateBuilder<MemberWrite>();
            INamedTypeSymbol type = member.ContainingType;
            if (this.WriteSitesOf(type, cancellationToken).TryGetValue(member.Name, out List<SyntaxNode>? sites))
            {
                foreach (SyntaxNode node in sites)
                {
                    SemanticModel model = this.library.ModelFor(node.SyntaxTree);
                    switch (node)
                    {
                        case VariableDeclaratorSyntax { Initializer: { } initializer } declarator:
                            if (SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator, cancellationToken), member)
                                && model.GetOperation(initializer, cancellationToken) is IFieldInitializerOperation fieldInitializer)
                            {
                                writes.Add(new MemberWrite(fieldInitializer.Value, fieldInitializer));
                            }

                            break;
                        case PropertyDeclarationSyntax { Initializer: { } initializer }:
                            if (model.GetOperation(initializer, cancellationToken) is IPropertyInitializerOperation propertyInitializer)
                            {
                                writes.Add(new MemberWrite(propertyInitializer.Value, propertyInitializer));
                            }

                            break;
                        case AssignmentExpressionSyntax assignment:
                            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol?.OriginalDefinition, member))
                            {
                                break;
                            }

                            if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                                || !IsConstructorOf(assignment, type, member.IsStatic)
                                || model.GetOperation(assignment, cancellationToken) is not ISimpleAssignmentOperation write)
                            {
                                return default;
                            }

                            writes.Add(new MemberWrite(write.Value, write));
                            break;
                        case ArgumentSyntax:
                            return default; // passed by ref or out
                    }
                }
            }

            return writes.ToImmutable();
        }

        /// <summary>
        /// The places in a type's declarations that can write a member, by the member's name, in source order:
        /// declarators and properties with an initializer, assignments, and ref or out arguments. Read once per type,
        /// not once per member asked about.
        /// </summary>
        private Dictionary<string, List<SyntaxNode>> WriteSitesOf(INamedTypeSymbol type, CancellationToken cancellationToken) =>
            this.writeSites.GetOrAdd(type, static (t, token) => FindWriteSites(t, token), cancellationToken);

        private static Dictionary<string, List<SyntaxNode>> FindWriteSites(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var sites = new Dictionary<string, List<SyntaxNode>>();
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                foreach (SyntaxNode node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    string? name = node switch
                    {
                        VariableDeclaratorSyntax { Initializer: not null } declarator => declarator.Identifier.ValueText,
                        PropertyDeclarationSyntax { Initializer: not null } property => property.Identifier.ValueText,
                        AssignmentExpressionSyntax assignment => TargetName(assignment.Left),
                        ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => TargetName(argument.Expression),
                        _ => null,
                    };
                    if (name is not null)
                    {
                        if (!sites.TryGetValue(name, out List<SyntaxNode>? named))
                        {
                            sites[name] = named = new List<SyntaxNode>();
                        }

                        named.Add(node);
                    }
                }
            }

            return sites;
        }

        /// <summary>Whether only the type's own code can write the member: a private or readonly field, a private-set auto-property.</summary>
        private static bool IsPrivatelyWritten(ISymbol member, CancellationToken cancellationToken)
        {
            switch (member)
            {
                case IFieldSymbol field:
                    return !field.IsConst && (field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private) && field.AssociatedSymbol is null;
                case IPropertySymbol property:
                    if (property.DeclaringSyntaxReferences.IsEmpty
                        || property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not PropertyDeclarationSyntax { AccessorList: { } accessors }
                        || accessors.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null))
                    {
                        return false; // not an auto-property
                    }

                    return property.SetMethod is null
                        || (property.SetMethod.DeclaredAccessibility == Accessibility.Private && !property.SetMethod.IsInitOnly)
                        || property.DeclaredAccessibility == Accessibility.Private;
                default:
                    return false;
            }
        }

        private static bool IsConstructorOf(SyntaxNode node, INamedTypeSymbol type, bool isStatic)
        {
            for (SyntaxNode? current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                        return false;
                    case ConstructorDeclarationSyntax constructor:
                        return constructor.Modifiers.Any(SyntaxKind.StaticKeyword) == isStatic
                            && constructor.Parent is TypeDeclarationSyntax declaration
                            && declaration.Identifier.ValueText == type.Name;
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        private static string? TargetName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
            MemberAccessExpressionSyntax { Name: var name } => name.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>One write of a field or property: the value written and the assignment or initializer that writes it.</summary>
    internal sealed class MemberWrite
    {
        public MemberWrite(IOperation value, IOperation site)
        {
            this.Value = value;
            this.Site = site;
        }

        public IOperation Value { get; }

        public IOperation Site { get; }
    }
}
