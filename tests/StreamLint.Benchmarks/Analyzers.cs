using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StreamLint.Benchmarks
{
    /// <summary>The analyzers measured: StreamLint's (found by reflection) and the peer package's default-enabled ones.</summary>
    internal static class Analyzers
    {
        public const string PeerPackage = "Microsoft.CodeAnalysis.NetAnalyzers";

        /// <summary>
        /// <see cref="SharedPass"/> first (the driver runs a file's actions in this order when analysis is sequential,
        /// so the shared work is charged to it), then every non-abstract <see cref="DiagnosticAnalyzer"/> with
        /// <see cref="DiagnosticAnalyzerAttribute"/> in the StreamLint analyzer assembly, so rules added later are
        /// measured without touching the benchmark.
        /// </summary>
        public static ImmutableArray<DiagnosticAnalyzer> StreamLint() =>
            ImmutableArray.Create<DiagnosticAnalyzer>(new SharedPass()).AddRange(
                typeof(global::StreamLint.Spark.SparkAnalyzer).Assembly.GetTypes()
                    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                    .OrderBy(t => t.FullName, StringComparer.Ordinal)
                    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!));

        /// <summary>StreamLint's rule count: the distinct diagnostic ids its shipped analyzers support.</summary>
        public static int RuleCount(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
            analyzers.Where(a => a is not SharedPass).SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct(StringComparer.Ordinal).Count();

        public static string PeerDirectory => Path.Combine(AppContext.BaseDirectory, "peer");

        public static string PeerVersion =>
            FileVersionOf(Path.Combine(PeerDirectory, PeerPackage + ".dll"));

        /// <summary>
        /// The peer's C# analyzers, loaded from the NuGet package's <c>analyzers/dotnet/cs</c> folder (copied to
        /// <c>peer/</c> by the project file) through <see cref="AnalyzerFileReference"/>. Only analyzers with at least one
        /// rule enabled by default are kept: what a project gets with no .editorconfig and no AnalysisMode.
        /// </summary>
        public static ImmutableArray<DiagnosticAnalyzer> Peer(out int total)
        {
            if (!Directory.Exists(PeerDirectory))
            {
                throw new InvalidOperationException($"{PeerDirectory} is missing: build the benchmark project (it copies {PeerPackage}'s analyzers there).");
            }

            var loader = new PeerLoader(PeerDirectory);
            var all = Directory.GetFiles(PeerDirectory, "*.dll")
                .OrderBy(p => p, StringComparer.Ordinal)
                .SelectMany(path =>
                {
                    var reference = new AnalyzerFileReference(path, loader);
                    reference.AnalyzerLoadFailed += (_, e) => throw new InvalidOperationException($"Could not load {path}: {e.Message}", e.Exception);
                    return reference.GetAnalyzers(LanguageNames.CSharp);
                })
                .ToImmutableArray();
            total = all.Length;
            return all.Where(a => a.SupportedDiagnostics.Any(d => d.IsEnabledByDefault)).ToImmutableArray();
        }

        public static string FileVersionOf(string path) =>
            File.Exists(path) ? System.Diagnostics.FileVersionInfo.GetVersionInfo(path).ProductVersion?.Split('+')[0] ?? "?" : "?";

        public static string NameOf(DiagnosticAnalyzer analyzer) => analyzer is SharedPass ? SharedPass.Name : analyzer.GetType().Name;

        /// <summary>Loads the peer's assemblies into the default context; Roslyn itself comes from the benchmark's own.</summary>
        private sealed class PeerLoader : IAnalyzerAssemblyLoader
        {
            private readonly string directory;

            public PeerLoader(string directory)
            {
                this.directory = directory;
                AssemblyLoadContext.Default.Resolving += (context, name) =>
                {
                    string candidate = Path.Combine(this.directory, name.Name + ".dll");
                    return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
                };
            }

            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath)
            {
                AssemblyName name = AssemblyName.GetAssemblyName(fullPath);
                return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name) && a.Location == fullPath)
                    ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
            }
        }
    }
}
