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
    /// each format, and on bad paths. One pack, one install, a few runs.
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

                (int code, string markdown) = Run(tool, "plan", sample, "--format", "markdown");
                Assert.Equal(0, code);
                Assert.Equal(File.ReadAllText(Path.Combine(sample, "plan.md")).Replace("\r\n", "\n"), markdown.Replace("\r\n", "\n"));
                foreach (string block in markdown.Split("```mermaid\n").Skip(1).Select(b => b.Substring(0, b.IndexOf("```", System.StringComparison.Ordinal))))
                {
                    Assert.StartsWith("flowchart", block);
                    Assert.Equal(block.Count(c => c == '['), block.Count(c => c == ']'));
                    Assert.Equal(block.Count(c => c == '('), block.Count(c => c == ')'));
                    Assert.Equal(0, block.Count(c => c == '"') % 2);
                }

                (code, string json) = Run(tool, "plan", sample, "--format", "json");
                Assert.Equal(0, code);
                CheckSchema(json, Path.Combine(root, "docs", "plan.schema.json"));

                (code, string text) = Run(tool, "plan", sample);
                Assert.Equal(0, code);
                Assert.Contains("clicks-to-warehouse", text);

                Assert.Equal(1, Run(tool, "plan", sample, "--fail-on", "warning").Code);
                Assert.Equal(2, Run(tool, "plan", Path.Combine(work, "missing.csproj")).Code);
                Assert.Equal(2, Run(tool, "plan", Path.Combine(root, "README.md")).Code);
            }
            finally
            {
                TempDirectories.Delete(work);
            }
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

        private static (int Code, string Output) Run(string tool, params string[] arguments)
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
            _ = error.Result;
            return (process.ExitCode, output);
        }
    }
}
