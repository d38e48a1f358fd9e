using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;
using Streamiz.Kafka.Net.Table;

namespace PageViewTopology
{
    /// <summary>Page views arrive keyed by user, valued "page|referrer|epochMillis".</summary>
    public sealed class ViewTime : ITimestampExtractor
    {
        public long Extract(ConsumeResult<object, object> record, long partitionTime)
        {
            return DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        }
    }

    public static class Program
    {
        private static readonly HttpClient Alerts = new HttpClient { BaseAddress = new Uri("http://alerts.example/") };

        public static Topology Build()
        {
            var builder = new StreamBuilder();
            IKStream<string, string> views = builder.Stream<string, string>("page-views");

            // 1. Views per page and 5-minute window.
            views
                .SelectKey((user, view, context) => Page(view))
                .GroupByKey()
                .WindowedBy(TumblingWindowOptions.Of(TimeSpan.FromMinutes(5)))
                .Count()
                .ToStream((window, count, context) => window.Key)
                .MapValues((count, context) => count.ToString())
                .To("page-view-counts");

            // 2. Pages viewed per user.
            views
                .Map((user, view, context) => KeyValuePair.Create(user, Page(view)))
                .GroupByKey()
                .Count()
                .ToStream()
                .MapValues((count, context) => count.ToString())
                .To("views-per-user");

            // 3. Hot pages: the final count of each 1-minute window, posted to the alerting service.
            views
                .SelectKey((user, view, context) => Page(view))
                .GroupByKey()
                .WindowedBy(TumblingWindowOptions.Of(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30)))
                .Count()
                .Suppress(SuppressedBuilder.UntilWindowClose<Windowed<string>, long>(TimeSpan.FromSeconds(5), StrictBufferConfig.Bounded(10_000)))
                .ToStream((window, count, context) => window.Key)
                .Filter((page, count, context) => count > 1_000)
                .Foreach((page, count, context) => Alerts.PostAsync("hot-pages/" + page, null).Wait());

            return builder.Build();
        }

        public static async Task Main(string[] args)
        {
            var config = new StreamConfig<StringSerDes, StringSerDes>
            {
                ApplicationId = "page-views",
                BootstrapServers = args.Length > 0 ? args[0] : "localhost:9092",
                Guarantee = ProcessingGuarantee.EXACTLY_ONCE,
                DefaultTimestampExtractor = new ViewTime(),
            };

            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };

            var stream = new KafkaStream(Build(), config);
            await stream.StartAsync(cancel.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, cancel.Token);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                stream.Dispose();
            }
        }

        private static string Page(string view) => view.Split('|')[0];
    }
}
