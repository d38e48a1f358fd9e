using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace StreamLint.Tests.EndToEnd
{
    /// <summary>
    /// The end-to-end tests share one packed StreamLint package; being one collection, they also run one after another
    /// (each is a handful of dotnet processes, which would only fight over the cores).
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class EndToEndCollection : ICollectionFixture<PackedPackageFixture>
    {
        public const string Name = "EndToEnd";
    }

    /// <summary>
    /// Packs src/StreamLint.Package once per test run, at a unique prerelease version, into a private feed folder and
    /// with a private artifacts path: nothing stale is reused, no shared cache is filled, and the test run's own bin and
    /// obj folders are left alone.
    /// </summary>
    public sealed class PackedPackageFixture : IAsyncLifetime
    {
        public PackedPackageFixture()
        {
            this.RepositoryRoot = FindRepositoryRoot();
            this.Version = UniqueVersion();
            this.WorkDirectory = TempDirectories.Create("pack");
            this.FeedDirectory = Path.Combine(this.WorkDirectory, "feed");
            this.ArtifactsDirectory = Path.Combine(this.WorkDirectory, "artifacts");
            this.ProjectPath = Path.Combine(this.RepositoryRoot, "src", "StreamLint.Package", "StreamLint.Package.csproj");
        }

        public string RepositoryRoot { get; }

        /// <summary>The version the package was packed at, e.g. 0.0.0-e2e.20250101120000.r1a2b3c4d.</summary>
        public string Version { get; }

        /// <summary>The local feed: a folder holding only the package this run packed.</summary>
        public string FeedDirectory { get; }

        public string ArtifactsDirectory { get; }

        public string ProjectPath { get; }

        /// <summary>The `dotnet pack` run; set once <see cref="InitializeAsync"/> is done.</summary>
        public CliResult? PackResult { get; private set; }

        private string WorkDirectory { get; }

        /// <summary>A unique prerelease version: SemVer-valid (no numeric identifier with a leading zero).</summary>
        public static string UniqueVersion() =>
            "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + ".r" + Guid.NewGuid().ToString("N").Substring(0, 8);

        /// <summary>The folder holding StreamLint.sln, found by walking up from the test assembly.</summary>
        public static string FindRepositoryRoot()
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StreamLint.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("StreamLint.sln not found in " + AppContext.BaseDirectory + " or any folder above it.");
        }

        /// <summary>The single .nupkg the pack produced; fails the calling test, with the pack's output, otherwise.</summary>
        public string PackagePath()
        {
            CliResult pack = this.PackResult ?? throw new InvalidOperationException("The package has not been packed.");
            Assert.True(pack.Succeeded, pack.Describe("dotnet pack of the package project failed."));

            string[] packages = Directory.Exists(this.FeedDirectory)
                ? Directory.GetFiles(this.FeedDirectory, "*.nupkg")
                : Array.Empty<string>();
            Assert.True(
                packages.Length == 1,
                pack.Describe($"Expected exactly one .nupkg in {this.FeedDirectory}, found {packages.Length}: {string.Join(", ", packages.Select(Path.GetFileName))}."));
            return packages[0];
        }

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(this.FeedDirectory);
            this.PackResult = await DotnetCli.RunAsync(
                this.RepositoryRoot,
                new[]
                {
                    "pack", this.ProjectPath,
                    "-c", "Release",
                    "-o", this.FeedDirectory,
                    "-p:Version=" + this.Version,
                    "--artifacts-path", this.ArtifactsDirectory,
                    "--disable-build-servers",
                    "-nodeReuse:false",
                }).ConfigureAwait(false);
        }

        public Task DisposeAsync()
        {
            TempDirectories.Delete(this.WorkDirectory);
            return Task.CompletedTask;
        }
    }

    /// <summary>Scratch folders under the system temp folder, outside the repository and its Directory.*.props.</summary>
    internal static class TempDirectories
    {
        /// <summary>Set STREAMLINT_E2E_KEEP=1 to keep the folders for a look after the run.</summary>
        private static readonly bool Keep = Environment.GetEnvironmentVariable("STREAMLINT_E2E_KEEP") == "1";

        public static string Create(string purpose)
        {
            string path = Path.Combine(Path.GetTempPath(), "streamlint-e2e-" + purpose + "-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(path);
            return path;
        }

        /// <summary>Best effort: a leftover temp folder must not fail a test.</summary>
        public static void Delete(string path)
        {
            if (Keep)
            {
                return;
            }

            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
