using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Reliability
{
    /// <summary>
    /// What keeps the analyzers safe to run inside compilers and IDEs: the banned-API list stays complete and
    /// effective, and the assemblies target netstandard2.0 and the Roslyn 4.8 floor without Workspaces in the analyzer.
    /// </summary>
    public class HygieneTests
    {
        private static readonly Version RoslynFloor = new Version(4, 8, 0, 0);

        /// <summary>The bans that must stay, by what they protect against.</summary>
        public static TheoryData<string, string> RequiredBans => new TheoryData<string, string>
        {
            { "file system", "T:System.IO.File" },
            { "file system", "T:System.IO.Directory" },
            { "file system", "T:System.IO.FileInfo" },
            { "file system", "T:System.IO.DirectoryInfo" },
            { "file system", "T:System.IO.FileStream" },
            { "network", "T:System.Net.Http.HttpClient" },
            { "network", "T:System.Net.WebClient" },
            { "network", "T:System.Net.Sockets.Socket" },
            { "environment", "T:System.Environment" },
            { "console", "T:System.Console" },
            { "threads and tasks", "T:System.Threading.Thread" },
            { "threads and tasks", "T:System.Threading.ThreadPool" },
            { "threads and tasks", "M:System.Threading.Tasks.Task.Run(System.Action)" },
            { "threads and tasks", "M:System.Threading.Tasks.Task.Run``1(System.Func{``0})" },
            { "threads and tasks", "P:System.Threading.Tasks.Task.Factory" },
            { "assembly loading", "M:System.Reflection.Assembly.Load(System.String)" },
            { "assembly loading", "M:System.Reflection.Assembly.LoadFrom(System.String)" },
            { "assembly loading", "M:System.Reflection.Assembly.LoadFile(System.String)" },
        };

        [Theory]
        [MemberData(nameof(RequiredBans))]
        public void BannedSymbols_BanTheApisAnalyzersMustNotUse(string protection, string documentationId)
        {
            Assert.True(BannedIds().Contains(documentationId), $"BannedSymbols.txt no longer bans {documentationId} ({protection}); analyzers and fixes run inside the compiler and the IDE and must not use it");
        }

        [Fact]
        public void BannedSymbols_EveryEntryNamesAnExistingSymbol()
        {
            // The banned-API analyzer silently ignores an entry that names nothing: a typo would switch the ban off.
            Compilation compilation = Harness.Compile(Array.Empty<SyntaxTree>(), OutputKind.DynamicallyLinkedLibrary);
            foreach (string id in BannedIds())
            {
                Assert.True(DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation).Any(), $"BannedSymbols.txt entry '{id}' names no symbol, so it bans nothing");
            }
        }

        [Theory]
        [InlineData("src/StreamLint.Analyzers/StreamLint.Analyzers.csproj")]
        [InlineData("src/StreamLint.CodeFixes/StreamLint.CodeFixes.csproj")]
        public void BannedSymbols_AreEnforcedAtBuild(string project)
        {
            string text = File.ReadAllText(Repository.PathOf(project.Split('/')));
            Assert.Matches(new Regex(@"<PackageReference\s+Include=""Microsoft\.CodeAnalysis\.BannedApiAnalyzers"""), text);
            Assert.Matches(new Regex(@"<AdditionalFiles\s+Include=""[^""]*BannedSymbols\.txt"""), text);
        }

        [Fact]
        public void AnalyzerAssembly_DoesNotReferenceWorkspaces()
        {
            Assembly analyzers = typeof(StreamLint.Spark.SparkAnalyzer).Assembly;
            string[] workspaces = analyzers.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n.Contains("Workspaces", StringComparison.Ordinal) || n == "System.Composition.AttributedModel").ToArray();
            Assert.True(workspaces.Length == 0, "the analyzer assembly must load in the command-line compiler, which has no Workspaces: it references " + string.Join(", ", workspaces));
        }

        [Theory]
        [InlineData(typeof(StreamLint.Spark.SparkAnalyzer))]
        [InlineData(typeof(StreamLint.CodeFixes.Spark.MissingCheckpointLocationCodeFix))]
        public void Assemblies_TargetNetStandard20_AndTheRoslyn48Floor(Type typeInAssembly)
        {
            Assembly assembly = typeInAssembly.Assembly;
            string name = assembly.GetName().Name!;
            Assert.Equal(".NETStandard,Version=v2.0", assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);

            AssemblyName[] references = assembly.GetReferencedAssemblies();
            AssemblyName? roslyn = references.FirstOrDefault(r => r.Name == "Microsoft.CodeAnalysis");
            Assert.True(roslyn is not null, name + " does not reference Microsoft.CodeAnalysis");
            foreach (AssemblyName reference in references.Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
            {
                Assert.True(reference.Version == RoslynFloor, $"{name} references {reference.Name} {reference.Version}; it must be exactly {RoslynFloor} so that hosts from Visual Studio 17.8 / .NET 8 SDK can load it");
            }

            AssemblyName? netstandard = references.FirstOrDefault(r => r.Name == "netstandard");
            Assert.True(netstandard?.Version == new Version(2, 0, 0, 0), $"{name} must reference netstandard 2.0.0.0, not {netstandard?.Version?.ToString() ?? "nothing"}");
            Assert.DoesNotContain(references, r => r.Name is "System.Runtime" or "System.Private.CoreLib" or "mscorlib");
        }

        private static HashSet<string> BannedIds() =>
            File.ReadAllLines(Repository.PathOf("src", "StreamLint.Analyzers", "BannedSymbols.txt"))
                .Select(line => line.Split(';')[0].Trim())
                .Where(id => id.Length > 0 && !id.StartsWith("//", StringComparison.Ordinal))
                .ToHashSet(StringComparer.Ordinal);
    }
}
