using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Core.Flow;

namespace StreamLint.Streamiz.Topology
{
    /// <summary>
    /// Where a value comes from: the expressions that can produce it, followed through locals (every reaching
    /// definition), parameters (the entering helper call's argument, or every call site in the compilation), fields and
    /// get-only properties assigned only in their type's constructors and initialisers, and same-compilation helpers'
    /// return statements. Null ("unknown") whenever one path cannot be followed: callers stay silent then.
    /// What is not Streamiz-specific comes from Core's <see cref="ValueOrigins"/>: the constructor writes of a field or
    /// property, a body's return statements, an operation's root. This class adds the helper environments
    /// (<see cref="FlowEnv"/>: a helper's parameters read as the entering call's arguments).
    /// </summary>
    internal sealed class ValueFlow
    {
        private const int MaxDepth = 8;

        private readonly LibraryContext library;
        private readonly StreamizSymbols symbols;
        private readonly ValueOrigins origins;
        private readonly Cache<ISymbol, ImmutableArray<Origin>?> memberValues = new Cache<ISymbol, ImmutableArray<Origin>?>(SymbolEqualityComparer.Default);

        public ValueFlow(LibraryContext library, StreamizSymbols symbols)
        {
            this.library = library;
            this.symbols = symbols;
            this.origins = new ValueOrigins(library);
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
                    ImmutableArray<IOperation> values = this.library.DefinitionsFor(ValueOrigins.RootOf(local)).ReachingValues(local);
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
            foreach (IReturnOperation returned in ValueOrigins.ReturnsOf(declaration))
            {
                any = true;
                if (returned.ReturnedValue is not { } value || !this.Collect(value, inner, found, depth + 1, cancellationToken))
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
            ImmutableArray<MemberWrite> writes = this.origins.ConstructorWrites(member, cancellationToken);
            if (writes.IsDefaultOrEmpty)
            {
                return null;
            }

            var origins = new List<Origin>();
            foreach (MemberWrite write in writes)
            {
                if (!this.Collect(write.Value, null, origins, depth + 1, cancellationToken))
                {
                    return null;
                }
            }

            return origins.ToImmutableArray();
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
    }
}
