using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Streamiz.Topology;

namespace StreamLint.Streamiz.Config
{
    /// <summary>What the code says about a config's <c>Guarantee</c>.</summary>
    internal enum GuaranteeState
    {
        /// <summary>Never assigned: Streamiz's default, AT_LEAST_ONCE.</summary>
        NotSet,
        AtLeastOnce,
        ExactlyOnce,
        Unknown,
    }

    /// <summary>One <c>new StreamConfig…</c> in the compilation and what is known of its content.</summary>
    internal sealed class ConfigCreation
    {
        public ConfigCreation(IObjectCreationOperation creation, bool contentKnown, GuaranteeState guarantee)
        {
            this.Creation = creation;
            this.ContentKnown = contentKnown;
            this.Guarantee = guarantee;
        }

        public IObjectCreationOperation Creation { get; }

        /// <summary>False for a config built from a dictionary, a subclass, or given keys by name (<c>AddConfig</c>, indexer).</summary>
        public bool ContentKnown { get; set; }

        public GuaranteeState Guarantee { get; set; }

        /// <summary>The builders whose topologies run with this config (<c>new KafkaStream(builder.Build(), config)</c>).</summary>
        public List<SyntaxNode> Builders { get; } = new List<SyntaxNode>();

        public GuaranteeState Effective => this.ContentKnown ? this.Guarantee : GuaranteeState.Unknown;
    }

    /// <summary>
    /// The StreamConfig facts of a compilation, gathered once: every config created, the <c>Guarantee</c> assignments
    /// and by-name settings attributed to the config they reach (object initialisers, later assignments, helpers that
    /// build or return a config), and the configs each <c>StreamBuilder</c>'s topology is started with. A write that
    /// cannot be attributed, or a <c>KafkaStream</c> whose config is not one of these, makes the compilation-wide facts
    /// unknown.
    /// </summary>
    internal sealed class StreamConfigFacts
    {
        private readonly Dictionary<SyntaxNode, List<ConfigCreation>> byBuilder = new Dictionary<SyntaxNode, List<ConfigCreation>>();

        private StreamConfigFacts(ImmutableArray<ConfigCreation> configs, bool unattributed, bool unknownStreamConfig)
        {
            this.Configs = configs;
            this.UnattributedWrite = unattributed;
            this.UnknownStreamConfig = unknownStreamConfig;
            foreach (ConfigCreation config in configs)
            {
                foreach (SyntaxNode builder in config.Builders)
                {
                    if (!this.byBuilder.TryGetValue(builder, out List<ConfigCreation>? list))
                    {
                        this.byBuilder[builder] = list = new List<ConfigCreation>();
                    }

                    list.Add(config);
                }
            }
        }

        public ImmutableArray<ConfigCreation> Configs { get; }

        /// <summary>A <c>Guarantee</c> assignment or by-name setting on a config the model cannot tie to a creation.</summary>
        public bool UnattributedWrite { get; }

        /// <summary>A <c>KafkaStream</c> started with a config that is not a creation of this compilation.</summary>
        public bool UnknownStreamConfig { get; }

        /// <summary>Whether a topology built on <paramref name="builder"/> is started with a known config.</summary>
        public bool IsTied(SyntaxNode builder) => this.byBuilder.ContainsKey(builder);

        public IReadOnlyList<ConfigCreation> ConfigsOf(SyntaxNode builder) =>
            this.byBuilder.TryGetValue(builder, out List<ConfigCreation>? list) ? list : (IReadOnlyList<ConfigCreation>)System.Array.Empty<ConfigCreation>();

        /// <summary>The guarantee that holds for every StreamConfig in the compilation; Unknown when they differ or any is unknown.</summary>
        public GuaranteeState Global
        {
            get
            {
                if (this.UnattributedWrite || this.UnknownStreamConfig || this.Configs.IsEmpty)
                {
                    return GuaranteeState.Unknown;
                }

                return Agree(this.Configs);
            }
        }

        /// <summary>
        /// The guarantee a topology runs with: its builders' configs when every builder is tied to known configs,
        /// otherwise what holds for every config of the compilation.
        /// </summary>
        public GuaranteeState For(TopologyNode? node)
        {
            if (node is not null && !node.Builders.IsEmpty && node.Builders.All(this.IsTied) && !this.UnattributedWrite)
            {
                return Agree(node.Builders.SelectMany(this.ConfigsOf).ToList());
            }

            return this.Global;
        }

        private static GuaranteeState Agree(IReadOnlyCollection<ConfigCreation> configs)
        {
            GuaranteeState? agreed = null;
            foreach (ConfigCreation config in configs)
            {
                GuaranteeState state = config.Effective;
                if (state == GuaranteeState.Unknown || (agreed is { } previous && previous != state))
                {
                    return GuaranteeState.Unknown;
                }

                agreed = state;
            }

            return agreed ?? GuaranteeState.Unknown;
        }

        public static StreamConfigFacts Compute(StreamizCompilation streamiz, CancellationToken cancellationToken)
        {
            LibraryContext library = streamiz.Library;
            StreamizSymbols symbols = streamiz.Symbols;
            var configs = new Dictionary<SyntaxNode, ConfigCreation>();
            var kafkaStreams = new List<IObjectCreationOperation>();
            var writes = new List<(IOperation Receiver, GuaranteeState? Guarantee)>();
            List<SyntaxTree> trees = library.Compilation.SyntaxTrees.Where(t => TreeText.For(t).IsRelevant(StreamizApi.Words, cancellationToken)).ToList();
            ConfigSyntax candidates = ConfigSyntax.For(streamiz, trees, cancellationToken);
            foreach (SyntaxTree tree in trees)
            {
                Scan(tree, library.ModelFor(tree), candidates, symbols, configs, kafkaStreams, writes, cancellationToken);
            }

            foreach (BoundCall call in library.CallsNamed("AddConfig", cancellationToken))
            {
                if (call.Invocation.Instance is { } receiver && symbols.IsOrDerives(call.Invocation.TargetMethod.ContainingType, symbols.StreamConfig))
                {
                    writes.Add((receiver, null));
                }
            }

            bool unattributed = false;
            foreach ((IOperation receiver, GuaranteeState? guarantee) in writes)
            {
                List<ConfigCreation>? targets = Targets(receiver, streamiz, configs, cancellationToken);
                if (targets is null)
                {
                    unattributed = true;
                    continue;
                }

                foreach (ConfigCreation target in targets)
                {
                    if (guarantee is { } state)
                    {
                        target.Guarantee = targets.Count == 1 && (target.Guarantee == GuaranteeState.NotSet || target.Guarantee == state) ? state : GuaranteeState.Unknown;
                    }
                    else
                    {
                        target.ContentKnown = false;
                    }
                }
            }

            bool unknownStreamConfig = false;
            foreach (IObjectCreationOperation stream in kafkaStreams)
            {
                List<ConfigCreation>? used = stream.Arguments.Length > 1 ? Targets(stream.Arguments[1].Value, streamiz, configs, cancellationToken) : null;
                if (used is null)
                {
                    unknownStreamConfig = true;
                    continue;
                }

                foreach (SyntaxNode builder in BuildersOf(stream.Arguments[0].Value, streamiz, cancellationToken))
                {
                    foreach (ConfigCreation config in used)
                    {
                        config.Builders.Add(builder);
                    }
                }
            }

            return new StreamConfigFacts(configs.Values.OrderBy(c => c.Creation.Syntax.SyntaxTree.FilePath).ThenBy(c => c.Creation.Syntax.SpanStart).ToImmutableArray(), unattributed, unknownStreamConfig);
        }

        /// <summary>The StreamConfig and KafkaStream creations of one file, and its writes of <c>Guarantee</c> or through an indexer.</summary>
        private static void Scan(
            SyntaxTree tree,
            SemanticModel model,
            ConfigSyntax candidates,
            StreamizSymbols symbols,
            Dictionary<SyntaxNode, ConfigCreation> configs,
            List<IObjectCreationOperation> kafkaStreams,
            List<(IOperation Receiver, GuaranteeState? Guarantee)> writes,
            CancellationToken cancellationToken)
        {
            foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case BaseObjectCreationExpressionSyntax creationSyntax when candidates.MayCreateConfigOrStream(creationSyntax):
                        if (model.GetOperation(node, cancellationToken) is IObjectCreationOperation creation)
                        {
                            if (symbols.IsOrDerives(creation.Type, symbols.StreamConfig))
                            {
                                configs[node] = Describe(creation, symbols);
                            }
                            else if (symbols.Is(creation.Type, symbols.KafkaStream))
                            {
                                kafkaStreams.Add(creation);
                            }
                        }

                        break;
                    case AssignmentExpressionSyntax { Parent: not InitializerExpressionSyntax } assignment:
                        if (ConfigSyntax.MayWriteGuaranteeOrKey(assignment)
                            && model.GetOperation(assignment, cancellationToken) is IAssignmentOperation write)
                        {
                            if (write.Target is IPropertyReferenceOperation { Property: { } property, Instance: { } receiver }
                                && symbols.IsOrDerives(property.ContainingType, symbols.StreamConfig))
                            {
                                if (property.IsIndexer)
                                {
                                    writes.Add((receiver, null));
                                }
                                else if (property.Name == StreamizApi.Guarantee)
                                {
                                    writes.Add((receiver, write is ISimpleAssignmentOperation simple ? GuaranteeOf(simple.Value, symbols) : GuaranteeState.Unknown));
                                }
                            }
                        }

                        break;
                }
            }
        }

        /// <summary>The <c>new StreamBuilder()</c> expressions a topology argument is built from (<c>builder.Build()</c>).</summary>
        private static IEnumerable<SyntaxNode> BuildersOf(IOperation topology, StreamizCompilation streamiz, CancellationToken cancellationToken)
        {
            if (streamiz.Flow.Origins(topology, null, cancellationToken) is not { } origins)
            {
                yield break;
            }

            foreach (Origin origin in origins)
            {
                if (origin.Operation is IInvocationOperation { TargetMethod.Name: "Build", Instance: { } builder }
                    && streamiz.Symbols.Is(builder.Type, streamiz.Symbols.StreamBuilder)
                    && streamiz.Flow.Origins(builder, origin.Env, cancellationToken) is { } builders)
                {
                    foreach (Origin created in builders)
                    {
                        if (created.Operation is IObjectCreationOperation)
                        {
                            yield return created.Operation.Syntax;
                        }
                    }
                }
            }
        }

        private static List<ConfigCreation>? Targets(IOperation receiver, StreamizCompilation streamiz, Dictionary<SyntaxNode, ConfigCreation> configs, CancellationToken cancellationToken)
        {
            if (streamiz.Flow.Origins(receiver, null, cancellationToken) is not { Length: > 0 } origins)
            {
                return null;
            }

            var found = new List<ConfigCreation>();
            foreach (Origin origin in origins)
            {
                if (!configs.TryGetValue(origin.Operation.Syntax, out ConfigCreation? config))
                {
                    return null;
                }

                if (!found.Contains(config))
                {
                    found.Add(config);
                }
            }

            return found;
        }

        private static ConfigCreation Describe(IObjectCreationOperation creation, StreamizSymbols symbols)
        {
            INamedTypeSymbol? type = creation.Type as INamedTypeSymbol;
            bool known = creation.Arguments.IsEmpty
                && type is not null
                && (symbols.Is(type, symbols.StreamConfig) || symbols.Is(type.BaseType, symbols.StreamConfig) && type.ContainingAssembly.Equals(symbols.Assembly, SymbolEqualityComparer.Default));
            GuaranteeState guarantee = GuaranteeState.NotSet;
            if (creation.Initializer is { } initializer)
            {
                foreach (IOperation item in initializer.Initializers)
                {
                    if (item is not IAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } } assignment)
                    {
                        known = false; // collection initialisers add keys by name
                        continue;
                    }

                    if (property.IsIndexer)
                    {
                        known = false;
                    }
                    else if (property.Name == StreamizApi.Guarantee)
                    {
                        guarantee = assignment is ISimpleAssignmentOperation simple ? GuaranteeOf(simple.Value, symbols) : GuaranteeState.Unknown;
                    }
                }
            }

            return new ConfigCreation(creation, known, guarantee);
        }

        public static GuaranteeState GuaranteeOf(IOperation value, StreamizSymbols symbols)
        {
            IOperation unwrapped = OperationFacts.Unwrap(value);
            if (unwrapped.ConstantValue.HasValue && symbols.Is(unwrapped.Type, symbols.ProcessingGuarantee)
                && unwrapped is IFieldReferenceOperation { Field.Name: { } name })
            {
                return name switch
                {
                    "EXACTLY_ONCE" => GuaranteeState.ExactlyOnce,
                    "AT_LEAST_ONCE" => GuaranteeState.AtLeastOnce,
                    _ => GuaranteeState.Unknown,
                };
            }

            return GuaranteeState.Unknown;
        }
    }
}
