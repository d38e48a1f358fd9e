using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace StreamLint.Tests.EndToEnd
{
    /// <summary>
    /// A consumer project restores the packed StreamLint package from a local feed and builds with the real SDK:
    /// the analyzers load and report; the commands docs/configuration.md recommends for CI do what it says
    /// (TreatWarningsAsErrors fails every build, not only the first; -warnaserror with --no-incremental; the
    /// StreamLintMode presets; a SARIF log; `dotnet format analyzers --verify-no-changes`); and `dotnet format
    /// analyzers` applies the SL1010 code fix from the package.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    [Trait("Category", "EndToEnd")]
    public sealed class ConsumerBuildTests : IDisposable
    {
        /// <summary>The SL1001 query: a console sink, so SL1010 stays out of it.</summary>
        private const string AggregationLine =
            "events.GroupBy(Window(Col(\"ts\"), \"5 minutes\"), Col(\"page\")).Count().WriteStream().Format(\"console\").Start();";

        /// <summary>The SL1010 query: the kafka sink needs a checkpoint.</summary>
        private const string KafkaLine = "events.WriteStream().Format(\"kafka\").Option(\"kafka.bootstrap.servers\", \"broker:9092\").Option(\"topic\", \"clicks-copy\").Start();";

        private const string Source = @"using Microsoft.Spark.Sql;
using static Microsoft.Spark.Sql.Functions;

namespace Consumer
{
    public static class Jobs
    {
        public static void PageCounts(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""broker:9092"").Option(""subscribe"", ""clicks"").Load();
            " + AggregationLine + @"
        }

        public static void Forward(SparkSession spark)
        {
            DataFrame events = spark.ReadStream().Format(""kafka"").Option(""kafka.bootstrap.servers"", ""broker:9092"").Option(""subscribe"", ""clicks"").Load();
            " + KafkaLine + @"
        }
    }
}
";

        private static readonly string[] BuildServerOptions = { "--disable-build-servers", "-nodeReuse:false" };

        private readonly PackedPackageFixture package;
        private readonly ITestOutputHelper output;
        private readonly string work;
        private readonly string projectDirectory;
        private readonly string packagesDirectory;
        private readonly string sourcePath;
        private readonly Dictionary<string, string> environment;

        public ConsumerBuildTests(PackedPackageFixture package, ITestOutputHelper output)
        {
            this.package = package;
            this.output = output;
            this.work = TempDirectories.Create("consumer");
            this.projectDirectory = Path.Combine(this.work, "Consumer");
            this.packagesDirectory = Path.Combine(this.work, "packages");
            this.sourcePath = Path.Combine(this.projectDirectory, "Jobs.cs");
            this.environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = this.packagesDirectory };
            this.WriteConsumer();
        }

        public void Dispose() => TempDirectories.Delete(this.work);

        [Fact]
        public async Task Build_ReportsSL1001AndSL1010AsWarnings()
        {
            this.package.PackagePath();

            CliResult build = await this.Dotnet("build");

            Assert.True(build.Succeeded, build.Describe("The consumer build should succeed: SL1001 is lowered to a warning and warnings are not errors."));
            AssertContains(build, "warning SL1001");
            AssertContains(build, "warning SL1010");
            AssertDoesNotContain(build, "error SL");
            Assert.True(
                Directory.Exists(Path.Combine(this.packagesDirectory, "streamlint", this.package.Version.ToLowerInvariant())),
                build.Describe("StreamLint " + this.package.Version + " was not restored into the private packages folder " + this.packagesDirectory + "."));
        }

        /// <summary>
        /// The analyzer assembly the compiler is given: on linux-x64 with a .NET 10+ SDK the package's ahead-of-time
        /// compiled image (build/linux-x64), elsewhere and with StreamLintReadyToRun=false the portable one.
        /// </summary>
        [Fact]
        public async Task AnalyzerItem_IsTheLinuxX64Image_OnLinuxX64_AndThePortableAssemblyWhenTurnedOff()
        {
            this.package.PackagePath();
            bool linuxX64 = OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64;
            string packageFolder = Path.Combine(this.packagesDirectory, "streamlint", this.package.Version.ToLowerInvariant());
            string portable = Path.Combine(packageFolder, "analyzers", "dotnet", "cs", "StreamLint.Analyzers.dll");
            string image = Path.Combine(packageFolder, "build", "linux-x64", "StreamLint.Analyzers.dll");

            Assert.Equal(new[] { linuxX64 ? image : portable }, await this.StreamLintAnalyzerItems());
            Assert.Equal(new[] { portable }, await this.StreamLintAnalyzerItems("-p:StreamLintReadyToRun=false"));
        }

        [Fact]
        public async Task BuildWithWarnAsError_Fails_OnSL1010()
        {
            this.package.PackagePath();

            CliResult build = await this.Dotnet("build", "-warnaserror", "--no-incremental");

            Assert.False(build.TimedOut, build.Describe("The build timed out."));
            Assert.True(build.ExitCode != 0, build.Describe("`dotnet build -warnaserror` should fail on the StreamLint warnings."));
            AssertContains(build, "error SL1010");
        }

        /// <summary>The CI build docs/configuration.md recommends, on a project that was built before without it, twice.</summary>
        [Fact]
        public async Task BuildWithTreatWarningsAsErrors_FailsOnSL1010_AgainWithoutChanges_AndWritesSarif()
        {
            this.package.PackagePath();

            // An up-to-date build first: the property must still reach the compiler.
            CliResult first = await this.Dotnet("build", "-c", "Release");
            Assert.True(first.Succeeded, first.Describe("The plain build should succeed."));

            string sarif = Path.Combine(this.projectDirectory, "streamlint.sarif");
            for (int attempt = 1; attempt <= 2; attempt++)
            {
                File.Delete(sarif);
                CliResult build = await this.Dotnet("build", "-c", "Release", "-p:TreatWarningsAsErrors=true", "-p:ErrorLog=streamlint.sarif%2Cversion=2.1");
                Assert.False(build.TimedOut, build.Describe("The build timed out."));
                Assert.True(build.ExitCode != 0, build.Describe($"Build {attempt} with -p:TreatWarningsAsErrors=true should fail on the StreamLint warnings."));
                AssertContains(build, "error SL1010");
                Assert.Contains(("SL1010", "error"), SarifResults(sarif, build));
            }
        }

        [Fact]
        public async Task StrictMode_MakesWarningRulesErrors_KeepsInfoRulesAndProjectSettings_AndWritesSarif()
        {
            this.package.PackagePath();
            string sarif = Path.Combine(this.work, "strict.sarif");

            CliResult build = await this.Dotnet("build", "-p:StreamLintMode=Strict", "-p:ErrorLog=" + sarif + "%2Cversion=2.1");

            Assert.False(build.TimedOut, build.Describe("The build timed out."));
            Assert.True(build.ExitCode != 0, build.Describe("A Strict build should fail on SL1010, a Warning rule."));
            AssertContains(build, "error SL1010");
            AssertContains(build, "warning SL1001"); // the project's .editorconfig wins over the preset
            AssertDoesNotContain(build, "error SL1020");
            AssertDoesNotContain(build, "warning SL1020");

            IReadOnlyList<(string Rule, string Level)> results = SarifResults(sarif, build);
            Assert.Contains(("SL1010", "error"), results);
            Assert.Contains(("SL1001", "warning"), results);
            Assert.Contains(("SL1020", "note"), results); // Info rules stay suggestions
            Assert.DoesNotContain(results, r => r.Rule == "SL1020" && r.Level != "note");
        }

        [Fact]
        public async Task NoneMode_ReportsNothing_AndAnUnknownModeFailsTheBuild()
        {
            this.package.PackagePath();
            File.WriteAllText(Path.Combine(this.work, ".editorconfig"), "root = true\n");
            string sarif = Path.Combine(this.work, "none.sarif");

            CliResult build = await this.Dotnet("build", "-p:StreamLintMode=None", "-p:TreatWarningsAsErrors=true", "-p:ErrorLog=" + sarif + "%2Cversion=2.1");

            Assert.True(build.Succeeded, build.Describe("With StreamLintMode None the build should succeed: SL1001 (an error by default) is off too."));
            AssertDoesNotContain(build, "warning SL");
            AssertDoesNotContain(build, "error SL");
            Assert.DoesNotContain(SarifResults(sarif, build), r => r.Rule.StartsWith("SL", StringComparison.Ordinal));

            CliResult unknown = await this.Dotnet("build", "-p:StreamLintMode=Stict", "--no-restore");
            Assert.False(unknown.Succeeded, unknown.Describe("An unknown StreamLintMode should fail the build."));
            AssertContains(unknown, "StreamLintMode is 'Stict'");
        }

        [Fact]
        public async Task FormatAnalyzers_AppliesCheckpointFix_AndTheNextBuildHasNoSL1010()
        {
            this.package.PackagePath();

            CliResult restore = await this.Dotnet("restore");
            Assert.True(restore.Succeeded, restore.Describe("Restore failed."));

            // The CI gate: fails, and changes nothing, while a fix is pending.
            CliResult verify = await this.Dotnet("format", "analyzers", "--verify-no-changes", "--no-restore");
            Assert.False(verify.TimedOut, verify.Describe("dotnet format timed out."));
            Assert.True(verify.ExitCode != 0, verify.Describe("`dotnet format analyzers --verify-no-changes` should fail while StreamLint fixes are pending."));
            Assert.Equal(Source, File.ReadAllText(this.sourcePath));

            CliResult format = await this.Dotnet(
                "format", "analyzers", Path.Combine(this.projectDirectory, "Consumer.csproj"),
                "--diagnostics", "SL1010",
                "--severity", "warn",
                "--no-restore",
                "--verbosity", "detailed");
            Assert.True(format.Succeeded, format.Describe("dotnet format analyzers failed."));

            string fixedSource = File.ReadAllText(this.sourcePath);
            Assert.True(
                fixedSource.Contains("Option(\"checkpointLocation\"", StringComparison.Ordinal),
                format.Describe("dotnet format did not apply the SL1010 fix. Jobs.cs is now:\n" + fixedSource + "\n"));
            Assert.True(
                fixedSource.Contains(AggregationLine, StringComparison.Ordinal),
                format.Describe("dotnet format --diagnostics SL1010 changed the SL1001 query. Jobs.cs is now:\n" + fixedSource + "\n"));

            CliResult build = await this.Dotnet("build", "--no-incremental", "--no-restore");
            Assert.True(build.Succeeded, build.Describe("The build after the fix failed. Jobs.cs:\n" + fixedSource + "\n"));
            AssertDoesNotContain(build, "SL1010");
            AssertContains(build, "warning SL1001");
        }

        /// <summary>(rule ID, level) of every result of a SARIF 2.1 log.</summary>
        private static IReadOnlyList<(string Rule, string Level)> SarifResults(string path, CliResult build)
        {
            Assert.True(File.Exists(path), build.Describe("The build wrote no SARIF log at " + path + "."));
            using JsonDocument log = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
            var results = new List<(string, string)>();
            foreach (JsonElement run in log.RootElement.GetProperty("runs").EnumerateArray())
            {
                foreach (JsonElement result in run.GetProperty("results").EnumerateArray())
                {
                    string level = result.TryGetProperty("level", out JsonElement l) ? l.GetString()! : "warning";
                    results.Add((result.GetProperty("ruleId").GetString()!, level));
                }
            }

            return results;
        }

        private static void AssertContains(CliResult result, string expected) =>
            Assert.True(result.Output.Contains(expected, StringComparison.Ordinal), result.Describe("Expected the output to contain `" + expected + "`."));

        private static void AssertDoesNotContain(CliResult result, string unexpected) =>
            Assert.False(result.Output.Contains(unexpected, StringComparison.Ordinal), result.Describe("Expected the output not to contain `" + unexpected + "`."));

        /// <summary>The Analyzer items named StreamLint.Analyzers.dll once the package's analyzers are resolved.</summary>
        private async Task<string[]> StreamLintAnalyzerItems(params string[] properties)
        {
            CliResult result = await DotnetCli.RunAsync(
                this.projectDirectory,
                new[] { "msbuild", "-restore", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer", "-nodeReuse:false" }.Concat(properties),
                this.environment);
            this.output.WriteLine(result.Describe());
            Assert.True(result.Succeeded, result.Describe("Resolving the consumer's analyzers failed."));
            using JsonDocument json = JsonDocument.Parse(result.StandardOutput.Substring(result.StandardOutput.IndexOf('{', StringComparison.Ordinal)));
            return json.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
                .Select(item => item.GetProperty("FullPath").GetString()!)
                .Where(path => Path.GetFileName(path) == "StreamLint.Analyzers.dll")
                .ToArray();
        }

        private async Task<CliResult> Dotnet(params string[] arguments)
        {
            var all = new List<string>(arguments);
            if (arguments[0] != "format")
            {
                all.AddRange(BuildServerOptions);
            }

            CliResult result = await DotnetCli.RunAsync(this.projectDirectory, all, this.environment);
            this.output.WriteLine(result.Describe());
            return result;
        }

        private void WriteConsumer()
        {
            Directory.CreateDirectory(this.projectDirectory);
            Directory.CreateDirectory(this.packagesDirectory);

            // The reference stub stands in for the Microsoft.Spark package (not on this machine's feed).
            string sparkSource = typeof(Microsoft.Spark.Sql.DataFrame).Assembly.Location;
            string libDirectory = Path.Combine(this.work, "lib");
            Directory.CreateDirectory(libDirectory);
            string spark = Path.Combine(libDirectory, "Microsoft.Spark.dll");
            File.Copy(sparkSource, spark);

            // Empty stubs stop MSBuild's upward search, so no Directory.*.props/targets from above the temp folder apply.
            File.WriteAllText(Path.Combine(this.work, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(this.work, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(this.work, "Directory.Packages.props"), "<Project />\n");

            // Adds the feed folder to the sources NuGet already knows; the machine's default feed stays.
            File.WriteAllText(Path.Combine(this.work, "nuget.config"), $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <add key=""streamlint-e2e"" value=""{Escape(this.package.FeedDirectory)}"" />
  </packageSources>
</configuration>
");

            File.WriteAllText(Path.Combine(this.work, ".editorconfig"), @"root = true

[*.cs]
# SL1001 is an error by default; lowered so the build completes and shows every diagnostic.
dotnet_diagnostic.SL1001.severity = warning
");

            File.WriteAllText(Path.Combine(this.projectDirectory, "Consumer.csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <RestorePackagesPath>{Escape(this.packagesDirectory)}</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""StreamLint"" Version=""{this.package.Version}"" PrivateAssets=""all"" />
    <Reference Include=""Microsoft.Spark"">
      <HintPath>{Escape(spark)}</HintPath>
    </Reference>
  </ItemGroup>
</Project>
");

            File.WriteAllText(this.sourcePath, Source);
        }

        private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? text;
    }
}
