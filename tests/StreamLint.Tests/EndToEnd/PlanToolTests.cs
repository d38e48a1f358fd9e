using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace StreamLint.Tests.EndToEnd
{
    /// <summary>
    /// The streamlint tool as a user gets it: packed to a local feed, installed to a tool path, run on the sample in
    /// each format, on a solution of a Spark, a Confluent.Kafka and a plain project, and on bad paths, code without
    /// streaming and an unrestored project (exit codes 0–4). One pack, one install, two restores, a few runs.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class PlanToolTests
    {
        [Fact]
        public async Task Installed_tool_prints_the_sample_plan_in_every_format()
        {
            string root = PackedPackageFixture.FindRepositoryRoot();
            string version = PackedPackageFixture.UniqueVersion();
            string work = TempDirectories.Create("plantool");
            try
            {
                string feed = Path.Combine(work, "feed");
                string tools = Path.Combine(work, "tools");
                CliResult pack = await DotnetCli.RunAsync(root, new[] { "pack", "src/StreamLint.Cli/StreamLint.Cli.csproj", "-c", "Release", "-o", feed, "-p:Version=" + version, "--artifacts-path", Path.Combine(work, "artifacts"), "--disable-build-servers", "-nodeReuse:false" });
                Assert.True(pack.Succeeded, pack.Describe("pack failed"));
                CliResult install = await DotnetCli.RunAsync(work, new[] { "tool", "install", "--tool-path", tools, "--add-source", feed, "StreamLint.Cli", "--version", version });
                Assert.True(install.Succeeded, install.Describe("install failed"));
                CliResult restore = await DotnetCli.RunAsync(root, new[] { "restore", "docs/sample/ClickstreamPipeline" });
                Assert.True(restore.Succeeded, restore.Describe("restore failed"));

                string tool = Path.Combine(tools, "streamlint");
                string sample = Path.Combine(root, "docs", "sample", "ClickstreamPipeline");

                (int code, string markdown, _) = Run(tool, "plan", sample, "--format", "markdown");
                Assert.Equal(0, code);
                Assert.Equal(File.ReadAllText(Path.Combine(sample, "plan.md")).Replace("\r\n", "\n"), markdown.Replace("\r\n", "\n"));
                foreach (string block in markdown.Split("```mermaid\n").Skip(1).Select(b => b.Substring(0, b.IndexOf("```", System.StringComparison.Ordinal))))
                {
                    Assert.StartsWith("flowchart", block);
                    Assert.Equal(block.Count(c => c == '['), block.Count(c => c == ']'));
                    Assert.Equal(block.Count(c => c == '('), block.Count(c => c == ')'));
                    Assert.Equal(0, block.Count(c => c == '"') % 2);
                }

                (code, string json, _) = Run(tool, "plan", sample, "--format", "json");
                Assert.Equal(0, code);
                CheckSchema(json, Path.Combine(root, "docs", "plan.schema.json"));

                (code, string text, _) = Run(tool, "plan", sample);
                Assert.Equal(0, code);
                Assert.Contains("clicks-to-warehouse", text);

                Assert.Equal(1, Run(tool, "plan", sample, "--fail-on", "warning").Code);
                Assert.Equal(2, Run(tool, "plan", Path.Combine(work, "missing.csproj")).Code);
                Assert.Equal(2, Run(tool, "plan", Path.Combine(root, "README.md")).Code);

                // A solution of a Spark project, a Confluent.Kafka project and a project without streaming code: one restore.
                string solution = WriteSolution(Path.Combine(work, "multi"));
                CliResult restoreSolution = await DotnetCli.RunAsync(Path.GetDirectoryName(solution)!, new[] { "restore", solution });
                Assert.True(restoreSolution.Succeeded, restoreSolution.Describe("restore of the solution failed"));
                (code, text, string error) = Run(tool, "plan", solution);
                Assert.True(code == 0, error);
                Assert.Contains("Job.Run query (spark query, ", text);
                Assert.Contains("Worker.Run consume loop (kafka consume loop, ", text);
                Assert.Contains("guarantee  at-most-once: offsets are auto-stored when Consume returns", text);
                Assert.Contains("SL3001", text);

                (code, _, error) = Run(tool, "plan", Path.Combine(work, "multi", "Plain", "Plain.csproj"));
                Assert.Equal(4, code);
                OneLineError(error, "no streaming code found in ");

                // A Confluent.Kafka project whose packages were never restored: its consume loop is invisible, and the tool says why.
                string unrestored = Path.Combine(work, "unrestored");
                WriteProject(unrestored, "Unrestored", "    <PackageReference Include=\"Confluent.Kafka\" Version=\"2.16.0\" />\n", KafkaJob);
                (code, _, error) = Run(tool, "plan", Path.Combine(unrestored, "Unrestored", "Unrestored.csproj"));
                Assert.Equal(3, code);
                OneLineError(error, "Unrestored does not restore: its packages were never restored (run dotnet restore)");
            }
            finally
            {
                TempDirectories.Delete(work);
            }
        }

        /// <summary>Every line on standard error is the tool's own ("streamlint: …"), and the last one is the error.</summary>
        private static void OneLineError(string error, string expected)
        {
            string[] lines = error.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
            Assert.All(lines, l => Assert.StartsWith("streamlint: ", l));
            Assert.Contains(expected, lines[lines.Length - 1]);
        }

        /// <summary>
        /// Multi.sln under <paramref name="folder"/>: SparkJob (the Microsoft.Spark reference stub), KafkaJob (the real
        /// Confluent.Kafka assembly) and Plain (no streaming library), each library referenced by path so restore needs no feed.
        /// </summary>
        private static string WriteSolution(string folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(folder, "nuget.config"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n");
            WriteProject(folder, "SparkJob", Reference(typeof(global::Microsoft.Spark.Sql.DataFrame)), @"using Microsoft.Spark.Sql;
public static class Job
{
    public static void Run(SparkSession spark) =>
        spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""clicks"").Load()
            .WriteStream().Format(""parquet"").Option(""path"", ""/data/clicks"").Option(""checkpointLocation"", ""/cp/clicks"").Start();
}
");
            WriteProject(folder, "KafkaJob", Reference(typeof(global::Confluent.Kafka.ConsumerConfig)), KafkaJob);
            WriteProject(folder, "Plain", string.Empty, "public static class Plain { public static int Answer => 42; }\n");
            var projects = new[] { "SparkJob", "KafkaJob", "Plain" }.Select((name, i) => (Name: name, Id: "{" + new System.Guid(i + 1, 0, 0, new byte[8]).ToString().ToUpperInvariant() + "}")).ToList();
            var sln = new System.Text.StringBuilder("Microsoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\n");
            foreach (var project in projects)
            {
                sln.Append($"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{project.Name}\", \"{project.Name}{Path.DirectorySeparatorChar}{project.Name}.csproj\", \"{project.Id}\"\nEndProject\n");
            }

            sln.Append("Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tDebug|Any CPU = Debug|Any CPU\n\tEndGlobalSection\n\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n");
            foreach (var project in projects)
            {
                sln.Append($"\t\t{project.Id}.Debug|Any CPU.ActiveCfg = Debug|Any CPU\n\t\t{project.Id}.Debug|Any CPU.Build.0 = Debug|Any CPU\n");
            }

            sln.Append("\tEndGlobalSection\nEndGlobal\n");
            string file = Path.Combine(folder, "Multi.sln");
            File.WriteAllText(file, sln.ToString());
            return file;
        }

        private const string KafkaJob = @"using System.Threading;
using Confluent.Kafka;
public static class Worker
{
    public static void Run(CancellationToken token)
    {
        var config = new ConsumerConfig { BootstrapServers = ""localhost:9092"", GroupId = ""orders"" };
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe(""orders"");
        while (!token.IsCancellationRequested)
        {
            var result = consumer.Consume(token);
            System.IO.File.AppendAllText(""orders.txt"", result.Message.Value);
        }

        consumer.Close();
    }
}
";

        private static string Reference(System.Type type) =>
            $"    <Reference Include=\"{type.Assembly.GetName().Name}\"><HintPath>{System.Security.SecurityElement.Escape(type.Assembly.Location)}</HintPath></Reference>\n";

        private static void WriteProject(string folder, string name, string references, string source)
        {
            string directory = Path.Combine(folder, name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n  <ItemGroup>\n{references}  </ItemGroup>\n</Project>\n");
            File.WriteAllText(Path.Combine(directory, name + ".cs"), source);
        }

        /// <summary>A minimal check against docs/plan.schema.json: the required fields of the document, each plan and its parts.</summary>
        private static void CheckSchema(string json, string schemaFile)
        {
            using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(schemaFile));
            using JsonDocument document = JsonDocument.Parse(json);
            void Required(JsonElement value, JsonElement definition)
            {
                foreach (JsonElement name in definition.GetProperty("required").EnumerateArray())
                {
                    Assert.True(value.TryGetProperty(name.GetString()!, out _), $"missing {name.GetString()} in {value}");
                }

                foreach (JsonProperty property in value.EnumerateObject())
                {
                    Assert.True(definition.GetProperty("properties").TryGetProperty(property.Name, out _), $"unexpected {property.Name}");
                }
            }

            JsonElement defs = schema.RootElement.GetProperty("$defs");
            Required(document.RootElement, schema.RootElement);
            Assert.Equal(1, document.RootElement.GetProperty("schemaVersion").GetInt32());
            JsonElement[] plans = document.RootElement.GetProperty("plans").EnumerateArray().ToArray();
            Assert.Equal(4, plans.Length);
            string[] levels = defs.GetProperty("plan").GetProperty("properties").GetProperty("guarantee").GetProperty("properties").GetProperty("level").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();
            foreach (JsonElement plan in plans)
            {
                Required(plan, defs.GetProperty("plan"));
                Required(plan.GetProperty("location"), defs.GetProperty("location"));
                Assert.Contains(plan.GetProperty("guarantee").GetProperty("level").GetString(), levels);
                foreach (JsonElement diagnostic in plan.GetProperty("diagnostics").EnumerateArray())
                {
                    Required(diagnostic, defs.GetProperty("diagnostic"));
                }
            }
        }

        private static (int Code, string Output, string Error) Run(string tool, params string[] arguments)
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
    }
}
