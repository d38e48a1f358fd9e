using System.Linq;
using StreamLint.Core.Plans;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Plans
{
    /// <summary>The Streamiz provider's plans on representative topologies (golden text, read by eye once).</summary>
    public class StreamizPlanProviderTests
    {
        private const string Header = StreamLint.Tests.Streamiz.StreamizCode.Usings;

        internal static string Text(string source, bool diagnostics = false) =>
            PlanText.Render(Plans.Of(Libraries.Streamiz, Header + source)
                .Where(p => p.Family == "streamiz")
                .Select(p => diagnostics ? p : p.WithDiagnostics(new PlanDiagnostic[0])).ToList());

        internal const string WindowedCount = @"
public static class Clicks
{
    public static void Run()
    {
        var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = ""clicks"", BootstrapServers = ""localhost:9092""GUARANTEE };
        var builder = new StreamBuilder();
        builder.Stream<string, string>(""clicks"")
            .Filter((key, value, context) => value != null)
            .MapValues((value, context) => value.ToUpperInvariant())
            .GroupByKey()
            .WindowedBy(WINDOW)
            .Count()SUPPRESS
            .ToStream()
            .To(""click-counts"");
        var stream = new KafkaStream(builder.Build(), config);
    }
}
";

        private static string Windowed(string window, string guarantee = "", string suppress = "") =>
            WindowedCount.Replace("WINDOW", window).Replace("GUARANTEE", guarantee).Replace("SUPPRESS", suppress);

        [Fact]
        public void Windowed_count_without_grace_runs_at_least_once_by_default()
        {
            Assert.Equal(
                "Clicks.Run topology (streamiz topology, Program.cs:28)\n" +
                "  source     kafka topic clicks\n" +
                "  step       Filter, MapValues\n" +
                "  step       aggregation (Count) by key over tumbling window 5m [state: window 5m + grace 23h55m (implicit: 24h retention minus the size)]\n" +
                "  step       ToStream\n" +
                "  event time record timestamp (default extractor), no watermark\n" +
                "  sink       kafka topic click-counts, output every update (no suppression)\n" +
                "  checkpoint committed consumer offsets and changelog topics of the application id\n" +
                "  guarantee  at-least-once: the StreamConfig the topology runs with never sets Guarantee: Streamiz's default AT_LEAST_ONCE, records may be processed again after a failure\n" +
                "\n",
                Text(Windowed("TumblingWindowOptions.Of(TimeSpan.FromMinutes(5))")));
        }

        [Fact]
        public void Windowed_count_with_grace_and_exactly_once()
        {
            Assert.Equal(
                "Clicks.Run topology (streamiz topology, Program.cs:28)\n" +
                "  source     kafka topic clicks\n" +
                "  step       Filter, MapValues\n" +
                "  step       aggregation (Count) by key over tumbling window 5m [state: window 5m + grace 1m]\n" +
                "  step       ToStream\n" +
                "  event time record timestamp (default extractor), no watermark\n" +
                "  sink       kafka topic click-counts, output every update (no suppression)\n" +
                "  checkpoint committed consumer offsets and changelog topics of the application id\n" +
                "  guarantee  exactly-once: processing.guarantee EXACTLY_ONCE (the StreamConfig the topology runs with)\n" +
                "\n",
                Text(Windowed("TumblingWindowOptions.Of(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1))", ", Guarantee = ProcessingGuarantee.EXACTLY_ONCE")));
        }

        [Fact]
        public void Suppressed_until_window_close_with_an_unbounded_buffer()
        {
            Assert.Equal(
                "Clicks.Run topology (streamiz topology, Program.cs:29)\n" +
                "  source     kafka topic clicks\n" +
                "  step       Filter, MapValues\n" +
                "  step       aggregation (Count) by key over tumbling window 5m [state: window 5m + grace 1m]\n" +
                "  step       Suppress(UntilWindowClose, unbounded buffer)\n" +
                "  step       ToStream\n" +
                "  event time record timestamp (default extractor), no watermark\n" +
                "  sink       kafka topic click-counts, output suppressed: UntilWindowClose, unbounded buffer\n" +
                "  checkpoint committed consumer offsets and changelog topics of the application id\n" +
                "  guarantee  at-least-once: the StreamConfig the topology runs with never sets Guarantee: Streamiz's default AT_LEAST_ONCE, records may be processed again after a failure\n" +
                "\n",
                Text(Windowed("TumblingWindowOptions.Of(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1))", suppress: "\n            .Suppress(SuppressedBuilder.UntilWindowClose<Windowed<string>, long>(TimeSpan.Zero, StrictBufferConfig.Unbounded()))")));
        }

        [Fact]
        public void Topology_split_over_helpers_is_one_plan()
        {
            Assert.Equal(
                "Orders.Start topology (streamiz topology, Program.cs:23)\n" +
                "  source     kafka topic orders\n" +
                "  step       Filter, SelectKey (key changed)\n" +
                "  step       aggregation (Count) by key (repartitioned: the key changed before) [state: unbounded: an aggregation without a window keeps one entry per key]\n" +
                "  step       ToStream\n" +
                "  event time record timestamp (default extractor), no watermark\n" +
                "  sink       kafka topic order-totals, foreach, output every update (no suppression)\n" +
                "  checkpoint committed consumer offsets and changelog topics of the application id\n" +
                "  guarantee  at-least-once: processing.guarantee EXACTLY_ONCE (the StreamConfig the topology runs with) covers Kafka writes and state only: Foreach/Process side effects run again after a failure\n" +
                "\n",
                Text(@"
public class Orders
{
    public void Start()
    {
        var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = ""orders"", BootstrapServers = ""localhost:9092"", Guarantee = ProcessingGuarantee.EXACTLY_ONCE };
        var builder = new StreamBuilder();
        var orders = builder.Stream<string, string>(""orders"");
        Totals(Clean(orders));
        Audit(orders);
        new KafkaStream(builder.Build(), config).StartAsync();
    }

    private static IKStream<string, string> Clean(IKStream<string, string> orders) =>
        orders.Filter((key, value, context) => value.Length > 0).SelectKey((key, value, context) => value.Substring(0, 3));

    private static void Totals(IKStream<string, string> clean) =>
        clean.GroupByKey().Count().ToStream().To(""order-totals"");

    private static void Audit(IKStream<string, string> orders) =>
        orders.Foreach((key, value, context) => Console.WriteLine(value));
}
"));
        }

        [Fact]
        public void Diagnostics_of_the_topology_are_attached()
        {
            string text = Text(Windowed("TumblingWindowOptions.Of(TimeSpan.FromMinutes(5))"), diagnostics: true);
            Assert.Equal(
                "  info       SL2009 line 18: This StreamConfig never sets Guarantee, so the topology it runs (it keeps state in Count) is at-least-once: after a failure, state updates and records written to Kafka are repeated\n" +
                "  warning    SL2002 line 24: TumblingWindowOptions.Of without a grace period: Streamiz uses its 24 h retention minus the window size (23h55m) as grace, so windows accept late records and keep state for about a day",
                string.Join("\n", text.Split('\n').Where(l => l.Contains(" SL"))));
        }
    }
}
