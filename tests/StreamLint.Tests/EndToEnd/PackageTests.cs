using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace StreamLint.Tests.EndToEnd
{
    /// <summary>The layout of the package `dotnet pack` produces: what a consumer's restore actually gets.</summary>
    [Collection(EndToEndCollection.Name)]
    [Trait("Category", "EndToEnd")]
    public sealed class PackageTests
    {
        private const string AnalyzerFolder = "analyzers/dotnet/cs/";

        private const string LinuxX64Image = "build/linux-x64/StreamLint.Analyzers.dll";

        private readonly PackedPackageFixture package;
        private readonly ITestOutputHelper output;

        public PackageTests(PackedPackageFixture package, ITestOutputHelper output)
        {
            this.package = package;
            this.output = output;
        }

        [Fact]
        public void ProjectPack_ProducesOnePackageNamedForItsVersion()
        {
            string path = this.package.PackagePath();
            this.output.WriteLine(this.package.PackResult!.Describe());

            Assert.Equal("StreamLint." + this.package.Version + ".nupkg", Path.GetFileName(path));
        }

        [Theory]
        [InlineData("StreamLint.Analyzers.dll")]
        [InlineData("StreamLint.CodeFixes.dll")]
        public void Package_ShipsAssemblyUnderAnalyzersDotnetCs(string assembly)
        {
            string[] entries = this.Entries();

            Assert.True(entries.Contains(AnalyzerFolder + assembly, StringComparer.Ordinal), Listing("Missing " + AnalyzerFolder + assembly, entries));
        }

        [Fact]
        public void Package_HasNoLibFolder()
        {
            string[] entries = this.Entries();

            Assert.True(
                !entries.Any(e => e.StartsWith("lib/", StringComparison.OrdinalIgnoreCase)),
                Listing("An analyzer package must not put assemblies in the consumer's compile references (lib/)", entries));
        }

        [Fact]
        public void Package_ContainsReadme()
        {
            string[] entries = this.Entries();
            XElement metadata = this.Metadata();

            Assert.True(entries.Contains("README.md", StringComparer.Ordinal), Listing("README.md is missing", entries));
            Assert.Equal("README.md", Child(metadata, "readme")?.Value);
        }

        [Fact]
        public void Nuspec_IsDevelopmentDependencyWithoutDependencies()
        {
            XElement metadata = this.Metadata();

            Assert.Equal("StreamLint", Child(metadata, "id")?.Value);
            Assert.Equal(this.package.Version, Child(metadata, "version")?.Value);
            Assert.Equal("true", Child(metadata, "developmentDependency")?.Value);

            var dependencies = metadata.Descendants()
                .Where(e => e.Name.LocalName is "dependency" or "frameworkAssembly" or "frameworkReference")
                .Select(e => e.ToString())
                .ToList();
            Assert.True(dependencies.Count == 0, "The package declares dependencies:\n" + string.Join("\n", dependencies) + "\n\n" + metadata);
        }

        [Fact]
        public void Package_ShipsTheBuildTargetsAndThePresets_AsInTheRepository()
        {
            string[] entries = this.Entries();
            var expected = new[] { "build/StreamLint.targets" }
                .Concat(Directory.GetFiles(Path.Combine(this.package.RepositoryRoot, "src", "StreamLint.Package", "build", "config")).Select(f => "build/config/" + Path.GetFileName(f)))
                .ToList();

            Assert.Equal(
                expected.Append(LinuxX64Image).OrderBy(e => e, StringComparer.Ordinal),
                entries.Where(e => e.StartsWith("build", StringComparison.Ordinal)));
            using ZipArchive zip = ZipFile.OpenRead(this.package.PackagePath());
            foreach (string entry in expected)
            {
                using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
                string repositoryCopy = File.ReadAllText(Path.Combine(this.package.RepositoryRoot, "src", "StreamLint.Package", entry.Replace('/', Path.DirectorySeparatorChar)));
                Assert.True(reader.ReadToEnd() == repositoryCopy, entry + " in the package differs from the repository's file");
            }
        }

        /// <summary>
        /// build/linux-x64 holds the same assembly as analyzers/dotnet/cs, compiled ahead of time (ReadyToRun: a managed
        /// native header) for linux-x64: same name, version and module id, so either is the same StreamLint.
        /// </summary>
        [Fact]
        public void Package_ShipsTheLinuxX64Image_OfTheSameAssembly()
        {
            using ZipArchive zip = ZipFile.OpenRead(this.package.PackagePath());
            (AssemblyName Name, Guid Mvid, bool ReadyToRun, Machine Machine) portable = Describe(zip, AnalyzerFolder + "StreamLint.Analyzers.dll");
            (AssemblyName Name, Guid Mvid, bool ReadyToRun, Machine Machine) image = Describe(zip, LinuxX64Image);

            Assert.Equal(portable.Name.FullName, image.Name.FullName);
            Assert.Equal(portable.Mvid, image.Mvid);
            Assert.False(portable.ReadyToRun, "The portable assembly must be IL only.");
            Assert.True(image.ReadyToRun, LinuxX64Image + " is not a ReadyToRun image.");
            Assert.NotEqual(portable.Machine, image.Machine); // the image is made for one platform
        }

        [Fact]
        public void Nuspec_HasLicenseProjectAndRepository_FromTheRepositoryUrl()
        {
            XElement metadata = this.Metadata();
            string url = Meta.RepositoryMetadataTests.BuildProperty("StreamLintRepositoryUrl");

            Assert.Equal("MIT", Child(metadata, "license")?.Value);
            Assert.Equal("expression", Child(metadata, "license")?.Attribute("type")?.Value);
            Assert.Equal(url, Child(metadata, "projectUrl")?.Value);
            Assert.Equal(url, Child(metadata, "repository")?.Attribute("url")?.Value);
            Assert.Equal("git", Child(metadata, "repository")?.Attribute("type")?.Value);
            Assert.Contains(url + "/blob/main/CHANGELOG.md", Child(metadata, "releaseNotes")?.Value ?? string.Empty, StringComparison.Ordinal);
            Assert.Contains("streaming", Child(metadata, "tags")?.Value ?? string.Empty, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Version_IsTheNextReleaseWithADevSuffix_UnlessARelease()
        {
            string prefix = Meta.RepositoryMetadataTests.BuildProperty("VersionPrefix");

            Assert.Equal(prefix + "-dev", await this.PackageVersion());
            Assert.Equal(prefix, await this.PackageVersion("-p:StreamLintRelease=true"));
            Assert.Equal(prefix + "-dev.7", await this.PackageVersion("-p:VersionSuffix=dev.7"));
        }

        [Fact]
        public async Task RootPack_ProducesExactlyTheAnalyzerPackageAndTheTool()
        {
            string version = PackedPackageFixture.UniqueVersion();
            string work = TempDirectories.Create("rootpack");
            try
            {
                string feed = Path.Combine(work, "feed");
                CliResult pack = await DotnetCli.RunAsync(
                    this.package.RepositoryRoot,
                    new[]
                    {
                        "pack",
                        "-c", "Release",
                        "-o", feed,
                        "-p:Version=" + version,
                        "--artifacts-path", Path.Combine(work, "artifacts"),
                        "--disable-build-servers",
                        "-nodeReuse:false",
                    });
                this.output.WriteLine(pack.Describe());

                Assert.True(pack.Succeeded, pack.Describe("dotnet pack at the repository root failed."));
                string[] files = Directory.Exists(feed)
                    ? Directory.GetFiles(feed, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(feed, f)).ToArray()
                    : Array.Empty<string>();
                string[] expected = { "StreamLint." + version + ".nupkg", "StreamLint.Cli." + version + ".nupkg" };
                Assert.True(
                    files.OrderBy(f => f, StringComparer.Ordinal).SequenceEqual(expected.OrderBy(f => f, StringComparer.Ordinal)),
                    pack.Describe($"Expected exactly {string.Join(" and ", expected)} in the output folder, found: [{string.Join(", ", files)}]."));
            }
            finally
            {
                TempDirectories.Delete(work);
            }
        }

        /// <summary>The package project's PackageVersion as MSBuild evaluates it (no build, no restore).</summary>
        private async Task<string> PackageVersion(params string[] properties)
        {
            CliResult result = await DotnetCli.RunAsync(
                this.package.RepositoryRoot,
                new[] { "msbuild", this.package.ProjectPath, "-getProperty:PackageVersion", "-nodeReuse:false" }.Concat(properties));
            this.output.WriteLine(result.Describe());
            Assert.True(result.Succeeded, result.Describe("Evaluating the package version failed."));
            return result.StandardOutput.Trim();
        }

        private static (AssemblyName Name, Guid Mvid, bool ReadyToRun, Machine Machine) Describe(ZipArchive zip, string entry)
        {
            using var bytes = new MemoryStream();
            using (Stream stream = zip.GetEntry(entry)?.Open() ?? throw new InvalidOperationException(entry + " is not in the package."))
            {
                stream.CopyTo(bytes);
            }

            bytes.Position = 0;
            using var pe = new PEReader(bytes);
            MetadataReader metadata = pe.GetMetadataReader();
            return (
                metadata.GetAssemblyDefinition().GetAssemblyName(),
                metadata.GetGuid(metadata.GetModuleDefinition().Mvid),
                pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0,
                pe.PEHeaders.CoffHeader.Machine);
        }

        private static XElement? Child(XElement parent, string localName) =>
            parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

        private static string Listing(string message, string[] entries) =>
            message + ". Package entries:\n  " + string.Join("\n  ", entries);

        private string[] Entries()
        {
            using ZipArchive zip = ZipFile.OpenRead(this.package.PackagePath());
            return zip.Entries.Select(e => e.FullName).OrderBy(e => e, StringComparer.Ordinal).ToArray();
        }

        private XElement Metadata()
        {
            using ZipArchive zip = ZipFile.OpenRead(this.package.PackagePath());
            ZipArchiveEntry[] nuspecs = zip.Entries
                .Where(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
                .ToArray();
            Assert.True(nuspecs.Length == 1, Listing($"Expected one .nuspec at the package root, found {nuspecs.Length}", zip.Entries.Select(e => e.FullName).ToArray()));

            using Stream stream = nuspecs[0].Open();
            XDocument nuspec = XDocument.Load(stream);
            return nuspec.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata")
                ?? throw new InvalidDataException("The .nuspec has no <metadata>:\n" + nuspec);
        }
    }
}
