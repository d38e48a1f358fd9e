using System.Threading.Tasks;
using StreamLint.CodeFixes.Spark;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.AppendAggregationWithoutWatermarkAnalyzer,
    StreamLint.CodeFixes.Spark.AppendAggregationWithoutWatermarkCodeFix>;

namespace StreamLint.Tests.Reliability
{
    /// <summary>Bugs the reliability fuzzer found, pinned down one by one.</summary>
    public class RegressionTests
    {
        private const string Usings = @"using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using M = Microsoft.Spark.Sql.Streaming.OutputMode;
";

        private static string Code(string body) => Usings + @"
static class Modes
{
    public const string Append = ""append"";
}

class Job
{
    const string AppendMode = ""append"";

    void Run(SparkSession spark)
    {
        DataFrame events = spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""clicks"").Load();
" + body + @"
    }
}";

        /// <summary>
        /// Found by the fuzzer (seed Constants.cs): the Update-mode fix renamed any member access argument
        /// <c>X.Append</c> to <c>X.Update</c>, so a mode given as a user constant (<c>Modes.Append</c>) became
        /// <c>Modes.Update</c>, which does not exist (CS0117). Only the Spark OutputMode enum keeps its form now;
        /// any other constant argument is replaced by the string "update".
        /// </summary>
        [Fact]
        public Task UpdateModeFix_ModeFromUserConstant_BecomesTheUpdateString() =>
            Verify.VerifyCodeFixAsync(
                Code(@"        events.GroupBy(""page"").{|SL1001:Count|}().WriteStream().OutputMode(Modes.Append).Format(""console"").Start();
        events.GroupBy(""country"").{|SL1001:Count|}().WriteStream().OutputMode(AppendMode).Format(""console"").Start();
        events.GroupBy(""user"").{|SL1001:Count|}().WriteStream().OutputMode((OutputMode)0).Format(""console"").Start();
        events.GroupBy(""ip"").{|SL1001:Count|}().WriteStream().OutputMode((OutputMode.Append)).Format(""console"").Start();"),
                Code(@"        events.GroupBy(""page"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();
        events.GroupBy(""country"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();
        events.GroupBy(""user"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();
        events.GroupBy(""ip"").Count().WriteStream().OutputMode(""update"").Format(""console"").Start();"),
                AppendAggregationWithoutWatermarkCodeFix.UseUpdateModeKey);

        [Fact]
        public Task UpdateModeFix_SparkEnumThroughAnAlias_KeepsTheEnumForm() =>
            Verify.VerifyCodeFixAsync(
                Code(@"        events.GroupBy(""page"").{|SL1001:Count|}().WriteStream().OutputMode(M.Append).Format(""console"").Start();
        events.GroupBy(""user"").{|SL1001:Count|}().WriteStream().OutputMode(Microsoft.Spark.Sql.Streaming.OutputMode.Append).Format(""console"").Start();"),
                Code(@"        events.GroupBy(""page"").Count().WriteStream().OutputMode(M.Update).Format(""console"").Start();
        events.GroupBy(""user"").Count().WriteStream().OutputMode(Microsoft.Spark.Sql.Streaming.OutputMode.Update).Format(""console"").Start();"),
                AppendAggregationWithoutWatermarkCodeFix.UseUpdateModeKey);
    }
}
