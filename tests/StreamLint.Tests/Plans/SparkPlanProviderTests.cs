using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using StreamLint.Core.Plans;
using Xunit;

namespace StreamLint.Tests.Plans
{
    /// <summary>The Spark provider's plans on representative queries (golden text, read by eye), and the renderers on a fixed report.</summary>
    public class SparkPlanProviderTests
    {
        private const string Header = "using Microsoft.Spark.Sql;\nusing Microsoft.Spark.Sql.Streaming;\nusing static Microsoft.Spark.Sql.Functions;\n";

        private static string Text(string body) =>
            PlanText.Render(Plans.Of(Header + "public static class Job {\n public static void Run(SparkSession spark, string format) {\n" + body + "\n }\n}\n")
                .Select(p => p.WithDiagnostics(new PlanDiagnostic[0])).ToList());

        [Fact]
        public void Kafka_to_kafka_with_dedup_is_at_least_once()
        {
            string text = Text(@"
var events = spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""orders"").Load();
events.WithWatermark(""ts"", ""1 hour"").DropDuplicates(""id"", ""ts"").Select(Col(""value""))
  .WriteStream().Format(""kafka"").Option(""topic"", ""clean"").Option(""checkpointLocation"", ""/cp/clean"").Start();");
            Assert.Equal(
                "Job.Run query (spark query, Program.cs:9)\n" +
                "  source     kafka topic orders\n" +
                "  step       watermark ts 1 hour\n" +
                "  step       DropDuplicates by id, ts [state: watermark 1 hour]\n" +
                "  step       1 projection\n" +
                "  event time ts, watermark 1 hour\n" +
                "  sink       kafka topic clean, output Append, trigger default (micro-batch as soon as possible)\n" +
                "  checkpoint /cp/clean\n" +
                "  guarantee  at-least-once: Spark's Kafka sink may write a batch again after a failure\n\n",
                text);
        }

        [Fact]
        public void ForeachBatch_keyed_by_batch_id_is_exactly_once_and_appending_is_at_least_once()
        {
            string text = Text(@"
var events = spark.ReadStream().Format(""rate"").Load();
events.WriteStream().QueryName(""keyed"").Option(""checkpointLocation"", ""/cp/a"")
  .ForeachBatch((batch, id) => batch.Write().Format(""delta"").Option(""txnVersion"", id).Option(""txnAppId"", ""a"").Mode(SaveMode.Append).Save(""/t/a"")).Start();
events.WriteStream().QueryName(""appending"").Option(""checkpointLocation"", ""/cp/b"")
  .ForeachBatch((batch, id) => batch.Write().Mode(SaveMode.Append).Parquet(""/t/b"")).Start();
events.WriteStream().QueryName(""overwriting"").Option(""checkpointLocation"", ""/cp/c"")
  .ForeachBatch((batch, id) => batch.Write().Mode(SaveMode.Overwrite).Parquet(""/t/c"")).Start();");
            string[] guarantees = text.Split('\n').Where(l => l.Contains("guarantee")).ToArray();
            Assert.Equal(
                new[]
                {
                    "  guarantee  exactly-once: ForeachBatch keys its writes by batchId",
                    "  guarantee  at-least-once: ForeachBatch appends without batchId: a replayed batch is written twice",
                    "  guarantee  exactly-once: ForeachBatch writes idempotently (overwrite, MERGE or txnVersion)",
                },
                guarantees);
        }

        [Fact]
        public void Unknown_sink_and_unbounded_state_stay_as_inferred()
        {
            string text = Text(@"
spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""t"").Load()
  .GroupBy(Col(""key"")).Count()
  .WriteStream().OutputMode(""update"").Format(format).Option(""checkpointLocation"", ""/cp/x"").Start();");
            Assert.Equal(
                "Job.Run query (spark query, Program.cs:9)\n" +
                "  source     kafka topic t\n" +
                "  step       aggregation (Count) by key [state: unbounded: no watermark on a grouping key]\n" +
                "  event time none\n" +
                "  sink       unknown sink, output Update, trigger default (micro-batch as soon as possible)\n" +
                "  checkpoint /cp/x\n" +
                "  guarantee  unknown: the sink's format cannot be read from the code\n\n",
                text);
        }

        private static PlanReport Fixed() => new PlanReport(
            "spark",
            PlanKinds.Query,
            "page \"views\"",
            new PlanLocation("Jobs/Views.cs", 12, 5, 0, 0),
            new[] { new PlanSource("kafka", "clicks", null, true) },
            new[]
            {
                new PlanStep(PlanStepKinds.Transform, "3 projections, 1 filter"),
                new PlanStep(PlanStepKinds.Aggregate, "aggregation (Count) by window(ts, 5 minutes)", true, "watermark 10 minutes + window 5 minutes"),
            },
            "ts",
            "10 minutes",
            "Append",
            "ProcessingTime(1 minute)",
            new PlanSink("delta", "/lake/views"),
            "/cp/views",
            new PlanGuarantee(GuaranteeLevel.ExactlyOnce, "delta file sink with a checkpoint"),
            new PlanLocation[0],
            new[] { new PlanDiagnostic("SL1018", "info", "a | b", new PlanLocation("Jobs/Views.cs", 12, 5, 0, 0)) });

        [Fact]
        public void Json_follows_schema_version_1()
        {
            using JsonDocument json = JsonDocument.Parse(PlanJson.Render(new[] { Fixed() }));
            Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
            JsonElement plan = json.RootElement.GetProperty("plans")[0];
            Assert.Equal("page \"views\"", plan.GetProperty("name").GetString());
            Assert.Equal("exactly-once", plan.GetProperty("guarantee").GetProperty("level").GetString());
            Assert.True(plan.GetProperty("steps")[1].GetProperty("stateful").GetBoolean());
            Assert.Equal(JsonValueKind.Null, plan.GetProperty("sources")[0].GetProperty("path").ValueKind);
            Assert.Equal(12, plan.GetProperty("diagnostics")[0].GetProperty("location").GetProperty("line").GetInt32());
        }

        [Fact]
        public void Markdown_has_a_summary_table_and_a_mermaid_flowchart()
        {
            string markdown = PlanMarkdown.Render(new[] { Fixed() });
            Assert.Contains("| page \"views\" | kafka topic clicks | delta /lake/views | exactly-once | SL1018 |", markdown);
            Assert.Equal(
                "```mermaid\nflowchart LR\n" +
                "  src0[(\"kafka topic clicks\")]\n" +
                "  op0[\"3 projections, 1 filter\"]\n" +
                "  src0 --> op0\n" +
                "  op1([\"aggregation (Count) by window(ts, 5 minutes)<br/>state: watermark 10 minutes + window 5 minutes\"]):::stateful\n" +
                "  op0 --> op1\n" +
                "  sink[/\"delta /lake/views<br/>exactly-once\"/]\n" +
                "  op1 --> sink\n" +
                "  classDef stateful stroke-width:3px,stroke-dasharray:4 2\n```\n",
                PlanMarkdown.Mermaid(Fixed()));
            Assert.Contains("page #quot;views#quot;", PlanMarkdown.Mermaid(new PlanReport("spark", "query", "x", Fixed().Location, new[] { new PlanSource("kafka", "page \"views\"", null, true) }, new PlanStep[0], null, null, null, null, Fixed().Sink, null, Fixed().Guarantee, new PlanLocation[0])));
            Assert.Contains("- **SL1018** (info, line 12): a \\| b", markdown);
        }
    }
}
