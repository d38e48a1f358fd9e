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
    /// <summary>Parses and compiles generated corpora against the running runtime and the Microsoft.Spark reference stub.</summary>
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

        public static ImmutableArray<SyntaxTree> Parse(IEnumerable<GeneratedFile> files) =>
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, "/corpus/" + f.Path, Encoding.UTF8)).ToImmutableArray();

        public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees, bool withSpark) =>
            CSharpCompilation.Create(
                "Corpus",
                trees,
                withSpark ? Runtime.Add(Spark) : Runtime,
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
