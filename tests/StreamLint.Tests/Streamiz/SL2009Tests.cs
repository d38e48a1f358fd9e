using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static StreamLint.Tests.Streamiz.StreamizCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Streamiz.Rules.DefaultAtLeastOnceGuaranteeAnalyzer,
    StreamLint.CodeFixes.Streamiz.ExactlyOnceGuaranteeCodeFix>;

namespace StreamLint.Tests.Streamiz
{
    public class SL2009Tests
    {
        private static string App(string config, string topology, string members = "") => Usings + @"
static class ClickApp
{
    static void Run()
    {
" + config + @"
        var builder = new StreamBuilder();
" + topology + @"
        var stream = new KafkaStream(builder.Build(), config);
    }
" + members + @"
}
";

        private const string Counting = @"        builder.Stream<string, string>(""clicks"").GroupByKey().Count();";

        [Fact]
        public Task StatefulTopologyWithoutGuarantee_Info() =>
            Verify.VerifyAnalyzerAsync(
                App(@"        var config = new {|#0:StreamConfig<StringSerDes, StringSerDes>|} { ApplicationId = ""clicks"" };", Counting),
                new DiagnosticResult("SL2009", DiagnosticSeverity.Info).WithLocation(0).WithArguments("it keeps state in Count"));

        [Fact]
        public Task WritesToKafka_Reports() =>
            Verify.VerifyAnalyzerAsync(App(
                @"        var config = new {|SL2009:StreamConfig<StringSerDes, StringSerDes>|}();",
                @"        builder.Stream<string, string>(""clicks"").Filter((k, v, c) => v != null).To(""valid"");"));

        [Fact]
        public Task NoStatefulOperator_Silent() =>
            Verify.VerifyAnalyzerAsync(App(
                @"        var config = new StreamConfig<StringSerDes, StringSerDes>();",
                @"        builder.Stream<string, string>(""clicks"").Foreach((k, v, c) => Console.WriteLine(v));"));

        [Fact]
        public Task GuaranteeSetInALaterStatement_Silent() =>
            Verify.VerifyAnalyzerAsync(App(
                @"        var config = new StreamConfig<StringSerDes, StringSerDes>();
        config.ApplicationId = ""clicks"";
        config.Guarantee = ProcessingGuarantee.AT_LEAST_ONCE;",
                Counting));

        [Fact]
        public Task ConfigWithKeysByName_Silent() =>
            Verify.VerifyAnalyzerAsync(App(
                @"        var config = new StreamConfig<StringSerDes, StringSerDes>();
        config.AddConfig(""processing.guarantee"", ""exactly_once"");",
                Counting));

        [Fact]
        public Task ConfigAndTopologyBuiltInHelpers_Reports() =>
            Verify.VerifyAnalyzerAsync(Usings + @"
static class ClickApp
{
    static void Run()
    {
        var builder = new StreamBuilder();
        Define(builder);
        var stream = new KafkaStream(builder.Build(), Settings());
    }

    static void Define(StreamBuilder builder) => builder.Stream<string, string>(""clicks"").GroupByKey().Count();

    static StreamConfig Settings() => new {|SL2009:StreamConfig|} { ApplicationId = ""clicks"" };
}
");

        [Fact]
        public Task TargetTypedConfig_Reports() =>
            Verify.VerifyAnalyzerAsync(App(
                @"        StreamConfig<StringSerDes, StringSerDes> config = {|SL2009:new|}() { ApplicationId = ""clicks"" };",
                Counting));

        [Fact]
        public Task ConfigCreatedThroughAnAlias_Reports() =>
            Verify.VerifyAnalyzerAsync("using Settings = Streamiz.Kafka.Net.StreamConfig;\n" + App(
                @"        var config = new {|SL2009:Settings|} { ApplicationId = ""clicks"" };",
                Counting));

        [Fact]
        public Task GuaranteeSetThroughAnAliasedConfig_Silent() =>
            Verify.VerifyAnalyzerAsync("using Settings = Streamiz.Kafka.Net.StreamConfig;\n" + App(
                @"        var config = new Settings { ApplicationId = ""clicks"" };
        config.Guarantee = ProcessingGuarantee.EXACTLY_ONCE;",
                Counting));

        [Fact]
        public Task ConfigOfADerivedTypeWithTheGuaranteeSetInItsConstructor_Silent() =>
            Verify.VerifyAnalyzerAsync(App(
                @"        var config = new ClickConfig();",
                Counting,
                @"
    sealed class ClickConfig : StreamConfig<StringSerDes, StringSerDes>
    {
        public ClickConfig()
        {
            ApplicationId = ""clicks"";
            Guarantee = ProcessingGuarantee.EXACTLY_ONCE;
        }
    }"));

        [Fact]
        public Task KafkaStreamCreatedTargetTyped_TiesTheTopologyToItsConfig() =>
            Verify.VerifyAnalyzerAsync(Usings + @"
static class ClickApp
{
    static void Run()
    {
        var counted = new StreamBuilder();
        counted.Stream<string, string>(""clicks"").GroupByKey().Count();
        var exact = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = ""a"", Guarantee = ProcessingGuarantee.EXACTLY_ONCE };
        KafkaStream first = new(counted.Build(), exact);

        var plain = new StreamBuilder();
        plain.Stream<string, string>(""views"").Foreach((k, v, c) => Console.WriteLine(v));
        var loose = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = ""b"" };
        KafkaStream second = new(plain.Build(), loose);
    }
}
");

        [Fact]
        public Task Fix_AddsExactlyOnce_FixAll() =>
            Verify.VerifyCodeFixAsync(
                App(@"        var config = new {|SL2009:StreamConfig<StringSerDes, StringSerDes>|} { ApplicationId = ""clicks"" };", Counting),
                App(@"        var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = ""clicks"", Guarantee = ProcessingGuarantee.EXACTLY_ONCE };", Counting),
                "SL2009.ExactlyOnce");
    }
}
