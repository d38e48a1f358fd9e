using System;
using System.Collections.Generic;

namespace StreamLint.Benchmarks
{
    /// <summary>Streamiz.Kafka.Net topologies written against the real package (1.8.2).</summary>
    internal static partial class CorpusGenerator
    {
        private static readonly int[] WindowMinutes = { 1, 5, 10, 15, 60 };
        private static readonly int[] GraceSeconds = { 10, 30, 60, 120, 300 };

        /// <summary>
        /// A topology class: a timestamp extractor, a validation pipeline, a windowed count (tumbling or hopping, with
        /// or without a suppression), a re-keyed aggregate and a branch, started by a <c>KafkaStream</c> on a
        /// <c>StreamConfig</c>. About one part in five carries a mistake a Streamiz rule must report; each planted mistake
        /// is counted in <paramref name="planted"/> under the rule's ID.
        /// </summary>
        private static GeneratedFile StreamizFile(Random random, int index, Dictionary<string, int> planted)
        {
            var e = new Entity(random);
            string n = e.Name;
            string topic = Kebab(e.Domain) + "-" + Kebab(n);
            bool wallClock = random.Next(100) < 10;
            bool implicitGrace = random.Next(100) < 20;
            bool keepsKey = random.Next(100) < 20;
            bool noGuarantee = random.Next(100) < 20;
            bool hopping = random.Next(3) == 0;
            bool suppress = !implicitGrace && random.Next(2) == 0;
            int minutes = Pick(random, WindowMinutes);
            int grace = Pick(random, GraceSeconds);
            string window = hopping
                ? implicitGrace
                    ? $"HoppingWindowOptions.Of(TimeSpan.FromMinutes({minutes}), TimeSpan.FromMinutes({minutes}) / 2)"
                    : $"HoppingWindowOptions.Of(TimeSpan.FromMinutes({minutes}), TimeSpan.FromMinutes({minutes}) / 2, TimeSpan.FromSeconds({grace}))"
                : implicitGrace
                    ? $"TumblingWindowOptions.Of(TimeSpan.FromMinutes({minutes}))"
                    : $"TumblingWindowOptions.Of(TimeSpan.FromMinutes({minutes}), TimeSpan.FromSeconds({grace}))";

            var w = new CodeWriter();
            Usings(w, "System.Globalization", "System.Text.Json", "Confluent.Kafka", "Contoso.Common", "Streamiz.Kafka.Net", "Streamiz.Kafka.Net.Processors", "Streamiz.Kafka.Net.SerDes", "Streamiz.Kafka.Net.State", "Streamiz.Kafka.Net.Stream", "Streamiz.Kafka.Net.Table");
            w.Open($"namespace Contoso.{e.Domain}.T{index}");
            EntityTypes(w, e);

            // The event time: read from the payload, the record's own timestamp as the fallback.
            string mainPath = wallClock
                ? "return DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();"
                : "return dto is not null ? dto.CreatedAt.ToUnixTimeMilliseconds() : Math.Max(record.Message.Timestamp.UnixTimestampMs, partitionTime);";
            w.Block($$"""
                public sealed class {{n}}EventTime : ITimestampExtractor
                {
                    public long Extract(ConsumeResult<object, object> record, long partitionTime)
                    {
                        {{n}}Dto? dto = record.Message.Value is string json ? JsonSerializer.Deserialize<{{n}}Dto>(json) : null;
                        {{mainPath}}
                    }
                }

                """);
            if (wallClock)
            {
                Plant(planted, "SL2001");
            }

            w.Block($$"""
                public sealed class {{n}}Topology
                {
                    private readonly ILog log;

                    public {{n}}Topology(ILog log) => this.log = log;

                    public Topology Build()
                    {
                        var builder = new StreamBuilder();
                        builder.Stream<string, string>("{{topic}}")
                            .Filter((key, value, context) => !string.IsNullOrEmpty(value))
                            .MapValues((value, context) => JsonSerializer.Deserialize<{{n}}Dto>(value))
                            .Filter((key, dto, context) => dto is not null && dto.Amount > {{random.Next(100)}})
                            .MapValues((dto, context) => JsonSerializer.Serialize(dto))
                            .To("{{topic}}-valid");

                        IKStream<string, string> audit = builder.Stream<string, string>("{{topic}}-audit");
                        IKTable<Windowed<string>, long> counts = audit
                            .SelectKey((key, value, context) => key.ToUpperInvariant())
                            .Repartition()
                            .GroupByKey()
                            .WindowedBy({{window}})
                            .Count();
                """);
            if (implicitGrace)
            {
                Plant(planted, "SL2002");
            }

            if (suppress)
            {
                w.Line($"        counts = counts.Suppress(SuppressedBuilder.UntilWindowClose<Windowed<string>, long>(TimeSpan.FromSeconds({grace}), StrictBufferConfig.Bounded({1000 * (1 + random.Next(50))})));");
            }

            string rekey = keepsKey
                ? "            .Map((key, value, context) => KeyValuePair.Create(key, value.Trim()))"
                : "            .MapValues((value, context) => value.Trim())";
            w.Block($$"""
                        counts
                            .ToStream((window, count, context) => window.Key)
                            .Peek((key, count, context) => this.log.Info($"{key}: {count}"))
                            .Foreach((key, count, context) => this.Record(key, count));

                        IKStream<string, string>[] branches = builder.Stream<string, string>("{{topic}}-commands")
                            .Branch((key, value, context) => value.StartsWith("create", StringComparison.Ordinal), (key, value, context) => value.StartsWith("cancel", StringComparison.Ordinal));
                        branches[0].To("{{topic}}-creates");
                        branches[1].To("{{topic}}-cancels");

                        builder.Stream<string, string>("{{topic}}-amounts")
                {{rekey}}
                            .GroupByKey()
                            .Aggregate(() => "0", (key, value, total) => (decimal.Parse(total, CultureInfo.InvariantCulture) + decimal.Parse(value, CultureInfo.InvariantCulture)).ToString("0.00", CultureInfo.InvariantCulture))
                            .ToStream()
                            .To("{{topic}}-totals");
                        return builder.Build();
                    }

                    public async Task RunAsync(string bootstrapServers, CancellationToken cancellationToken)
                    {
                        var config = new StreamConfig<StringSerDes, StringSerDes>
                        {
                            ApplicationId = "{{topic}}-app",
                            BootstrapServers = bootstrapServers,
                            NumStreamThreads = {{1 + random.Next(4)}},
                            CommitIntervalMs = {{100 * (1 + random.Next(50))}},
                            DefaultTimestampExtractor = new {{n}}EventTime(),
                """);
            if (keepsKey)
            {
                Plant(planted, "SL2006");
            }

            if (noGuarantee)
            {
                Plant(planted, "SL2009");
            }
            else
            {
                w.Line("            Guarantee = ProcessingGuarantee.EXACTLY_ONCE,");
            }

            w.Block($$"""
                        };

                        var stream = new KafkaStream(this.Build(), config);
                        try
                        {
                            await stream.StartAsync(cancellationToken).ConfigureAwait(false);
                            this.log.Info("{{n}} topology started");
                            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException)
                        {
                            this.log.Info("{{n}} topology stopping");
                        }
                        finally
                        {
                            stream.Dispose();
                        }
                    }

                    private void Record(string key, long count)
                    {
                        if (count > {{10 + random.Next(1000)}})
                        {
                            this.log.Warn($"{key} is hot: {count}");
                        }
                    }
                }
                """);
            w.Close();
            return Finish(w, $"{e.Domain}/T{index}/{n}Topology.cs", FileKind.Streamiz);
        }

        private static void Plant(Dictionary<string, int> planted, string id) =>
            planted[id] = planted.TryGetValue(id, out int n) ? n + 1 : 1;
    }
}
