using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static StreamLint.Tests.Streamiz.StreamizCode;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Streamiz.Rules.StatefulProcessAfterKeyChangeAnalyzer,
    StreamLint.CodeFixes.Streamiz.InsertRepartitionCodeFix>;

namespace StreamLint.Tests.Streamiz
{
    public class SL2005Tests
    {
        private const string Processor = @"
    class Sessions : IProcessor<string, string>
    {
        public void Init(ProcessorContext<string, string> context) { }
        public void Process(Record<string, string> record) { }
        public void Close() { }
    }

    static ProcessorSupplier<string, string> WithStore() =>
        ProcessorBuilder.New<string, string>()
            .Processor<Sessions>()
            .StateStore(Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore(""sessions""), new StringSerDes(), new StringSerDes()))
            .Build();

    static ProcessorSupplier<string, string> WithoutStore() =>
        ProcessorBuilder.New<string, string>().Processor<Sessions>().Build();";

        [Fact]
        public Task StatefulProcessAfterSelectKey_Warning() =>
            Verify.VerifyAnalyzerAsync(
                Topology(@"        builder.Stream<string, string>(""clicks"").SelectKey((k, v, c) => v).{|#0:Process|}(WithStore());", Processor),
                new DiagnosticResult("SL2005", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Process", "SelectKey"));

        [Fact]
        public Task StoreNamesAfterMapThroughLocalsAndFilter_Reports() =>
            Verify.VerifyAnalyzerAsync(Topology(@"        var keyed = builder.Stream<string, string>(""clicks"").Map((k, v, c) => KeyValuePair.Create(v, k));
        var valid = keyed.Filter((k, v, c) => v != null);
        valid.{|SL2005:Process|}(WithoutStore(), null, ""sessions"");", Processor));

        [Fact]
        public Task KeyChangedInAHelper_Reports() =>
            Verify.VerifyAnalyzerAsync(Topology(
                @"        ByUser(builder.Stream<string, string>(""clicks"")).{|SL2005:Process|}(WithStore());",
                Processor + @"

    static IKStream<string, string> ByUser(IKStream<string, string> clicks) => clicks.SelectKey((k, v, c) => v);"));

        [Fact]
        public Task RepartitionBetween_Silent() =>
            Verify.VerifyAnalyzerAsync(Topology(@"        builder.Stream<string, string>(""clicks"").SelectKey((k, v, c) => v).Repartition().Process(WithStore());", Processor));

        [Fact]
        public Task StatelessProcessorAfterKeyChange_Silent() =>
            Verify.VerifyAnalyzerAsync(Topology(@"        builder.Stream<string, string>(""clicks"").SelectKey((k, v, c) => v).Process(WithoutStore());", Processor));

        [Fact]
        public Task KeyChangeOnOnlyOneBranchPath_Silent() =>
            Verify.VerifyAnalyzerAsync(Topology(@"        var clicks = builder.Stream<string, string>(""clicks"");
        if (DateTime.Now.Hour > 12)
        {
            clicks = clicks.SelectKey((k, v, c) => v);
        }

        clicks.Process(WithStore());", Processor));

        [Fact]
        public Task KeyChangeOnBothBranchPaths_Reports() =>
            Verify.VerifyAnalyzerAsync(Topology(@"        IKStream<string, string> clicks;
        if (DateTime.Now.Hour > 12)
        {
            clicks = builder.Stream<string, string>(""clicks"").SelectKey((k, v, c) => v);
        }
        else
        {
            clicks = builder.Stream<string, string>(""clicks"").SelectKey((k, v, c) => v);
        }

        clicks.{|SL2005:Process|}(WithStore());".Replace("(k, v, c) => v);\n        }\n        else", "(k, v, c) => v);\n        }\n        else"), Processor));

        [Fact]
        public Task Fix_InsertsRepartition() =>
            Verify.VerifyCodeFixAsync(
                Topology(@"        builder.Stream<string, string>(""clicks"").SelectKey((k, v, c) => v).{|SL2005:Process|}(WithStore());", Processor),
                Topology(@"        builder.Stream<string, string>(""clicks"").SelectKey((k, v, c) => v).Repartition().Process(WithStore());", Processor),
                "SL2005.Repartition");
    }
}
