using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Core.Flow;
using StreamLint.Kafka.Clients;

namespace StreamLint.Kafka
{
    /// <summary>
    /// The Confluent.Kafka family's context for one compilation: resolved symbols, the value and config models, and
    /// caches shared by the rules (the client behind a Build() call, a member's control-flow order).
    /// </summary>
    public sealed class KafkaCompilation
    {
        private static readonly ConditionalWeakTable<Compilation, KafkaCompilation?> Instances = new ConditionalWeakTable<Compilation, KafkaCompilation?>();

        private readonly Cache<SyntaxTree, ImmutableArray<KafkaMember>> members = new Cache<SyntaxTree, ImmutableArray<KafkaMember>>();
        private readonly Cache<IOperation, KafkaClient?> clients = Cache<IOperation, KafkaClient?>.Large();
        private readonly OnceCache<SyntaxNode, FlowOrder?> orders = new OnceCache<SyntaxNode, FlowOrder?>();
        private readonly Cache<INamedTypeSymbol, ImmutableArray<IOperation>> typeBodies = new Cache<INamedTypeSymbol, ImmutableArray<IOperation>>(SymbolEqualityComparer.Default);

        private KafkaCompilation(Compilation compilation, KafkaSymbols symbols)
        {
            this.Library = LibraryContext.For(compilation);
            this.Symbols = symbols;
            this.Origins = new ValueOrigins(this.Library);
            this.Settings = new ObjectSettingsReader(this.Origins, symbols.IsClientConfig);
        }

        internal LibraryContext Library { get; }

        internal KafkaSymbols Symbols { get; }

        internal ValueOrigins Origins { get; }

        internal ObjectSettingsReader Settings { get; }

        /// <summary>Null when the compilation does not reference Confluent.Kafka.</summary>
        internal static KafkaCompilation? For(Compilation compilation) =>
            Instances.GetValue(compilation, c => KafkaSymbols.TryCreate(c) is { } symbols ? new KafkaCompilation(c, symbols) : null);

        internal ImmutableArray<KafkaMember> MembersIn(SemanticModel model, CancellationToken cancellationToken)
        {
            ImmutableArray<CodeMember> code = this.Library.MembersIn(model, this.Symbols.Scan, cancellationToken);
            return code.IsEmpty
                ? ImmutableArray<KafkaMember>.Empty
                : this.members.GetOrAdd(model.SyntaxTree, static (_, code) => code.Select(m => new KafkaMember(m)).ToImmutableArray(), code);
        }

        /// <summary>The control-flow order of the body whose root is <paramref name="root"/>, built once even when several rules ask at the same time.</summary>
        internal FlowOrder? OrderOf(IOperation root) => this.orders.GetOrAdd(root.Syntax, static (_, root) => FlowOrder.Create(root), root, CancellationToken.None);

        /// <summary>Whether <paramref name="call"/> is a method of IConsumer&lt;,&gt; named <paramref name="name"/>.</summary>
        internal bool IsConsumerCall(IInvocationOperation call, string name) =>
            call.TargetMethod.Name == name && this.Symbols.Is(call.TargetMethod.ContainingType, this.Symbols.Consumer);

        /// <summary>Whether <paramref name="call"/> is a method of IProducer&lt;,&gt; named <paramref name="name"/>.</summary>
        internal bool IsProducerCall(IInvocationOperation call, string name) =>
            call.TargetMethod.Name == name && this.Symbols.Is(call.TargetMethod.ContainingType, this.Symbols.Producer);

        internal bool IsClientType(ITypeSymbol? type) =>
            this.Symbols.Is(type, this.Symbols.Consumer) || this.Symbols.Is(type, this.Symbols.Producer);

        /// <summary>
        /// The client <paramref name="receiver"/> refers to: the Build() call that created it (followed through
        /// locals, helpers, constructor-only fields and agreeing parameters) with its builder and config; null when
        /// its origin is not one Build() call of a ConsumerBuilder or ProducerBuilder.
        /// </summary>
        internal KafkaClient? ClientOf(IOperation receiver, CancellationToken cancellationToken)
        {
            if (this.Origins.SingleOf(receiver, cancellationToken) is not IInvocationOperation build
                || build.TargetMethod.Name != KafkaApi.Build)
            {
                return null;
            }

            return this.clients.GetOrAdd(build, b => this.CreateClient((IInvocationOperation)b, cancellationToken));
        }

        private KafkaClient? CreateClient(IInvocationOperation build, CancellationToken cancellationToken)
        {
            ClientKind kind;
            if (this.Symbols.Is(build.TargetMethod.ContainingType, this.Symbols.ConsumerBuilder))
            {
                kind = ClientKind.Consumer;
            }
            else if (this.Symbols.Is(build.TargetMethod.ContainingType, this.Symbols.ProducerBuilder))
            {
                kind = ClientKind.Producer;
            }
            else
            {
                return null;
            }

            IObjectCreationOperation? builder = this.BuilderCreation(build.Instance, cancellationToken);
            IOperation? config = builder?.Arguments.Length == 1 ? builder.Arguments[0].Value : null;
            ObjectSettings settings = config is null ? ObjectSettings.Unknown : this.Settings.Of(config, cancellationToken);
            return new KafkaClient(kind, build, builder, config, settings);
        }

        /// <summary>The <c>new ConsumerBuilder/ProducerBuilder(config)</c> a builder value comes from, through its fluent Set… calls.</summary>
        internal IObjectCreationOperation? BuilderCreation(IOperation? builder, CancellationToken cancellationToken)
        {
            IOperation? current = builder;
            for (int i = 0; i < 16 && current is not null; i++)
            {
                IOperation stripped = ValueOrigins.Strip(current);
                switch (stripped)
                {
                    case IObjectCreationOperation creation when this.IsBuilderType(creation.Type):
                        return creation;
                    case IInvocationOperation call when this.IsBuilderType(call.TargetMethod.ContainingType) && this.IsBuilderType(call.Type):
                        current = call.Instance;
                        continue;
                    default:
                        IOperation? origin = this.Origins.SingleOf(stripped, cancellationToken);
                        current = origin is null || origin == stripped ? null : origin;
                        continue;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether two receivers denote the same client: one proven origin, or — when the origin is unknown (a
        /// parameter nobody passes) — the same local, parameter or field.
        /// </summary>
        internal bool SameClient(IOperation a, IOperation b, CancellationToken cancellationToken)
        {
            IOperation? originA = this.Origins.SingleOf(a, cancellationToken);
            IOperation? originB = this.Origins.SingleOf(b, cancellationToken);
            if (originA is not null && originB is not null)
            {
                return originA == originB;
            }

            ISymbol? symbolA = HolderSymbol(a);
            return symbolA is not null && SymbolEqualityComparer.Default.Equals(symbolA, HolderSymbol(b));
        }

        private static ISymbol? HolderSymbol(IOperation operation) => ValueOrigins.Strip(operation) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property => property.Property,
            _ => null,
        };

        private bool IsBuilderType(ITypeSymbol? type) =>
            this.Symbols.Is(type, this.Symbols.ConsumerBuilder) || this.Symbols.Is(type, this.Symbols.ProducerBuilder);

        /// <summary>
        /// The bodies in which calls on the client behind <paramref name="receiver"/> are looked for: every member of
        /// the type when it is held in the type's own field or property (a hosted service), else the member's body
        /// and the same-compilation helpers the member passes it to.
        /// </summary>
        internal ImmutableArray<IOperation> ScopeOf(IOperation receiver, IOperation memberBody, KafkaClient client, CancellationToken cancellationToken)
        {
            IOperation stripped = ValueOrigins.Strip(receiver);
            if (stripped is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation, Field: var field })
            {
                return this.BodiesOf(field.ContainingType, cancellationToken);
            }

            if (stripped is IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property: var property })
            {
                return this.BodiesOf(property.ContainingType, cancellationToken);
            }

            var bodies = ImmutableArray.CreateBuilder<IOperation>();
            bodies.Add(memberBody);
            foreach (IInvocationOperation call in memberBody.Descendants().OfType<IInvocationOperation>())
            {
                if (ValueOrigins.IsSourceHelper(call.TargetMethod)
                    && call.Arguments.Any(a => this.IsClientType(a.Value.Type) && this.Origins.SingleOf(a.Value, cancellationToken) == client.Build)
                    && this.Library.DeclarationOf(call.TargetMethod, cancellationToken) is { } helper
                    && !bodies.Contains(helper))
                {
                    bodies.Add(helper);
                }
            }

            return bodies.ToImmutable();
        }

        /// <summary>The operation roots of every member declared in <paramref name="type"/> (all its partial declarations).</summary>
        internal ImmutableArray<IOperation> BodiesOf(INamedTypeSymbol type, CancellationToken cancellationToken) =>
            this.typeBodies.GetOrAdd(type.OriginalDefinition, t =>
            {
                var bodies = ImmutableArray.CreateBuilder<IOperation>();
                foreach (SyntaxReference reference in t.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                    {
                        continue;
                    }

                    SemanticModel model = this.Library.ModelFor(declaration.SyntaxTree);
                    foreach (MemberDeclarationSyntax member in declaration.Members)
                    {
                        IEnumerable<SyntaxNode> roots = member switch
                        {
                            BaseMethodDeclarationSyntax method => new SyntaxNode[] { method },
                            BasePropertyDeclarationSyntax { AccessorList: { } accessors } => accessors.Accessors,
                            PropertyDeclarationSyntax { ExpressionBody: { } arrow } => new SyntaxNode[] { arrow },
                            FieldDeclarationSyntax fieldDeclaration => fieldDeclaration.Declaration.Variables.Where(v => v.Initializer is not null).Select(v => (SyntaxNode)v.Initializer!),
                            _ => Enumerable.Empty<SyntaxNode>(),
                        };
                        foreach (SyntaxNode root in roots)
                        {
                            if (model.GetOperation(root, cancellationToken) is { } operation)
                            {
                                bodies.Add(operation);
                            }
                        }
                    }
                }

                return bodies.ToImmutable();
            });

        /// <summary>The calls named one of <paramref name="names"/> on the client, in <paramref name="scope"/>.</summary>
        internal IEnumerable<IInvocationOperation> CallsOn(KafkaClient client, ImmutableArray<IOperation> scope, CancellationToken cancellationToken, params string[] names)
        {
            foreach (IOperation body in scope)
            {
                foreach (IInvocationOperation call in body.Descendants().OfType<IInvocationOperation>())
                {
                    if (names.Contains(call.TargetMethod.Name)
                        && call.Instance is { } instance
                        && (this.IsClientType(instance.Type) || call.TargetMethod.Name == "Dispose")
                        && this.Origins.SingleOf(instance, cancellationToken) == client.Build)
                    {
                        yield return call;
                    }
                }
            }
        }

        /// <summary>
        /// Where the client's lifetime ends in <paramref name="scope"/>: a using declaration or statement holding it, or
        /// a Dispose() call on it; the syntax of each.
        /// </summary>
        internal IEnumerable<SyntaxNode> LifetimeEnds(KafkaClient client, ImmutableArray<IOperation> scope, CancellationToken cancellationToken)
        {
            foreach (IInvocationOperation dispose in this.CallsOn(client, scope, cancellationToken, "Dispose"))
            {
                yield return dispose.Syntax;
            }

            foreach (IOperation body in scope)
            {
                foreach (IOperation operation in body.Descendants())
                {
                    IOperation? resources = operation switch
                    {
                        IUsingOperation usingStatement => usingStatement.Resources,
                        IUsingDeclarationOperation usingDeclaration => usingDeclaration.DeclarationGroup,
                        _ => null,
                    };
                    if (resources is null)
                    {
                        continue;
                    }

                    if (resources is IVariableDeclarationGroupOperation group)
                    {
                        foreach (IVariableDeclaratorOperation declarator in group.Declarations.SelectMany(d => d.Declarators))
                        {
                            if (declarator.GetVariableInitializer() is { } initializer
                                && this.Origins.SingleOf(initializer.Value, cancellationToken) == client.Build)
                            {
                                yield return operation.Syntax;
                            }
                        }
                    }
                    else if (this.Origins.SingleOf(resources, cancellationToken) == client.Build)
                    {
                        yield return operation.Syntax;
                    }
                }
            }
        }
    }
}
