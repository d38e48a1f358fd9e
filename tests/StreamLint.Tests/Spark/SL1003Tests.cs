using System.Threading.Tasks;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.ProcessingTimeWindowAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Spark
{
    public class SL1003Tests
    {
        [Fact]
        public Task WindowOnCurrentTimestamp_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.GroupBy({|#0:Window|}(CurrentTimestamp(), ""1 minute"")).Count();"),
                Verify.Diagnostic("SL1003").WithLocation(0).WithArguments("Window(…)", "CurrentTimestamp()"));

        [Fact]
        public Task ColumnDefinedFromCurrentTimestamp_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        var stamped = events.WithColumn(""arrival"", CurrentTimestamp());
        stamped.GroupBy({|SL1003:Window|}(Col(""arrival""), ""1 minute"")).Count();
        stamped.{|SL1003:WithWatermark|}(""arrival"", ""1 minute"");
        stamped.WithColumnRenamed(""arrival"", ""t"").GroupBy({|SL1003:Window|}(Col(""t""), ""1 minute"")).Count();
        events.WithColumn(""t2"", UnixTimestamp().Cast(""timestamp"")).GroupBy({|SL1003:Window|}(Col(""t2""), ""1 minute"")).Count();
        events.WithColumn(""t3"", Expr(""current_timestamp()"")).GroupBy({|SL1003:Window|}(Col(""t3""), ""1 minute"")).Count();"));

        [Fact]
        public Task SocketIncludeTimestamp_Reports() =>
            Verify.VerifyAnalyzerAsync(Usings + @"
class WordCount
{
    void Run(SparkSession spark)
    {
        DataFrame lines = spark.ReadStream().Format(""socket"").Option(""host"", ""localhost"").Option(""port"", 9999)
            .Option(""includeTimestamp"", true).Load();
        DataFrame words = lines.Select(Explode(Split(lines[""value""], "" "")).Alias(""word""), lines[""timestamp""]);
        DataFrame counts = words.GroupBy({|SL1003:Window|}(words[""timestamp""], ""10 minutes"", ""5 minutes""), words[""word""]).Count().OrderBy(""window"");
        counts.WriteStream().OutputMode(""complete"").Format(""console"").Option(""truncate"", false).Start().AwaitTermination();
    }
}");

        [Fact]
        public Task EventTimeColumns_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.GroupBy(Window(Col(""timestamp""), ""1 minute"")).Count();
        events.WithWatermark(""timestamp"", ""1 minute"");
        events.WithColumn(""ts"", ToTimestamp(Col(""eventTime""))).GroupBy(Window(Col(""ts""), ""1 minute"")).Count();
        var socket = spark.ReadStream().Format(""socket"").Option(""host"", ""h"").Option(""port"", 1).Load();
        socket.GroupBy(Window(Col(""timestamp""), ""1 minute"")).Count();"));

        [Fact]
        public Task BatchOrUnknown_Silent() =>
            Verify.VerifyAnalyzerAsync(Body(@"        dim.GroupBy(Window(CurrentTimestamp(), ""1 minute"")).Count();
        given.GroupBy(Window(CurrentTimestamp(), ""1 minute"")).Count();
        events.SelectExpr(""current_timestamp( AS t"").GroupBy(Window(Col(""t""), ""1 minute"")).Count();"));

        [Fact]
        public Task ProcessingTimeThroughSqlAlias_Reports() =>
            Verify.VerifyAnalyzerAsync(Body(@"        events.SelectExpr(""current_timestamp() AS t"").GroupBy({|SL1003:Window|}(Col(""t""), ""1 minute"")).Count();
        events.SelectExpr(""  NOW()   t"", ""page"").GroupBy({|SL1003:Window|}(Col(""T""), ""1 minute"")).Count();"));
    }
}
