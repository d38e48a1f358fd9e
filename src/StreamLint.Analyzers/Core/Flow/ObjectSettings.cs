using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Core.Flow
{
    /// <summary>What is known of one property of a settings object.</summary>
    internal enum SettingKind
    {
        /// <summary>Proven not set on any path: the library's default applies.</summary>
        NotSet,

        /// <summary>Set to one constant on every path (<see cref="SettingFact.Value"/>).</summary>
        Constant,

        /// <summary>Set from a non-constant value, set on some paths only, set differently on different paths, or the object's content is unknown.</summary>
        Unknown,
    }

    /// <summary>
    /// The fact about one property: not set, set to a constant, or unknown. Constants are the operation's constant
    /// value after implicit conversions (an enum member gives its underlying number, a literal its value).
    /// </summary>
    internal sealed class SettingFact
    {
        private SettingFact(SettingKind kind, object? value, IOperation? site)
        {
            this.Kind = kind;
            this.Value = value;
            this.Site = site;
        }

        public static SettingFact NotSet { get; } = new SettingFact(SettingKind.NotSet, null, null);

        public static SettingFact Unknown { get; } = new SettingFact(SettingKind.Unknown, null, null);

        public SettingKind Kind { get; }

        /// <summary>The constant, for <see cref="SettingKind.Constant"/>.</summary>
        public object? Value { get; }

        /// <summary>The write that decided the fact when there is exactly one (an initializer member or an assignment); null otherwise.</summary>
        public IOperation? Site { get; }

        public bool IsNotSet => this.Kind == SettingKind.NotSet;

        public bool IsUnknown => this.Kind == SettingKind.Unknown;

        public static SettingFact Constant(object? value, IOperation? site) => new SettingFact(SettingKind.Constant, value, site);

        /// <summary>Whether the property is proven set to <paramref name="value"/> (compared with <see cref="object.Equals(object, object)"/> after numeric widening to long).</summary>
        public bool Is(object value) => this.Kind == SettingKind.Constant && SameConstant(this.Value, value);

        /// <summary>Whether the property is proven either not set or set to something other than <paramref name="value"/>.</summary>
        public bool IsProvenNot(object value) => this.Kind == SettingKind.NotSet || (this.Kind == SettingKind.Constant && !SameConstant(this.Value, value));

        internal static bool SameConstant(object? a, object? b)
        {
            if (a is null || b is null)
            {
                return a is null && b is null;
            }

            if (IsInteger(a) && IsInteger(b))
            {
                return Convert.ToInt64(a, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToInt64(b, System.Globalization.CultureInfo.InvariantCulture);
            }

            return a.Equals(b);
        }

        private static bool IsInteger(object value) => value is int or long or short or sbyte or byte or uint or ushort or ulong || value.GetType().IsEnum;

        internal static SettingFact Merge(SettingFact a, SettingFact b)
        {
            if (a.Kind == SettingKind.NotSet && b.Kind == SettingKind.NotSet)
            {
                return NotSet;
            }

            if (a.Kind == SettingKind.Constant && b.Kind == SettingKind.Constant && SameConstant(a.Value, b.Value))
            {
                return new SettingFact(SettingKind.Constant, a.Value, a.Site == b.Site ? a.Site : null);
            }

            return Unknown;
        }
    }

    /// <summary>One write of a property on a settings object: an object-initializer member or a later assignment.</summary>
    internal sealed class PropertySetting
    {
        public PropertySetting(IPropertySymbol property, IOperation value, IOperation site, bool conditional)
        {
            this.Property = property;
            this.Value = value;
            this.Site = site;
            this.Conditional = conditional;
        }

        public IPropertySymbol Property { get; }

        public string Name => this.Property.Name;

        /// <summary>The value written, implicit conversions removed.</summary>
        public IOperation Value { get; }

        /// <summary>The <see cref="ISimpleAssignmentOperation"/> that writes it (in an initializer or a statement).</summary>
        public IOperation Site { get; }

        /// <summary>True when the write may be skipped (a branch, a lambda) before the object is used.</summary>
        public bool Conditional { get; }

        public SettingFact Fact =>
            this.Conditional || !this.Value.ConstantValue.HasValue
                ? SettingFact.Unknown
                : SettingFact.Constant(this.Value.ConstantValue.Value, this.Site);
    }

    /// <summary>
    /// The properties set on a settings object (a configuration class with one property per key) at the point where
    /// it is used: its object initializer, later assignments on the local, parameter or field that holds it, what a
    /// copy constructor copies, what same-compilation helpers that build and return it set, and what a field or
    /// auto-property assigned only in its type's constructors holds (when those agree). An object whose content
    /// cannot be seen — built from a dictionary, bound from configuration, a parameter nobody in the compilation
    /// passes, handed to code that may change it — is <see cref="IsUnknown"/>: every property then reads as unknown.
    /// Names no library: the family says which types are settings types (<see cref="ObjectSettingsReader"/>).
    /// </summary>
    internal sealed class ObjectSettings
    {
        private readonly ImmutableDictionary<string, SettingFact> facts;

        private ObjectSettings(bool unknown, ImmutableDictionary<string, SettingFact> facts, ImmutableArray<PropertySetting> writes, ImmutableArray<IObjectCreationOperation> creations)
        {
            this.IsUnknown = unknown;
            this.facts = facts;
            this.Writes = writes;
            this.Creations = creations;
        }

        public static ObjectSettings Unknown { get; } = new ObjectSettings(true, ImmutableDictionary<string, SettingFact>.Empty, ImmutableArray<PropertySetting>.Empty, ImmutableArray<IObjectCreationOperation>.Empty);

        /// <summary>The object's content cannot be known: any key may be set.</summary>
        public bool IsUnknown { get; }

        /// <summary>Every write found, in the order the object receives them along each followed path (initializer first).</summary>
        public ImmutableArray<PropertySetting> Writes { get; }

        /// <summary>The object creations the facts come from (one per path), for fixes that add a property to an initializer.</summary>
        public ImmutableArray<IObjectCreationOperation> Creations { get; }

        /// <summary>The fact about the property named <paramref name="property"/>.</summary>
        public SettingFact this[string property] =>
            this.IsUnknown ? SettingFact.Unknown : this.facts.TryGetValue(property, out SettingFact? fact) ? fact : SettingFact.NotSet;

        /// <summary>The writes of <paramref name="property"/>, in order.</summary>
        public IEnumerable<PropertySetting> WritesOf(string property) => this.Writes.Where(w => w.Name == property);

        /// <summary>
        /// The writes of <paramref name="property"/> that can run after <paramref name="marker"/>: in control-flow
        /// order (<paramref name="order"/>) when both are in the body it describes, else in the order the object
        /// receives them.
        /// </summary>
        public IEnumerable<PropertySetting> AssignedAfter(PropertySetting marker, string property, FlowOrder? order)
        {
            int markerIndex = this.Writes.IndexOf(marker);
            FlowPoint? markerPoint = order?.Locate(marker.Site.Syntax);
            for (int i = 0; i < this.Writes.Length; i++)
            {
                PropertySetting write = this.Writes[i];
                if (write.Name != property || write == marker)
                {
                    continue;
                }

                if (markerPoint is { } from && order!.Locate(write.Site.Syntax) is { } to)
                {
                    if (FlowOrder.MayReach(from, to, Array.Empty<FlowPoint>()))
                    {
                        yield return write;
                    }
                }
                else if (i > markerIndex)
                {
                    yield return write;
                }
            }
        }

        internal static ObjectSettings Known(ImmutableArray<PropertySetting> writes, ImmutableArray<IObjectCreationOperation> creations)
        {
            var facts = ImmutableDictionary.CreateBuilder<string, SettingFact>(StringComparer.Ordinal);
            foreach (PropertySetting write in writes)
            {
                if (!write.Conditional || !facts.ContainsKey(write.Name))
                {
                    facts[write.Name] = write.Conditional ? SettingFact.Merge(SettingFact.NotSet, write.Fact) : write.Fact;
                }
                else
                {
                    facts[write.Name] = SettingFact.Merge(facts[write.Name], write.Fact);
                }
            }

            return new ObjectSettings(false, facts.ToImmutable(), writes, creations);
        }

        internal ObjectSettings With(IEnumerable<PropertySetting> later, bool becomesUnknown) =>
            this.IsUnknown || becomesUnknown ? Unknown : Known(this.Writes.AddRange(later), this.Creations);

        /// <summary>What is true on every path: a property keeps a fact only when all paths agree.</summary>
        internal static ObjectSettings Merge(IReadOnlyList<ObjectSettings> paths)
        {
            if (paths.Count == 0 || paths.Any(p => p.IsUnknown))
            {
                return Unknown;
            }

            if (paths.Count == 1)
            {
                return paths[0];
            }

            var names = new HashSet<string>(paths.SelectMany(p => p.facts.Keys), StringComparer.Ordinal);
            var facts = ImmutableDictionary.CreateBuilder<string, SettingFact>(StringComparer.Ordinal);
            foreach (string name in names)
            {
                SettingFact fact = paths[0][name];
                for (int i = 1; i < paths.Count; i++)
                {
                    fact = SettingFact.Merge(fact, paths[i][name]);
                }

                facts[name] = fact;
            }

            return new ObjectSettings(
                false,
                facts.ToImmutable(),
                paths.SelectMany(p => p.Writes).Distinct().ToImmutableArray(),
                paths.SelectMany(p => p.Creations).Distinct().ToImmutableArray());
        }
    }

    /// <summary>
    /// Reads <see cref="ObjectSettings"/> for the settings types a family names (<c>isSettingsType</c>), following
    /// values with <see cref="ValueOrigins"/>' rules. Later writes on a local or parameter count when they come after
    /// the object's definition and before the place it is read, in the same function; a write that a branch may skip
    /// makes that property unknown. Calls of the object's own methods other than getters, passing it to a
    /// same-compilation method, or writing it from a lambda make the whole object unknown.
    /// </summary>
    internal sealed class ObjectSettingsReader
    {
        private const int MaxDepth = 8;

        private readonly ValueOrigins origins;
        private readonly Func<ITypeSymbol, bool> isSettingsType;

        public ObjectSettingsReader(ValueOrigins origins, Func<ITypeSymbol, bool> isSettingsType)
        {
            this.origins = origins;
            this.isSettingsType = isSettingsType;
        }

        /// <summary>The settings of the object <paramref name="value"/> evaluates to, at the place it is evaluated.</summary>
        public ObjectSettings Of(IOperation value, CancellationToken cancellationToken) => this.Of(value, 0, cancellationToken);

        private ObjectSettings Of(IOperation value, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxDepth)
            {
                return ObjectSettings.Unknown;
            }

            cancellationToken.ThrowIfCancellationRequested();
            IOperation operation = ValueOrigins.Strip(value);
            switch (operation)
            {
                case IObjectCreationOperation creation when creation.Type is { } type && this.isSettingsType(type):
                    return this.OfCreation(creation, depth, cancellationToken);

                case ILocalReferenceOperation local when !local.Local.IsRef:
                {
                    IOperation root = ValueOrigins.RootOf(local);
                    ImmutableArray<IOperation> reaching = this.origins.Library.DefinitionsFor(root).ReachingValues(local);
                    if (reaching.IsDefault)
                    {
                        return ObjectSettings.Unknown;
                    }

                    var paths = new List<ObjectSettings>();
                    foreach (IOperation definition in reaching)
                    {
                        ObjectSettings start = this.Of(definition, depth + 1, cancellationToken);
                        paths.Add(this.WithLaterWrites(start, local.Local, root, definition.Syntax.Span.End, local.Syntax, cancellationToken));
                    }

                    return ObjectSettings.Merge(paths);
                }

                case IParameterReferenceOperation parameter:
                {
                    if (parameter.Parameter.ContainingSymbol is not IMethodSymbol method
                        || !ValueOrigins.IsSourceHelper(method)
                        || parameter.Parameter.RefKind != RefKind.None)
                    {
                        return ObjectSettings.Unknown;
                    }

                    var paths = new List<ObjectSettings>();
                    foreach (IInvocationOperation call in this.origins.Library.CallsOf(method, cancellationToken))
                    {
                        if (OperationFacts.Argument(call, parameter.Parameter.Ordinal) is not { } argument)
                        {
                            return ObjectSettings.Unknown;
                        }

                        paths.Add(this.Of(argument, depth + 1, cancellationToken));
                    }

                    IOperation root = ValueOrigins.RootOf(parameter);
                    return this.WithLaterWrites(ObjectSettings.Merge(paths), parameter.Parameter, root, root.Syntax.SpanStart, parameter.Syntax, cancellationToken);
                }

                case IInvocationOperation invocation when ValueOrigins.IsSourceHelper(invocation.TargetMethod):
                {
                    IMethodSymbol method = invocation.TargetMethod;
                    if (method.IsAsync || method.ReturnsVoid || this.origins.Library.DeclarationOf(method, cancellationToken) is not { } body)
                    {
                        return ObjectSettings.Unknown;
                    }

                    var paths = new List<ObjectSettings>();
                    foreach (IReturnOperation returned in ValueOrigins.ReturnsOf(body))
                    {
                        if (returned.ReturnedValue is not { } result)
                        {
                            return ObjectSettings.Unknown;
                        }

                        paths.Add(this.Of(result, depth + 1, cancellationToken));
                    }

                    return ObjectSettings.Merge(paths);
                }

                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                    return this.OfMember(field.Field, depth, cancellationToken);

                case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property when property.Property.Parameters.IsEmpty:
                    return this.OfMember(property.Property, depth, cancellationToken);

                default:
                    return ObjectSettings.Unknown;
            }
        }

        private ObjectSettings OfCreation(IObjectCreationOperation creation, int depth, CancellationToken cancellationToken)
        {
            ObjectSettings start;
            if (creation.Arguments.IsEmpty)
            {
                start = ObjectSettings.Known(ImmutableArray<PropertySetting>.Empty, ImmutableArray.Create(creation));
            }
            else if (creation.Arguments.Length == 1 && creation.Arguments[0].Value.Type is { } argumentType && this.isSettingsType(argumentType))
            {
                ObjectSettings copied = this.Of(creation.Arguments[0].Value, depth + 1, cancellationToken);
                start = copied.IsUnknown ? copied : ObjectSettings.Known(copied.Writes, ImmutableArray.Create(creation));
            }
            else
            {
                return ObjectSettings.Unknown; // a dictionary, a key-value list: content unknown
            }

            if (creation.Initializer is not { } initializer)
            {
                return start;
            }

            var writes = new List<PropertySetting>();
            foreach (IOperation member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment && property.Parameters.IsEmpty)
                {
                    writes.Add(new PropertySetting(property, OperationFacts.Unwrap(assignment.Value), assignment, conditional: false));
                }
                else
                {
                    return ObjectSettings.Unknown; // an indexer or collection element: a key this model does not name
                }
            }

            return start.With(writes, becomesUnknown: false);
        }

        private ObjectSettings OfMember(ISymbol member, int depth, CancellationToken cancellationToken)
        {
            ImmutableArray<MemberWrite> writes = this.origins.ConstructorWrites(member, cancellationToken);
            if (writes.IsDefault || writes.IsEmpty)
            {
                return ObjectSettings.Unknown;
            }

            var paths = new List<ObjectSettings>();
            foreach (MemberWrite write in writes)
            {
                paths.Add(this.Of(write.Value, depth + 1, cancellationToken));
            }

            ObjectSettings merged = ObjectSettings.Merge(paths);
            if (merged.IsUnknown)
            {
                return merged;
            }

            // Writes through the member (this.config.Key = …): in a constructor they happen before any other member
            // runs; anywhere else their order is unknown.
            var later = new List<PropertySetting>();
            foreach (SyntaxReference reference in member.ContainingType.DeclaringSyntaxReferences)
            {
                SyntaxNode declaration = reference.GetSyntax(cancellationToken);
                SemanticModel model = this.origins.Library.ModelFor(declaration.SyntaxTree);
                foreach (MemberAccessExpressionSyntax access in declaration.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
                {
                    if (access.Name.Identifier.ValueText != member.Name)
                    {
                        continue;
                    }

                    if (model.GetOperation(access, cancellationToken) is not { } use
                        || !SymbolEqualityComparer.Default.Equals(SymbolOf(use), member))
                    {
                        continue;
                    }

                    if (!this.ClassifyUse(use, conditional: !InConstructor(access), later))
                    {
                        return ObjectSettings.Unknown;
                    }
                }

                foreach (IdentifierNameSyntax identifier in declaration.DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (identifier.Identifier.ValueText != member.Name || identifier.Parent is MemberAccessExpressionSyntax { Name: var name } && name == identifier)
                    {
                        continue;
                    }

                    if (model.GetOperation(identifier, cancellationToken) is not { } use
                        || !SymbolEqualityComparer.Default.Equals(SymbolOf(use), member))
                    {
                        continue;
                    }

                    if (!this.ClassifyUse(use, conditional: !InConstructor(identifier), later))
                    {
                        return ObjectSettings.Unknown;
                    }
                }
            }

            return merged.With(later, becomesUnknown: false);
        }

        private static ISymbol? SymbolOf(IOperation operation) => operation switch
        {
            IFieldReferenceOperation field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation property => property.Property.OriginalDefinition,
            _ => null,
        };

        /// <summary>Whether <paramref name="node"/> is in a statement of a constructor's own body block (so it always runs before other members).</summary>
        private static bool InConstructor(SyntaxNode node)
        {
            for (SyntaxNode? current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case StatementSyntax { Parent: BlockSyntax { Parent: ConstructorDeclarationSyntax } }:
                        return true;
                    case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// Sorts one use of the object: a property write (added to <paramref name="later"/>), a harmless read, or a
        /// use after which the content is unknown (false).
        /// </summary>
        private bool ClassifyUse(IOperation reference, bool conditional, List<PropertySetting> later)
        {
            switch (reference.Parent)
            {
                case IPropertyReferenceOperation { Property: var property } propertyReference when propertyReference.Instance == reference:
                    if (propertyReference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == propertyReference)
                    {
                        later.Add(new PropertySetting(property, OperationFacts.Unwrap(assignment.Value), assignment, conditional || !IsUnconditionalStatement(assignment)));
                    }
                    else if (propertyReference.Parent is ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation)
                    {
                        later.Add(new PropertySetting(property, propertyReference, propertyReference.Parent, conditional: true));
                    }

                    return true;

                case IInvocationOperation invocation when invocation.Instance == reference:
                    return IsReadOnlyMethod(invocation.TargetMethod);

                case IArgumentOperation { Parent: IInvocationOperation call }:
                    return call.TargetMethod.DeclaringSyntaxReferences.IsEmpty && !IsWrittenByRef(reference);

                case IArgumentOperation { Parent: IObjectCreationOperation created }:
                    return created.Constructor is null || created.Constructor.DeclaringSyntaxReferences.IsEmpty;

                case ISimpleAssignmentOperation holderWrite when holderWrite.Target == reference:
                    return true; // the write of the holder itself, accounted for by the definitions

                default:
                    return true;
            }
        }

        private static bool IsWrittenByRef(IOperation reference) =>
            reference.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out };

        private static bool IsReadOnlyMethod(IMethodSymbol method) =>
            method.Name.StartsWith("Get", StringComparison.Ordinal)
            || method.Name is "ToString" or "Equals" or "GetHashCode" or "GetEnumerator";

        /// <summary>
        /// Adds the writes on <paramref name="holder"/> (a local or parameter) that run after <paramref name="from"/>
        /// and before <paramref name="use"/> in the same function.
        /// </summary>
        private ObjectSettings WithLaterWrites(ObjectSettings start, ISymbol holder, IOperation root, int from, SyntaxNode use, CancellationToken cancellationToken)
        {
            if (start.IsUnknown)
            {
                return start;
            }

            SyntaxNode? useFunction = LocalDefinitions.EnclosingFunction(use);
            var later = new List<PropertySetting>();
            foreach (IOperation reference in root.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                ISymbol? symbol = reference switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (symbol is null || !SymbolEqualityComparer.Default.Equals(symbol, holder) || reference.Syntax == use)
                {
                    continue;
                }

                int position = reference.Syntax.SpanStart;
                bool sameFunction = LocalDefinitions.EnclosingFunction(reference.Syntax) == useFunction;
                if (!sameFunction)
                {
                    // Used in a lambda or local function: its writes run at a time this model cannot place.
                    if (IsWrite(reference))
                    {
                        return ObjectSettings.Unknown;
                    }

                    continue;
                }

                if (position < from || position >= use.SpanStart)
                {
                    continue;
                }

                var found = new List<PropertySetting>();
                if (!this.ClassifyUse(reference, conditional: false, found))
                {
                    return ObjectSettings.Unknown;
                }

                foreach (PropertySetting write in found)
                {
                    later.Add(new PropertySetting(write.Property, write.Value, write.Site, write.Conditional || !Dominates(write.Site.Syntax, use)));
                }
            }

            return start.With(later, becomesUnknown: false);
        }

        private static bool IsWrite(IOperation reference) =>
            reference.Parent is IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation or ICompoundAssignmentOperation } || reference.Parent is IInvocationOperation || IsWrittenByRef(reference);

        /// <summary>A write that is a statement of its own (not part of a larger expression whose evaluation may be skipped).</summary>
        private static bool IsUnconditionalStatement(IOperation assignment) =>
            assignment.Syntax.Parent is ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax };

        /// <summary>A write that is a statement of a block that also holds the use: no branch can skip it on the way there.</summary>
        private static bool Dominates(SyntaxNode write, SyntaxNode use)
        {
            SyntaxNode? container = write.Parent is ExpressionStatementSyntax statement ? statement.Parent : null;
            if (container is GlobalStatementSyntax global)
            {
                container = global.Parent;
            }

            return container is BlockSyntax or CompilationUnitSyntax && container.Span.Contains(use.Span);
        }
    }
}
