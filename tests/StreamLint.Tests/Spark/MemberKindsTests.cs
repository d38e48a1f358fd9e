using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Spark.Rules.MissingCheckpointLocationAnalyzer,
    StreamLint.CodeFixes.Spark.MissingCheckpointLocationCodeFix>;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// Spark code is found in every kind of executable member the compiler binds as one block (the rules read a file's
    /// members once, not per driver callback): each case starts a Kafka query without a checkpoint (SL1010).
    /// </summary>
    public class MemberKindsTests
    {
        private const string Usings = "using Microsoft.Spark.Sql;\nusing Microsoft.Spark.Sql.Streaming;\n";

        private const string Query = @"spark.ReadStream().Format(""kafka"").Load().WriteStream().Format(""kafka"").{|SL1010:Start|}()";

        [Fact]
        public Task EveryMemberKind_Reports() =>
            Verify.VerifyAnalyzerAsync(new[]
            {
                ("/Jobs.cs", Usings + @"
class Jobs
{
    private readonly SparkSession spark;
    private readonly System.Func<StreamingQuery> field;

    public Jobs(SparkSession spark)
    {
        this.spark = spark;
        this.field = () => " + Query + @";
        " + Query + @";
    }

    StreamingQuery Method() => " + Query + @";

    StreamingQuery Property => " + Query + @";

    StreamingQuery Accessor
    {
        get { return " + Query + @"; }
    }

    System.Func<StreamingQuery> Initialized { get; } = () => SparkSession.Builder().GetOrCreate().ReadStream().Format(""kafka"").Load().WriteStream().Format(""kafka"").{|SL1010:Start|}();

    StreamingQuery this[int i] => " + Query + @";

    public static Jobs operator +(Jobs a, Jobs b)
    {
        a.spark.ReadStream().Format(""kafka"").Load().WriteStream().Format(""kafka"").{|SL1010:Start|}();
        return a;
    }

    void LocalFunction()
    {
        StreamingQuery Run() => " + Query + @";
        Run();
    }
}

record Pipeline(SparkSession Spark)
{
    public StreamingQuery Run() => Spark.ReadStream().Format(""kafka"").Load().WriteStream().Format(""kafka"").{|SL1010:Start|}();
}
"),
            });

        [Fact]
        public Task TopLevelStatements_Report() =>
            Verify.VerifyAnalyzerAsync(
                new[]
                {
                    ("/Program.cs", Usings + @"
SparkSession spark = SparkSession.Builder().GetOrCreate();
" + Query + @";
"),
                },
                outputKind: OutputKind.ConsoleApplication);
    }
}
