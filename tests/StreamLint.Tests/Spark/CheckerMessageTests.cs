using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Tests.Infrastructure;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// Spark's own error texts, per Spark version, written out here as Spark's source has them (research §4 quotes each
    /// checker row per version) and never taken from the analyzers: every rule that says "Spark throws" must quote
    /// exactly what Spark throws for the <c>streamlint.spark_version</c> it is told. One row per checker row and version
    /// where the wording differs; each diagnostic is an Error.
    /// </summary>
    public class CheckerMessageTests
    {
        private const string Console = @".WriteStream().Format(""console"").Start();";

        public static TheoryData<string, string, string, string, string> Rows => new TheoryData<string, string, string, string, string>
        {
            // ---- 4.A / 4.B ----
            { "A1", "SL1006", "3.5", "events.Count();", "Queries with streaming sources must be executed with writeStream.start()" },
            { "A1", "SL1006", "2.4", "events.Count();", "Queries with streaming sources must be executed with writeStream.start()" },
            { "A3", "SL1006", "3.5", @"events.Write().Parquet(""/out"");", "'write' can not be called on streaming Dataset/DataFrame" },
            { "B1", "SL1009", "3.5", "dim" + Console, "'writeStream' can be called only on streaming Dataset/DataFrame" },
            { "B6", "SL1021", "3.3", @"events.GroupBy(""page"").Count().GroupBy(""count"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();", "Multiple streaming aggregations are not supported with streaming DataFrames/Datasets" },
            { "B6", "SL1021", "2.4", @"events.GroupBy(""page"").Count().GroupBy(""count"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();", "Multiple streaming aggregations are not supported with streaming DataFrames/Datasets" },
            { "B7a", "SL1001", "3.5", @"events.GroupBy(""page"").Count()" + Console, "Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark" },
            { "B7a", "SL1001", "2.4", @"events.GroupBy(""page"").Count()" + Console, "Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark" },
            { "B7c", "SL1008", "3.5", @"events.Filter(Col(""a"").IsNotNull()).WriteStream().OutputMode(""complete"").Format(""console"").Start();", "Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets" },

            // ---- 4.C ----
            { "C8", "SL1007", "3.5", @"events.GroupBy(""page"").Agg(CountDistinct(Col(""user"")));", "Distinct aggregations are not supported on streaming DataFrames/Datasets. Consider using approx_count_distinct() instead." },
            { "C9", "SL1007", "3.5", @"events.Rollup(""country"").Count();", "Grouping Sets is not supported on streaming DataFrames/Datasets" },
            { "C9", "SL1007", "2.4", @"events.Rollup(""country"").Count();", "GroupingSets is not supported on streaming DataFrames/Datasets" },
            { "C14", "SL1021", "3.3", @"events.GroupBy(""page"").Count().DropDuplicates(""page"").WriteStream().OutputMode(""update"").Format(""console"").Start();", "dropDuplicates is not supported after aggregation on a streaming DataFrame/Dataset" },
            { "C15a", "SL1008", "3.5", @"events.Join(clicks, ""id"").WriteStream().OutputMode(""update"").Format(""console"").Start();", "Join between two streaming DataFrames/Datasets is not supported in Update output mode, only in Append output mode" },
            { "C15a", "SL1008", "3.5", @"events.Join(clicks, ""id"").WriteStream().OutputMode(""complete"").Format(""console"").Start();", "Join between two streaming DataFrames/Datasets is not supported in Complete output mode, only in Append output mode" },
            { "C15a", "SL1008", "2.4", @"events.Join(clicks, ""id"").WriteStream().OutputMode(""update"").Format(""console"").Start();", "Inner join between two streaming DataFrames/Datasets is not supported in Update output mode, only in Append output mode" },
            { "C15b", "SL1007", "3.5", @"events.Join(dim, events[""id""] == dim[""id""], ""full_outer"");", "FullOuter joins with streaming DataFrames/Datasets on the left and a static DataFrame/Dataset on the right is not supported" },
            { "C15b", "SL1007", "2.4", @"events.Join(dim, events[""id""] == dim[""id""], ""full_outer"");", "Full outer joins with streaming DataFrames/Datasets are not supported" },
            { "C15c", "SL1007", "3.5", @"dim.Join(events, dim[""id""] == events[""id""], ""outer"");", "FullOuter joins with streaming DataFrames/Datasets on the right and a static DataFrame/Dataset on the left is not supported" },
            { "C15d", "SL1007", "3.5", @"events.Join(clicks, events[""id""] == clicks[""id""], ""left_anti"");", "LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported" },
            { "C15d", "SL1007", "2.4", @"events.Join(clicks, events[""id""] == clicks[""id""], ""left_anti"");", "Left semi/anti joins with a streaming DataFrame/Dataset on the right are not supported" },
            { "C15e", "SL1007", "3.5", @"dim.Join(events, dim[""id""] == events[""id""], ""left_outer"");", "LeftOuter join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported" },
            { "C15e", "SL1007", "3.5", @"dim.Join(events, dim[""id""] == events[""id""], ""left_semi"");", "LeftSemi join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported" },
            { "C15e", "SL1007", "2.4", @"dim.Join(events, dim[""id""] == events[""id""], ""left_outer"");", "Left outer join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported" },
            { "C15f", "SL1007", "3.5", @"events.Join(dim, events[""id""] == dim[""id""], ""right_outer"");", "RightOuter join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported" },
            { "C15f", "SL1007", "2.4", @"events.Join(dim, events[""id""] == dim[""id""], ""right_outer"");", "Right outer join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported" },
            { "C15g", "SL1005", "3.5", @"events.Join(clicks, events[""id""] == clicks[""id""], ""left_outer"")" + Console, "Stream-stream LeftOuter join between two streaming DataFrame/Datasets is not supported without a watermark in the join keys, or a watermark on the nullable side and an appropriate range condition" },
            { "C15g", "SL1005", "2.4", @"events.Join(clicks, events[""id""] == clicks[""id""], ""left_outer"")" + Console, "Stream-stream outer join between two streaming DataFrame/Datasets is not supported without a watermark in the join keys, or a watermark on the nullable side and an appropriate range condition" },
            { "C18", "SL1007", "3.5", "events.Union(dim);", "Union between streaming and batch DataFrames/Datasets is not supported" },
            { "C19", "SL1007", "3.5", "dim.Except(events);", "Except on a streaming DataFrame/Dataset on the right is not supported" },
            { "C20", "SL1007", "3.5", "events.Intersect(dim);", "Intersect of streaming DataFrames/Datasets is not supported" },
            { "C20", "SL1007", "2.4", "events.Intersect(clicks);", "Intersect between two streaming DataFrames/Datasets is not supported" },
            { "C21", "SL1007", "3.5", @"events.GroupBy(""page"").Count().Limit(10).WriteStream().OutputMode(""update"").Format(""console"").Start();", "Limits are not supported on streaming DataFrames/Datasets in Update output mode" },
            { "C23", "SL1007", "3.5", @"events.OrderBy(""ts"")" + Console, "Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode" },
            { "C24", "SL1007", "3.5", "events.Sample(0.1);", "Sampling is not supported on streaming DataFrames/Datasets" },
            { "C25", "SL1007", "3.4", @"events.WithColumn(""rank"", Rank().Over(Microsoft.Spark.Sql.Expressions.Window.PartitionBy(""page"").OrderBy(""ts"")));", "Non-time-based windows are not supported on streaming DataFrames/Datasets" },
            { "C27", "SL1007", "3.5", @"events.WithColumn(""rowId"", MonotonicallyIncreasingId());", "Expression(s): monotonically_increasing_id() is not supported with streaming DataFrames/Datasets" },

            // ---- 4.D global watermark (3.4+, Update/Complete) ----
            { "D28", "SL1021", "3.5", @"events.GroupBy(""page"").Count().GroupBy(""count"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();", "Detected pattern of possible 'correctness' issue due to global watermark. The query contains stateful operation which can emit rows older than the current watermark plus allowed late record delay, which are \"late rows\" in downstream stateful operations and these rows can be discarded. Please refer the programming guide doc for more details. If you understand the possible risk of correctness issue and still need to run the query, you can disable this check by setting the config `spark.sql.streaming.statefulOperator.checkCorrectness.enabled` to false." },

            // ---- 4.E continuous processing ----
            { "E29a", "SL1016", "3.5", @"events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Trigger(Trigger.Continuous(""1 second"")).Start();", "Continuous processing does not support Aggregate operations." },
            { "E29b", "SL1016", "3.5", @"events.WithColumn(""seen"", CurrentTimestamp()).WriteStream().Format(""console"").Trigger(Trigger.Continuous(""1 second"")).Start();", "Continuous processing does not support current time operations." },
        };

        [Theory]
        [MemberData(nameof(Rows))]
        public async Task Quotes_Sparks_Message(string row, string rule, string sparkVersion, string statement, string spark)
        {
            DiagnosticAnalyzer analyzer = Repository.Analyzers.Single(a => a.SupportedDiagnostics.Any(d => d.Id == rule));
            ImmutableArray<Diagnostic> reported = await Analysis.RunAsync(analyzer, Body("        " + statement), sparkVersion);
            Diagnostic diagnostic = Assert.Single(reported, d => d.Id == rule);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(message.Contains("\"" + spark + "\"", System.StringComparison.Ordinal), $"{row} on Spark {sparkVersion}: the message does not quote Spark's text.\nSpark: {spark}\nRule:  {message}");
        }
    }
}
