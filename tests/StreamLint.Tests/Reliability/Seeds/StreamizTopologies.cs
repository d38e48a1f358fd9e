// Reliability seed: Streamiz.Kafka.Net topologies in which every SL2xxx rule fires and every Streamiz fix applies —
// extractors with main-path and fallback wall-clock reads, grace-less windows, mismatched suppressions, key changes
// before stateful processors, key-keeping maps, side effects under exactly-once, overridden settings, and a config
// without a guarantee — spread over helpers, locals, fields and lambdas.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using Confluent.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;
using Streamiz.Kafka.Net.Table;

namespace Seeds.StreamizTopologies
{
    public sealed class WallClock : ITimestampExtractor
    {
        public long Extract(ConsumeResult<object, object> record, long partitionTime) => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    }

    public sealed class Fallback : ITimestampExtractor
    {
        public long Extract(ConsumeResult<object, object> record, long partitionTime)
        {
            long ts = record.Message.Timestamp.UnixTimestampMs;
            if (ts < 0)
            {
                return DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond;
            }

            return ts;
        }
    }

    public sealed class Sessions : IProcessor<string, string>
    {
        public void Init(ProcessorContext<string, string> context) { }

        public void Process(Record<string, string> record) => File.AppendAllText("sessions.log", record.Value);

        public void Close() { }
    }

    public sealed class ClickTopology
    {
        private static readonly HttpClient Http = new HttpClient();
        private readonly TumblingWindowOptions window;

        public ClickTopology() => this.window = TumblingWindowOptions.Of(TimeSpan.FromMinutes(1));

        public KafkaStream Start()
        {
            var builder = new StreamBuilder();
            var clicks = builder.Stream<string, string>("clicks");
            Counts(clicks, this.window)
                .Suppress(SuppressedBuilder.UntilWindowClose<Windowed<string>, long>(TimeSpan.FromMinutes(1), StrictBufferConfig.Unbounded()))
                .ToStream()
                .To("counts");
            clicks.SelectKey((k, v, c) => v).Process(WithStore());
            clicks.Map((k, v, c) => KeyValuePair.Create(k, v.Length)).GroupByKey().Count();
            clicks.Foreach((k, v, c) => Http.PostAsync("http://audit", new StringContent(v)).Wait());
            clicks.Join(clicks, (a, b) => a + b, JoinWindowOptions.Of(5_000)).To("pairs");
            return new KafkaStream(builder.Build(), Settings());
        }

        public KafkaStream StartPlain()
        {
            var builder = new StreamBuilder();
            builder.Stream<string, string>("views").GroupByKey().WindowedBy(HoppingWindowOptions.Of(60_000, 10_000)).Count().ToStream().To("view-counts");
            var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = "views" };
            return new KafkaStream(builder.Build(), config);
        }

        private static IKTable<Windowed<string>, long> Counts(IKStream<string, string> clicks, TumblingWindowOptions options) =>
            clicks.GroupByKey().WindowedBy(options).Count();

        private static ProcessorSupplier<string, string> WithStore() =>
            ProcessorBuilder.New<string, string>()
                .Processor<Sessions>()
                .StateStore(Stores.KeyValueStoreBuilder(Stores.InMemoryKeyValueStore("sessions"), new StringSerDes(), new StringSerDes()))
                .Build();

        private static StreamConfig Settings()
        {
            var config = new StreamConfig<StringSerDes, StringSerDes>
            {
                ApplicationId = "clicks",
                Guarantee = ProcessingGuarantee.EXACTLY_ONCE,
                IsolationLevel = IsolationLevel.ReadCommitted,
            };
            config.EnableIdempotence = true;
            config.DefaultTimestampExtractor = new Fallback();
            return config;
        }
    }
}
