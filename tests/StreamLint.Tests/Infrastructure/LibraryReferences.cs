using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace StreamLint.Tests.Infrastructure
{
    /// <summary>The streaming libraries a test compiles against.</summary>
    [Flags]
    internal enum Libraries
    {
        None = 0,

        /// <summary>The Microsoft.Spark 2.3.1 reference stub (tests/StreamLint.SparkStub): the package is not on the feed.</summary>
        Spark = 1,

        /// <summary>The real Streamiz.Kafka.Net 1.8.2 package (with the Confluent.Kafka it builds on).</summary>
        Streamiz = 2,

        /// <summary>The real Confluent.Kafka 2.16.0 package.</summary>
        Kafka = 4,
    }

    /// <summary>
    /// Metadata references for compiling test code: the running .NET runtime plus the libraries a test asks for. The
    /// test host's own dependencies include every library, so the runtime set leaves them out and each test adds
    /// exactly the ones it names — code that references no library must see none.
    /// </summary>
    internal static class LibraryReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyRuntime =
            new Lazy<ImmutableArray<MetadataReference>>(CreateRuntime);

        /// <summary>The reference stub of Microsoft.Spark 2.3.1.</summary>
        public static MetadataReference Spark { get; } = FromAssemblyOf(typeof(global::Microsoft.Spark.Sql.DataFrame));

        public static MetadataReference Streamiz { get; } = FromAssemblyOf(typeof(global::Streamiz.Kafka.Net.StreamBuilder));

        public static MetadataReference Kafka { get; } = FromAssemblyOf(typeof(global::Confluent.Kafka.ConsumerConfig));

        /// <summary>
        /// Every trusted platform assembly of the running test process (the .NET runtime plus the test's own
        /// dependencies, e.g. Newtonsoft.Json, which the stub's <c>StructField</c> constructor mentions), less the
        /// libraries, created once.
        /// </summary>
        public static ImmutableArray<MetadataReference> Runtime => LazyRuntime.Value;

        /// <summary>The runtime and the libraries in <paramref name="libraries"/>.</summary>
        public static ImmutableArray<MetadataReference> For(Libraries libraries)
        {
            ImmutableArray<MetadataReference> references = Runtime;
            if (libraries.HasFlag(Libraries.Spark))
            {
                references = references.Add(Spark);
            }

            if (libraries.HasFlag(Libraries.Streamiz))
            {
                references = references.Add(Streamiz);
            }

            if (libraries.HasFlag(Libraries.Kafka) || libraries.HasFlag(Libraries.Streamiz))
            {
                references = references.Add(Kafka); // Streamiz's public API is written in Confluent.Kafka's types
            }

            return references;
        }

        /// <summary>The library set a rule family's tests compile against by default, from the analyzer's namespace.</summary>
        public static Libraries DefaultFor(Type analyzer) => analyzer.Namespace switch
        {
            string ns when ns.StartsWith("StreamLint.Streamiz", StringComparison.Ordinal) => Libraries.Streamiz,
            string ns when ns.StartsWith("StreamLint.Kafka", StringComparison.Ordinal) => Libraries.Kafka,
            _ => Libraries.Spark,
        };

        private static MetadataReference FromAssemblyOf(Type type) => MetadataReference.CreateFromFile(type.Assembly.Location);

        private static ImmutableArray<MetadataReference> CreateRuntime()
        {
            string? paths = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
            if (string.IsNullOrEmpty(paths))
            {
                throw new InvalidOperationException("The TRUSTED_PLATFORM_ASSEMBLIES list of the test host is empty.");
            }

            var libraries = new[] { "Microsoft.Spark", "Streamiz.Kafka.Net", "Confluent.Kafka" };
            return paths.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => !libraries.Contains(Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
