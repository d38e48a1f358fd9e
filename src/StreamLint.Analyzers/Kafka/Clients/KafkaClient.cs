using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core.Flow;

namespace StreamLint.Kafka.Clients
{
    internal enum ClientKind
    {
        Consumer,
        Producer,
    }

    /// <summary>
    /// A consumer or producer as the rules know it: the Build() call that created it, the builder and the config
    /// handed to the builder, and that config's settings. Any ClientConfig subtype counts: a ConsumerConfig handed to
    /// a ProducerBuilder is a producer config that sets no producer key. A config the model cannot see is unknown.
    /// </summary>
    internal sealed class KafkaClient
    {
        public KafkaClient(ClientKind kind, IInvocationOperation build, IObjectCreationOperation? builder, IOperation? config, ObjectSettings settings)
        {
            this.Kind = kind;
            this.Build = build;
            this.Builder = builder;
            this.Config = config;
            this.Settings = settings;
        }

        public ClientKind Kind { get; }

        /// <summary>The Build() call: the client's identity.</summary>
        public IInvocationOperation Build { get; }

        public IObjectCreationOperation? Builder { get; }

        /// <summary>The config argument of the builder.</summary>
        public IOperation? Config { get; }

        public ObjectSettings Settings { get; }

        /// <summary>The one config creation the settings come from, for fixes that add a property; null when several or none.</summary>
        public IObjectCreationOperation? ConfigCreation => this.Settings.Creations.Length == 1 ? this.Settings.Creations[0] : null;
    }
}
