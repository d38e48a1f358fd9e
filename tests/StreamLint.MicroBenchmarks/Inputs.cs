using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StreamLint.MicroBenchmarks
{
    /// <summary>The fixed inputs: one small compilation per family, plus code that names no streaming library.</summary>
    public static class Inputs
    {
        public const string Spark = """
            using System;
            using Microsoft.Spark.Sql;
            using Microsoft.Spark.Sql.Streaming;
            using static Microsoft.Spark.Sql.Functions;

            namespace Fixed.Spark
            {
                public sealed class ClickJobs
                {
                    private readonly SparkSession spark;

                    public ClickJobs(SparkSession spark) => this.spark = spark;

                    private DataFrame ReadKafka(string topic) =>
                        this.spark.ReadStream().Format("kafka")
                            .Option("kafka.bootstrap.servers", "broker:9092")
                            .Option("subscribe", topic)
                            .Load()
                            .SelectExpr("CAST(value AS STRING) AS json", "timestamp AS eventTime");

                    public StreamingQuery CountsWithoutWatermark()
                    {
                        DataFrame events = this.ReadKafka("clicks");
                        return events.GroupBy(Window(Col("eventTime"), "5 minutes"), Col("json"))
                            .Count()
                            .WriteStream()
                            .OutputMode("append")
                            .Format("console")
                            .Start();
                    }

                    public StreamingQuery CountsWithWatermark()
                    {
                        DataFrame events = this.ReadKafka("clicks").WithWatermark("eventTime", "10 minutes");
                        DataFrame counts = events.GroupBy(Window(Col("eventTime"), "5 minutes")).Agg(Count(Col("json")).Alias("n"));
                        DataStreamWriter writer = counts.WriteStream().OutputMode("update").Format("parquet");
                        writer = writer.Option("checkpointLocation", "/chk/counts").Option("path", "/out/counts");
                        return writer.Trigger(Trigger.ProcessingTime("1 minute")).Start();
                    }

                    public StreamingQuery ForwardWithoutCheckpoint() =>
                        this.ReadKafka("orders").Filter("json IS NOT NULL")
                            .WriteStream().Format("kafka")
                            .Option("kafka.bootstrap.servers", "broker:9092")
                            .Option("topic", "orders-copy")
                            .Start();

                    public StreamingQuery Enriched(DataFrame customers)
                    {
                        DataFrame joined = this.ReadKafka("payments").WithWatermark("eventTime", "1 hour")
                            .Join(customers, "json")
                            .DropDuplicates("json")
                            .SelectExpr("json", "upper(json) AS key", "eventTime");
                        return joined.WriteStream()
                            .ForeachBatch((batch, id) => batch.Write().Mode("append").Parquet("/out/enriched"))
                            .Option("checkpointLocation", "/chk/enriched")
                            .Start();
                    }
                }
            }
            """;

        public const string Streamiz = """
            using System.Threading.Tasks;
            using Streamiz.Kafka.Net;
            using Streamiz.Kafka.Net.SerDes;

            namespace Fixed.Streamiz
            {
                public static class Forwarder
                {
                    public static async Task RunAsync()
                    {
                        var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = "forwarder", BootstrapServers = "broker:9092" };
                        var builder = new StreamBuilder();
                        builder.Stream<string, string>("orders").To("orders-copy");
                        var stream = new KafkaStream(builder.Build(), config);
                        await stream.StartAsync();
                    }
                }
            }
            """;

        public const string Kafka = """
            using System.Threading;
            using Confluent.Kafka;

            namespace Fixed.Kafka
            {
                public static class Worker
                {
                    public static void Run(CancellationToken token)
                    {
                        var config = new ConsumerConfig { BootstrapServers = "broker:9092", GroupId = "worker", EnableAutoCommit = false, AutoOffsetReset = AutoOffsetReset.Earliest };
                        using IConsumer<string, string> consumer = new ConsumerBuilder<string, string>(config).Build();
                        using IProducer<string, string> producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = "broker:9092" }).Build();
                        consumer.Subscribe("orders");
                        while (!token.IsCancellationRequested)
                        {
                            ConsumeResult<string, string> result = consumer.Consume(token);
                            producer.Produce("orders-copy", new Message<string, string> { Key = result.Message.Key, Value = result.Message.Value });
                            consumer.Commit(result);
                        }
                    }
                }
            }
            """;

        /// <summary>Ordinary code: LINQ, records, async, and words (GroupBy, Select, Filter) that streaming code also writes.</summary>
        public static readonly string Business = string.Concat(Enumerable.Range(0, 20).Select(i => $$"""
            namespace Fixed.Business{{i}}
            {
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;

                public sealed record Order{{i}}(Guid Id, string Region, decimal Amount, DateTimeOffset CreatedAt);

                public sealed class OrderService{{i}}
                {
                    private readonly List<Order{{i}}> orders = new List<Order{{i}}>();

                    public IReadOnlyDictionary<string, decimal> TotalsByRegion() =>
                        this.orders.Where(o => o.Amount > 0).GroupBy(o => o.Region).ToDictionary(g => g.Key, g => g.Sum(o => o.Amount));

                    public async Task<int> CountAsync(Func<Order{{i}}, bool> filter)
                    {
                        await Task.Yield();
                        return this.orders.Count(filter);
                    }

                    public string Describe(Order{{i}} order) => order switch
                    {
                        { Amount: > 1000 } => "large",
                        { Region: "eu" or "us" } => "domestic",
                        _ => "other",
                    };
                }
            }

            """));

        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);

        private static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyRuntime = new Lazy<ImmutableArray<MetadataReference>>(() =>
        {
            string runtimeDirectory = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory());
            string paths = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            return paths.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => Path.GetFullPath(p).StartsWith(runtimeDirectory, StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        });

        public static MetadataReference SparkReference { get; } = MetadataReference.CreateFromFile(typeof(Microsoft.Spark.Sql.DataFrame).Assembly.Location);

        public static MetadataReference StreamizReference { get; } = MetadataReference.CreateFromFile(typeof(global::Streamiz.Kafka.Net.StreamBuilder).Assembly.Location);

        public static MetadataReference ConfluentReference { get; } = MetadataReference.CreateFromFile(typeof(global::Confluent.Kafka.ConsumerConfig).Assembly.Location);

        /// <summary>A compilation of <paramref name="source"/>; checked to have no errors, and its references bound.</summary>
        public static Compilation Create(string name, string source, params MetadataReference[] libraries)
        {
            var tree = CSharpSyntaxTree.ParseText(source, ParseOptions, "/fixed/" + name + ".cs", Encoding.UTF8);
            Compilation compilation = CSharpCompilation.Create(name, new[] { tree }, LazyRuntime.Value.AddRange(libraries), Options);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"The fixed {name} input has errors:\n" + string.Join("\n", errors.Take(10)));
            }

            return compilation;
        }
    }
}
