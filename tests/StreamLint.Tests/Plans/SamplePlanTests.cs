using System;
using System.IO;
using StreamLint.Core.Plans;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Plans
{
    /// <summary>
    /// Each sample's plan.md (docs/sample/ClickstreamPipeline, docs/sample/OrderConsumer) is its plan as
    /// `streamlint plan --format markdown` prints it, regenerated here in-process (providers + renderer, the sample's
    /// .editorconfig severities) so it never goes stale. Set STREAMLINT_UPDATE_PLAN=1 to rewrite them.
    /// </summary>
    public class SamplePlanTests
    {
        [Theory]
        [InlineData("ClickstreamPipeline", Libraries.Spark)]
        [InlineData("OrderConsumer", Libraries.Kafka)]
        internal void Sample_plan_is_current(string sample, Libraries libraries)
        {
            string folder = Repository.PathOf("docs", "sample", sample);
            string markdown = PlanMarkdown.Render(Plans.Of(
                libraries,
                Plans.Severities(Path.Combine(folder, ".editorconfig")),
                ("Program.cs", File.ReadAllText(Path.Combine(folder, "Program.cs")))));
            string file = Path.Combine(folder, "plan.md");
            if (Environment.GetEnvironmentVariable("STREAMLINT_UPDATE_PLAN") == "1")
            {
                File.WriteAllText(file, markdown);
            }

            Assert.True(File.Exists(file), $"docs/sample/{sample}/plan.md is missing: run this test with STREAMLINT_UPDATE_PLAN=1");
            Assert.Equal(File.ReadAllText(file).Replace("\r\n", "\n"), markdown);
        }
    }
}
