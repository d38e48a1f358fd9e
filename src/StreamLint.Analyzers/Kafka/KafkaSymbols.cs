using Microsoft.CodeAnalysis;
using StreamLint.Core;

namespace StreamLint.Kafka
{
    /// <summary>The Confluent.Kafka types the client model understands, resolved once per compilation from the library's assembly only.</summary>
    internal sealed class KafkaSymbols
    {
        internal const string AssemblyName = "Confluent.Kafka";



        private KafkaSymbols(IAssemblySymbol kafka, INamedTypeSymbol clientConfig)
        {
            this.Assembly = kafka;
            this.ClientConfig = clientConfig;
            this.ConsumerConfig = kafka.GetTypeByMetadataName("Confluent.Kafka.ConsumerConfig");
            this.ProducerConfig = kafka.GetTypeByMetadataName("Confluent.Kafka.ProducerConfig");
            this.ConsumerBuilder = kafka.GetTypeByMetadataName("Confluent.Kafka.ConsumerBuilder`2");
            this.ProducerBuilder = kafka.GetTypeByMetadataName("Confluent.Kafka.ProducerBuilder`2");
            this.Consumer = kafka.GetTypeByMetadataName("Confluent.Kafka.IConsumer`2");
            this.Producer = kafka.GetTypeByMetadataName("Confluent.Kafka.IProducer`2");
            this.ConsumeResult = kafka.GetTypeByMetadataName("Confluent.Kafka.ConsumeResult`2");
            this.IsolationLevel = kafka.GetTypeByMetadataName("Confluent.Kafka.IsolationLevel");
            this.Acks = kafka.GetTypeByMetadataName("Confluent.Kafka.Acks");
        }

        public IAssemblySymbol Assembly { get; }

        public INamedTypeSymbol ClientConfig { get; }

        public INamedTypeSymbol? ConsumerConfig { get; }

        public INamedTypeSymbol? ProducerConfig { get; }

        public INamedTypeSymbol? ConsumerBuilder { get; }

        public INamedTypeSymbol? ProducerBuilder { get; }

        public INamedTypeSymbol? Consumer { get; }

        public INamedTypeSymbol? Producer { get; }

        public INamedTypeSymbol? ConsumeResult { get; }

        public INamedTypeSymbol? IsolationLevel { get; }

        public INamedTypeSymbol? Acks { get; }

        /// <summary>How Confluent.Kafka code is found in a file; one per assembly symbol.</summary>
        public LibraryScan Scan => LibraryScan.For(this.Assembly, KafkaApi.Words);

        /// <summary>Null when Confluent.Kafka is not referenced: every Kafka rule then does nothing.</summary>
        public static KafkaSymbols? TryCreate(Compilation compilation)
        {
            IAssemblySymbol? kafka = LibraryScan.FindAssembly(compilation, AssemblyName);
            INamedTypeSymbol? clientConfig = kafka?.GetTypeByMetadataName("Confluent.Kafka.ClientConfig");
            return clientConfig is null ? null : new KafkaSymbols(kafka!, clientConfig);
        }

        public bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

        /// <summary>Whether <paramref name="type"/> is ClientConfig or a subtype (ConsumerConfig, ProducerConfig, AdminClientConfig…).</summary>
        public bool IsClientConfig(ITypeSymbol type)
        {
            for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, this.ClientConfig))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The constant of a member of one of the library's enums (IsolationLevel.ReadUncommitted, Acks.All).</summary>
        public static object? EnumValue(INamedTypeSymbol? type, string member)
        {
            if (type is null)
            {
                return null;
            }

            foreach (ISymbol symbol in type.GetMembers(member))
            {
                if (symbol is IFieldSymbol { HasConstantValue: true } field)
                {
                    return field.ConstantValue;
                }
            }

            return null;
        }

    }
}
