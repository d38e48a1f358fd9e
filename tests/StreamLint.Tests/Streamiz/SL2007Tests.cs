using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StreamLint.Tests.Infrastructure;
using Xunit;
using static StreamLint.Tests.Streamiz.StreamizCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Streamiz.Rules.SideEffectUnderExactlyOnceAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Streamiz
{
    public class SL2007Tests
    {
        private static string App(string guarantee, string topology, string members = "") => Usings + @"
using System.Net.Http;
using System.IO;

static class ClickApp
{
    static readonly HttpClient Http = new HttpClient();

    static void Run()
    {
        var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = ""clicks""" + guarantee + @" };
        var builder = new StreamBuilder();
" + topology + @"
        var stream = new KafkaStream(builder.Build(), config);
    }
" + members + @"
}
";

        private const string ExactlyOnce = ", Guarantee = ProcessingGuarantee.EXACTLY_ONCE";

        [Fact]
        public Task HttpCallInForeach_Warning() =>
            Verify.VerifyAnalyzerAsync(
                App(ExactlyOnce, @"        builder.Stream<string, string>(""clicks"").Foreach((k, v, c) => Http.{|#0:PostAsync|}(""http://audit"", new StringContent(v)).Wait());"),
                new DiagnosticResult("SL2007", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("HttpClient.PostAsync", "Foreach"));

        [Fact]
        public Task AtLeastOnce_Silent() =>
            Verify.VerifyAnalyzerAsync(App(string.Empty, @"        builder.Stream<string, string>(""clicks"").Foreach((k, v, c) => Http.PostAsync(""http://audit"", new StringContent(v)).Wait());"));

        [Fact]
        public Task FileWriteInPeekThroughAHelper_Reports() =>
            Verify.VerifyAnalyzerAsync(App(
                ExactlyOnce,
                @"        builder.Stream<string, string>(""clicks"").Peek((k, v, c) => {|SL2007:Audit|}(v)).To(""out"");",
                @"    static void Audit(string value) => File.AppendAllText(""audit.log"", value);"));

        [Fact]
        public Task SeparateProducerInMapValues_Reports() =>
            Verify.VerifyAnalyzerAsync(App(
                ExactlyOnce,
                @"        builder.Stream<string, string>(""clicks"").MapValues((v, c) => { Producer.{|SL2007:Produce|}(""copy"", new Message<string, string> { Value = v }); return v; }).To(""out"");",
                @"    static IProducer<string, string> Producer;"));

        [Fact]
        public Task LoggingOnly_Silent() =>
            Verify.VerifyAnalyzerAsync(App(ExactlyOnce, @"        builder.Stream<string, string>(""clicks"").Foreach((k, v, c) => Console.WriteLine(v));"));

        [Fact]
        public Task ProcessorClassWithDatabaseCall_Reports() =>
            Verify.VerifyAnalyzerAsync(App(
                ExactlyOnce,
                @"        builder.Stream<string, string>(""clicks"").{|SL2007:Process|}(ProcessorBuilder.New<string, string>().Processor<Saver>().Build());",
                @"    class Saver : IProcessor<string, string>
    {
        public System.Data.Common.DbCommand Command;
        public void Init(ProcessorContext<string, string> context) { }
        public void Process(Record<string, string> record) => Command.ExecuteNonQuery();
        public void Close() { }
    }"));

        [Fact]
        public Task ConfiguredTypeFromOption_Reports() =>
            Verify.VerifyAnalyzerAsync(
                App(ExactlyOnce, @"        builder.Stream<string, string>(""clicks"").Foreach((k, v, c) => Mailer.{|SL2007:Send|}(v));", @"    public static class Mailer { public static void Send(string text) { } }"),
                "streamlint.SL2007.side_effect_types = ClickApp+Mailer\n",
                Libraries.Streamiz);

        [Fact]
        public Task ConfigContentUnknown_Silent() =>
            Verify.VerifyAnalyzerAsync(Usings + @"
using System.Net.Http;

static class ClickApp
{
    static void Run(IDictionary<string, dynamic> settings)
    {
        var config = new StreamConfig(settings, null);
        var builder = new StreamBuilder();
        builder.Stream<string, string>(""clicks"").Foreach((k, v, c) => new HttpClient().PostAsync(""http://audit"", new StringContent(v)).Wait());
        var stream = new KafkaStream(builder.Build(), config);
    }
}
");
    }
}
