using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Reliability
{
    /// <summary>
    /// The shipped assemblies load the way a compiler or IDE loads them: from their own folder, through
    /// <see cref="AnalyzerFileReference"/>, into a load context of their own that shares only Roslyn with the host
    /// (here Roslyn 4.8, the supported floor).
    /// </summary>
    public sealed class AnalyzerLoadingTests : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "streamlint-load-" + Guid.NewGuid().ToString("N"), "analyzers", "dotnet", "cs");

        public AnalyzerLoadingTests()
        {
            Directory.CreateDirectory(this.folder);
            foreach (Assembly assembly in new[] { typeof(StreamLint.Spark.SparkAnalyzer).Assembly, typeof(StreamLint.CodeFixes.Spark.MissingCheckpointLocationCodeFix).Assembly })
            {
                File.Copy(assembly.Location, Path.Combine(this.folder, Path.GetFileName(assembly.Location)));
            }
        }

        private string AnalyzerPath => Path.Combine(this.folder, "StreamLint.Analyzers.dll");

        private string CodeFixPath => Path.Combine(this.folder, "StreamLint.CodeFixes.dll");

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(this.folder)))!, recursive: true);
            }
            catch (IOException)
            {
                // Still loaded (the load context is not collectible): the temporary folder stays.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        [Fact]
        public void TheHost_IsRoslyn48() =>
            Assert.Equal(new Version(4, 8, 0, 0), typeof(Compilation).Assembly.GetName().Version);

        [Fact]
        public async Task Analyzers_LoadThroughAnalyzerFileReference_AndBehaveAsBuilt()
        {
            var loader = new IsolatedLoader();
            var failures = new List<string>();
            var reference = new AnalyzerFileReference(this.AnalyzerPath, loader);
            reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{e.ErrorCode} {e.TypeName}: {e.Message} {e.Exception}");

            ImmutableArray<DiagnosticAnalyzer> loaded = reference.GetAnalyzers(LanguageNames.CSharp);
            ImmutableArray<DiagnosticAnalyzer> all = reference.GetAnalyzersForAllLanguages();
            Assert.Empty(failures);

            // Every analyzer type of the assembly is found, instantiated, and comes from the isolated copy.
            Assert.Equal(Names(Repository.Analyzers), Names(loaded));
            Assert.Equal(Names(loaded), Names(all));
            foreach (DiagnosticAnalyzer analyzer in loaded)
            {
                Assert.Same(loader.Context, AssemblyLoadContext.GetLoadContext(analyzer.GetType().Assembly));
                Assert.NotEmpty(analyzer.SupportedDiagnostics);
            }

            // And they report exactly what the analyzers built into the test report.
            foreach (SourceCase seed in Corpus.All)
            {
                AnalysisRun built = await Harness.AnalyzeAsync(Harness.Compile(seed), concurrent: true);
                AnalysisRun fromFile = await Harness.AnalyzeAsync(Harness.Compile(seed), concurrent: true, analyzers: loaded);
                Assert.Empty(fromFile.Exceptions);
                Assert.Equal(built.Diagnostics.Select(Harness.Describe).OrderBy(d => d, StringComparer.Ordinal), fromFile.Diagnostics.Select(Harness.Describe).OrderBy(d => d, StringComparer.Ordinal));
            }
        }

        [Fact]
        public void CodeFixes_LoadThroughAnalyzerFileReference_BesideTheAnalyzers()
        {
            var loader = new IsolatedLoader();
            var failures = new List<string>();
            var analyzers = new AnalyzerFileReference(this.AnalyzerPath, loader);
            var fixes = new AnalyzerFileReference(this.CodeFixPath, loader);
            loader.AddDependencyLocation(this.AnalyzerPath); // hosts register every assembly of the package's analyzer folder
            loader.AddDependencyLocation(this.CodeFixPath);
            analyzers.AnalyzerLoadFailed += (_, e) => failures.Add($"{e.ErrorCode} {e.TypeName}: {e.Message} {e.Exception}");
            fixes.AnalyzerLoadFailed += (_, e) => failures.Add($"{e.ErrorCode} {e.TypeName}: {e.Message} {e.Exception}");

            ImmutableArray<DiagnosticAnalyzer> loadedAnalyzers = analyzers.GetAnalyzers(LanguageNames.CSharp);
            Assert.Empty(fixes.GetAnalyzers(LanguageNames.CSharp)); // the fix assembly holds no analyzers (as built)
            Assembly fixAssembly = fixes.GetAssembly();
            Assert.Empty(failures);
            Assert.Same(loader.Context, AssemblyLoadContext.GetLoadContext(fixAssembly));

            // The IDE finds fixes by their export attribute; each must instantiate against the host's Roslyn.
            var loadedFixes = fixAssembly.GetTypes()
                .Where(t => !t.IsAbstract && t.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Length > 0)
                .Select(t => Assert.IsAssignableFrom<CodeFixProvider>(Activator.CreateInstance(t)))
                .ToList();
            Assert.Equal(Repository.CodeFixes.Select(f => f.GetType().FullName).OrderBy(n => n, StringComparer.Ordinal), loadedFixes.Select(f => f.GetType().FullName).OrderBy(n => n, StringComparer.Ordinal));
            var supported = loadedAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
            foreach (CodeFixProvider fix in loadedFixes)
            {
                Assert.NotNull(fix.GetFixAllProvider());
                Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, supported));
            }

            // The fix assembly's reference to the analyzer assembly binds to the copy beside it, loaded once.
            Assert.Single(loader.Context.Assemblies, a => a.GetName().Name == "StreamLint.Analyzers");
            Assert.Equal(this.AnalyzerPath, loader.Context.Assemblies.Single(a => a.GetName().Name == "StreamLint.Analyzers").Location);
        }

        private static IEnumerable<string> Names(IEnumerable<DiagnosticAnalyzer> analyzers) =>
            analyzers.Select(a => a.GetType().FullName!).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        /// <summary>
        /// Loads analyzer assemblies into a load context of their own, as the compiler server and the IDE do: an
        /// assembly registered as a dependency location loads from there, anything else (Roslyn, the framework) is
        /// shared with the host.
        /// </summary>
        private sealed class IsolatedLoader : IAnalyzerAssemblyLoader
        {
            private readonly ConcurrentDictionary<string, string> locations = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

            public IsolatedLoader() => this.Context = new DependencyContext(this.locations);

            public AssemblyLoadContext Context { get; }

            public void AddDependencyLocation(string fullPath) =>
                this.locations[AssemblyName.GetAssemblyName(fullPath).Name!] = fullPath;

            public Assembly LoadFromPath(string fullPath)
            {
                this.AddDependencyLocation(fullPath);
                return this.Context.LoadFromAssemblyName(AssemblyName.GetAssemblyName(fullPath));
            }

            private sealed class DependencyContext : AssemblyLoadContext
            {
                private readonly ConcurrentDictionary<string, string> locations;

                public DependencyContext(ConcurrentDictionary<string, string> locations)
                    : base("StreamLint analyzers", isCollectible: false) => this.locations = locations;

                protected override Assembly? Load(AssemblyName assemblyName)
                {
                    if (assemblyName.Name is { } name && this.locations.TryGetValue(name, out string? path))
                    {
                        return this.LoadFromAssemblyPath(path);
                    }

                    return null; // Roslyn and the framework: shared with the host (the default context)
                }
            }
        }
    }
}
