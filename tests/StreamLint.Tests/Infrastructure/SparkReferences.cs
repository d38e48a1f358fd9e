using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace StreamLint.Tests.Infrastructure
{
    /// <summary>
    /// Metadata references for compiling test code against the Microsoft.Spark 2.3.1 reference stub
    /// (tests/StreamLint.SparkStub, assembly name <c>Microsoft.Spark</c>).
    /// </summary>
    internal static class SparkReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyRuntime =
            new Lazy<ImmutableArray<MetadataReference>>(CreateRuntime);

        /// <summary>The reference stub of Microsoft.Spark 2.3.1.</summary>
        public static MetadataReference Spark { get; } =
            MetadataReference.CreateFromFile(SparkAssemblyPath);

        /// <summary>
        /// Every trusted platform assembly of the running test process (the .NET runtime plus the test's own
        /// dependencies, e.g. Newtonsoft.Json, which the stub's <c>StructField</c> constructor mentions), created once.
        /// The stub itself is left out so that <c>Runtime.Add(Spark)</c> holds it exactly once.
        /// </summary>
        public static ImmutableArray<MetadataReference> Runtime => LazyRuntime.Value;

        private static string SparkAssemblyPath => typeof(Microsoft.Spark.Sql.DataFrame).Assembly.Location;

        private static ImmutableArray<MetadataReference> CreateRuntime()
        {
            string? paths = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
            if (string.IsNullOrEmpty(paths))
            {
                throw new InvalidOperationException("The TRUSTED_PLATFORM_ASSEMBLIES list of the test host is empty.");
            }

            string spark = Path.GetFullPath(SparkAssemblyPath);
            StringComparison comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return paths.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => !string.Equals(Path.GetFullPath(path), spark, comparison))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
