using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static StreamLint.Tests.Streamiz.StreamizCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Streamiz.Rules.ExactlyOnceSettingOverriddenAnalyzer,
    StreamLint.CodeFixes.Streamiz.RemoveOverriddenSettingCodeFix>;

namespace StreamLint.Tests.Streamiz
{
    public class SL2008Tests
    {
        private static string Config(string body, string members = "") => Usings + @"
static class Settings
{
    static StreamConfig Create()
    {
" + body + @"
    }
" + members + @"
}
";

        [Fact]
        public Task IsolationLevelAfterGuaranteeInInitializer_Error() =>
            Verify.VerifyAnalyzerAsync(
                Config(@"        return new StreamConfig<StringSerDes, StringSerDes>
        {
            ApplicationId = ""clicks"",
            Guarantee = ProcessingGuarantee.EXACTLY_ONCE,
            {|#0:IsolationLevel = IsolationLevel.ReadCommitted|},
        };"),
                new DiagnosticResult("SL2008", DiagnosticSeverity.Error).WithLocation(0).WithArguments("IsolationLevel"));

        [Fact]
        public Task IsolationLevelBeforeGuaranteeInInitializer_Silent() =>
            Verify.VerifyAnalyzerAsync(Config(@"        return new StreamConfig<StringSerDes, StringSerDes>
        {
            IsolationLevel = IsolationLevel.ReadCommitted,
            Guarantee = ProcessingGuarantee.EXACTLY_ONCE,
        };"));

        [Fact]
        public Task ConfigSetInSeveralStatements_Reports() =>
            Verify.VerifyAnalyzerAsync(Config(@"        var config = new StreamConfig<StringSerDes, StringSerDes>();
        config.ApplicationId = ""clicks"";
        config.Guarantee = ProcessingGuarantee.EXACTLY_ONCE;
        {|SL2008:config.EnableIdempotence = true|};
        return config;"));

        [Fact]
        public Task SetterSpelledWithAnEscape_Reports() =>
            Verify.VerifyAnalyzerAsync(Config(@"        var config = new StreamConfig<StringSerDes, StringSerDes>();
        config.Guarantee = ProcessingGuarantee.EXACTLY_ONCE;
        {|SL2008:config.\u0045nableIdempotence = true|};
        return config;"));

        [Fact]
        public Task AtLeastOnceBefore_Silent() =>
            Verify.VerifyAnalyzerAsync(Config(@"        var config = new StreamConfig<StringSerDes, StringSerDes>();
        config.Guarantee = ProcessingGuarantee.AT_LEAST_ONCE;
        config.EnableIdempotence = true;
        return config;"));

        [Fact]
        public Task GuaranteeFromANonConstantValue_Silent() =>
            Verify.VerifyAnalyzerAsync(Config(@"        var config = new StreamConfig<StringSerDes, StringSerDes>();
        config.Guarantee = Environment.GetEnvironmentVariable(""EOS"") == ""1"" ? ProcessingGuarantee.EXACTLY_ONCE : ProcessingGuarantee.AT_LEAST_ONCE;
        config.EnableIdempotence = true;
        return config;"));

        [Fact]
        public Task ReceiverNotTiedToTheExactlyOnceConfig_Silent() =>
            Verify.VerifyAnalyzerAsync(Config(@"        var config = new StreamConfig<StringSerDes, StringSerDes>();
        config.Guarantee = ProcessingGuarantee.EXACTLY_ONCE;
        var other = new StreamConfig<StringSerDes, StringSerDes>();
        other.EnableIdempotence = true;
        return config;"));

        [Fact]
        public Task GuaranteeOnlyOnOneBranch_Silent() =>
            Verify.VerifyAnalyzerAsync(Config(@"        var config = new StreamConfig<StringSerDes, StringSerDes>();
        if (Environment.GetEnvironmentVariable(""EOS"") == ""1"")
        {
            config.Guarantee = ProcessingGuarantee.EXACTLY_ONCE;
        }

        config.EnableIdempotence = true;
        return config;"));

        [Fact]
        public Task ConfigBuiltInAHelper_Reports() =>
            Verify.VerifyAnalyzerAsync(Config(
                @"        var config = Base();
        {|SL2008:config.IsolationLevel = IsolationLevel.ReadCommitted|};
        return config;",
                @"    static StreamConfig Base() => new StreamConfig { ApplicationId = ""clicks"", Guarantee = ProcessingGuarantee.EXACTLY_ONCE };"));

        [Fact]
        public Task Fix_RemovesStatementAndInitializerMember_FixAll() =>
            Verify.VerifyCodeFixAsync(
                Config(@"        var config = new StreamConfig<StringSerDes, StringSerDes>
        {
            Guarantee = ProcessingGuarantee.EXACTLY_ONCE,
            {|SL2008:IsolationLevel = IsolationLevel.ReadCommitted|},
            ApplicationId = ""clicks"",
        };
        {|SL2008:config.EnableIdempotence = true|};
        return config;"),
                Config(@"        var config = new StreamConfig<StringSerDes, StringSerDes>
        {
            Guarantee = ProcessingGuarantee.EXACTLY_ONCE,
            ApplicationId = ""clicks"",
        };
        return config;"),
                "SL2008.Remove");
    }
}
