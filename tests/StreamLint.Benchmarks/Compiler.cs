using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StreamLint.Benchmarks
{
    /// <summary>
    /// Parses and compiles generated corpora against the running runtime, the Microsoft.Spark reference stub and the real
    /// Streamiz.Kafka.Net and Confluent.Kafka packages.
    /// </summary>
    internal static class Compiler
    {
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);

        /// <summary>
        /// Single-threaded (concurrentBuild: false), like the analyzer runs (concurrentAnalysis: false): both sides of
        /// every ratio are work on one core, not wall time shaped by how a 2-core machine schedules them.
        /// </summary>
        public static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: false);

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyRuntime = new Lazy<ImmutableArray<MetadataReference>>(CreateRuntime);

        /// <summary>The trusted platform assemblies that belong to the running runtime (its shared framework folder).</summary>
        public static ImmutableArray<MetadataReference> Runtime => LazyRuntime.Value;

        public static string SparkStubPath => typeof(Microsoft.Spark.Sql.DataFrame).Assembly.Location;

        public static MetadataReference Spark { get; } = MetadataReference.CreateFromFile(SparkStubPath);

        /// <summary>Streamiz.Kafka.Net 1.8.2, from the benchmark's own package reference.</summary>
        public static MetadataReference Streamiz { get; } = MetadataReference.CreateFromFile(typeof(global::Streamiz.Kafka.Net.StreamBuilder).Assembly.Location);

        /// <summary>Confluent.Kafka 2.16.0 (Streamiz's public API is written in its types).</summary>
        public static MetadataReference Kafka { get; } = MetadataReference.CreateFromFile(typeof(global::Confluent.Kafka.ConsumerConfig).Assembly.Location);

        /// <summary>The streaming libraries the corpus's streaming files are written against.</summary>
        public static ImmutableArray<MetadataReference> Libraries { get; } = ImmutableArray.Create(Spark, Streamiz, Kafka);

        public static ImmutableArray<SyntaxTree> Parse(IEnumerable<GeneratedFile> files) =>
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, "/corpus/" + f.Path, Encoding.UTF8)).ToImmutableArray();

        /// <summary>
        /// <paramref name="withLibraries"/>: the streaming libraries are referenced (the whole corpus); without them, the
        /// no-reference variant (shared and business files only).
        /// </summary>
        public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees, bool withLibraries) =>
            CSharpCompilation.Create(
                "Corpus",
                trees,
                withLibraries ? Runtime.AddRange(Libraries) : Runtime,
                Options);

        /// <summary>Throws when the corpus does not compile: a benchmark of code with errors measures error recovery.</summary>
        public static void EnsureNoErrors(Compilation compilation, string what)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The generated {what} has {errors.Count} compile errors, e.g.:\n" + string.Join("\n", errors.Take(15)));
            }
        }

        private static ImmutableArray<MetadataReference> CreateRuntime()
        {
            string runtimeDirectory = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory());
            string paths = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
                ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is empty.");
            return paths.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => Path.GetFullPath(p).StartsWith(runtimeDirectory, StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }
    }
}
