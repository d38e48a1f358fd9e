using System;
using System.IO;
using StreamLint.Core.Plans;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Plans
{
    /// <summary>
    /// docs/sample/ClickstreamPipeline/plan.md is the sample's plan as `streamlint plan --format markdown` prints it,
    /// regenerated here in-process (provider + renderer, the sample's .editorconfig severities) so it never goes stale.
    /// Set STREAMLINT_UPDATE_PLAN=1 to rewrite it.
    /// </summary>
    public class SamplePlanTests
    {
        [Fact]
        public void Sample_plan_is_current()
        {
            string folder = Repository.PathOf("docs", "sample", "ClickstreamPipeline");
            string markdown = PlanMarkdown.Render(Plans.Of(
                Plans.Severities(Path.Combine(folder, ".editorconfig")),
                ("Program.cs", File.ReadAllText(Path.Combine(folder, "Program.cs")))));
            string file = Path.Combine(folder, "plan.md");
            if (Environment.GetEnvironmentVariable("STREAMLINT_UPDATE_PLAN") == "1")
            {
                File.WriteAllText(file, markdown);
            }

            Assert.True(File.Exists(file), "docs/sample/ClickstreamPipeline/plan.md is missing: run this test with STREAMLINT_UPDATE_PLAN=1");
            Assert.Equal(File.ReadAllText(file).Replace("\r\n", "\n"), markdown);
        }
    }
}
