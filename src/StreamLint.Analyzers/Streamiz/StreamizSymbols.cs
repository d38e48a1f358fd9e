using Microsoft.CodeAnalysis;
using StreamLint.Core;

namespace StreamLint.Streamiz
{
    /// <summary>
    /// The Streamiz.Kafka.Net types the topology model understands, resolved once per compilation from the library's
    /// assembly only (a lookup on the compilation would search the source and every reference).
    /// </summary>
    internal sealed class StreamizSymbols
    {
        internal const string AssemblyName = "Streamiz.Kafka.Net";



        private StreamizSymbols(IAssemblySymbol assembly, INamedTypeSymbol streamBuilder)
        {
            this.Assembly = assembly;
            this.StreamBuilder = streamBuilder;
            this.KStream = Type("Streamiz.Kafka.Net.Stream.IKStream`2");
            this.KTable = Type("Streamiz.Kafka.Net.Table.IKTable`2");
            this.GlobalKTable = Type("Streamiz.Kafka.Net.Table.IGlobalKTable`2");
            this.GroupedStream = Type("Streamiz.Kafka.Net.Stream.IKGroupedStream`2");
            this.GroupedTable = Type("Streamiz.Kafka.Net.Table.IKGroupedTable`2");
            this.TimeWindowedStream = Type("Streamiz.Kafka.Net.Stream.ITimeWindowedKStream`2");
            this.TumblingWindowOptions = Type("Streamiz.Kafka.Net.Stream.TumblingWindowOptions");
            this.HoppingWindowOptions = Type("Streamiz.Kafka.Net.Stream.HoppingWindowOptions");
            this.JoinWindowOptions = Type("Streamiz.Kafka.Net.Stream.JoinWindowOptions");
            this.SuppressedBuilder = Type("Streamiz.Kafka.Net.Table.SuppressedBuilder");
            this.StrictBufferConfig = Type("Streamiz.Kafka.Net.Table.StrictBufferConfig");
            this.StreamConfig = Type("Streamiz.Kafka.Net.StreamConfig");
            this.ProcessingGuarantee = Type("Streamiz.Kafka.Net.ProcessingGuarantee");
            this.KafkaStream = Type("Streamiz.Kafka.Net.KafkaStream");
            this.TimestampExtractor = Type("Streamiz.Kafka.Net.Processors.ITimestampExtractor");
            this.ProcessorBuilder = Type("Streamiz.Kafka.Net.Processors.Public.ProcessorBuilder`2");
            this.TransformerBuilder = Type("Streamiz.Kafka.Net.Processors.Public.TransformerBuilder`4");
            this.Processor = Type("Streamiz.Kafka.Net.Processors.Public.IProcessor`2");
            this.Transformer = Type("Streamiz.Kafka.Net.Processors.Public.ITransformer`4");
            this.Topology = Type("Streamiz.Kafka.Net.Stream.Topology");
        }

        public IAssemblySymbol Assembly { get; }

        public INamedTypeSymbol StreamBuilder { get; }

        public INamedTypeSymbol? KStream { get; }

        public INamedTypeSymbol? KTable { get; }

        public INamedTypeSymbol? GlobalKTable { get; }

        public INamedTypeSymbol? GroupedStream { get; }

        public INamedTypeSymbol? GroupedTable { get; }

        public INamedTypeSymbol? TimeWindowedStream { get; }

        public INamedTypeSymbol? TumblingWindowOptions { get; }

        public INamedTypeSymbol? HoppingWindowOptions { get; }

        public INamedTypeSymbol? JoinWindowOptions { get; }

        public INamedTypeSymbol? SuppressedBuilder { get; }

        public INamedTypeSymbol? StrictBufferConfig { get; }

        public INamedTypeSymbol? StreamConfig { get; }

        public INamedTypeSymbol? ProcessingGuarantee { get; }

        public INamedTypeSymbol? KafkaStream { get; }

        public INamedTypeSymbol? TimestampExtractor { get; }

        public INamedTypeSymbol? ProcessorBuilder { get; }

        public INamedTypeSymbol? TransformerBuilder { get; }

        public INamedTypeSymbol? Processor { get; }

        public INamedTypeSymbol? Transformer { get; }

        public INamedTypeSymbol? Topology { get; }

        /// <summary>How Streamiz code is found in a file; one per assembly symbol.</summary>
        public LibraryScan Scan => LibraryScan.For(this.Assembly, StreamizApi.Words);

        /// <summary>Null when Streamiz.Kafka.Net is not referenced: every Streamiz rule then does nothing.</summary>
        public static StreamizSymbols? TryCreate(Compilation compilation)
        {
            IAssemblySymbol? assembly = LibraryScan.FindAssembly(compilation, AssemblyName);
            INamedTypeSymbol? builder = assembly?.GetTypeByMetadataName("Streamiz.Kafka.Net.StreamBuilder");
            return builder is null ? null : new StreamizSymbols(assembly!, builder);
        }

        public bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

        /// <summary>Whether <paramref name="type"/> is <paramref name="expected"/> or derives from it.</summary>
        public bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? expected)
        {
            for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (this.Is(current, expected))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="type"/> is or implements the interface <paramref name="expected"/>.</summary>
        public bool Implements(ITypeSymbol? type, INamedTypeSymbol? expected)
        {
            if (type is null || expected is null)
            {
                return false;
            }

            if (this.Is(type, expected))
            {
                return true;
            }

            foreach (INamedTypeSymbol item in type.AllInterfaces)
            {
                if (this.Is(item, expected))
                {
                    return true;
                }
            }

            return false;
        }

        private INamedTypeSymbol? Type(string metadataName) => this.Assembly.GetTypeByMetadataName(metadataName);

    }
}
