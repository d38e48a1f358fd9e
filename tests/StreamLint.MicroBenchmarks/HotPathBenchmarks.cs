using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamLint.Core;
using StreamLint.Kafka;
using StreamLint.Spark;
using StreamLint.Spark.Sql;
using StreamLint.Streamiz;

namespace StreamLint.MicroBenchmarks
{
    /// <summary>
    /// The shared hot paths on their own, without the analyzer driver: each family's per-file member pass (the members
    /// that call the library, bound once, with their calls), Spark's lineage evaluation of a file's started queries,
    /// the relevance scan of a file that names no streaming library, and the SQL reader on fixed strings. Every
    /// invocation works on a freshly parsed tree in a new compilation (the references stay bound), so no per-tree or
    /// per-compilation cache of an earlier invocation is reused; <see cref="Bind"/> is the binding floor under the
    /// member passes.
    /// </summary>
    [MemoryDiagnoser]
    public class HotPathBenchmarks
    {
        /// <summary>SQL text as pipelines write it: Kafka parsing, Kafka sink shaping, aggregations, a windowed query.</summary>
        private static readonly string[] SelectItems =
        {
            "CAST(key AS STRING) AS userId",
            "CAST(value AS STRING) AS json",
            "from_json(json, 'userId STRING, page STRING, ts TIMESTAMP') AS data",
            "data.*",
            "timestamp AS eventTime",
            "to_json(struct(*)) AS value",
            "count(DISTINCT userId) AS visitors",
            "CASE WHEN amount > 100 THEN 'large' ELSE 'small' END AS size",
            "unix_timestamp(eventTime) - unix_timestamp(current_timestamp()) AS lag",
            "window(eventTime, '10 minutes', '5 minutes') AS w",
        };

        private const string Query =
            "SELECT window(eventTime, '10 minutes') AS w, page, count(*) AS views, approx_count_distinct(userId) AS users " +
            "FROM clicks c JOIN pages p ON c.page = p.id AND p.active = true " +
            "WHERE c.eventTime > now() - INTERVAL 1 HOUR GROUP BY window(eventTime, '10 minutes'), page HAVING count(*) > 10";

        private static readonly Lazy<Compilation> SparkInput = new Lazy<Compilation>(() => Inputs.Create("Spark", Inputs.Spark, Inputs.SparkReference));
        private static readonly Lazy<Compilation> StreamizInput = new Lazy<Compilation>(() => Inputs.Create("Streamiz", Inputs.Streamiz, Inputs.StreamizReference));
        private static readonly Lazy<Compilation> KafkaInput = new Lazy<Compilation>(() => Inputs.Create("Kafka", Inputs.Kafka, Inputs.ConfluentReference));
        private static readonly Lazy<Compilation> RelevanceInput = new Lazy<Compilation>(() => Inputs.Create("Business", Inputs.Business, Inputs.SparkReference, Inputs.StreamizReference, Inputs.ConfluentReference));

        [GlobalSetup]
        public void Setup()
        {
            _ = SparkInput.Value;
            _ = StreamizInput.Value;
            _ = KafkaInput.Value;
            _ = RelevanceInput.Value;
        }

        /// <summary>The floor: binding every member of the Spark file to operations, which any per-file pass pays.</summary>
        [Benchmark]
        public int Bind()
        {
            SemanticModel model = Fresh(SparkInput.Value);
            int operations = 0;
            foreach (SyntaxNode member in model.SyntaxTree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax>())
            {
                operations += model.GetOperation(member) is null ? 0 : 1;
            }

            return operations;
        }

        [Benchmark]
        public int SparkMemberPass()
        {
            SemanticModel model = Fresh(SparkInput.Value);
            return SparkCompilation.For(model.Compilation)!.MembersIn(model, CancellationToken.None).Length;
        }

        /// <summary>The member pass and every started query's lineage: the difference is the lineage evaluation (with the SQL reader).</summary>
        [Benchmark]
        public int SparkMemberPassAndLineage()
        {
            SemanticModel model = Fresh(SparkInput.Value);
            SparkCompilation spark = SparkCompilation.For(model.Compilation)!;
            return spark.MembersIn(model, CancellationToken.None).Sum(m => m.Queries(spark, CancellationToken.None).Length);
        }

        [Benchmark]
        public int StreamizMemberPass()
        {
            SemanticModel model = Fresh(StreamizInput.Value);
            return StreamizCompilation.For(model.Compilation)!.MembersIn(model, CancellationToken.None).Length;
        }

        [Benchmark]
        public int KafkaMemberPass()
        {
            SemanticModel model = Fresh(KafkaInput.Value);
            return KafkaCompilation.For(model.Compilation)!.MembersIn(model, CancellationToken.None).Length;
        }

        /// <summary>The text scan that keeps files naming no streaming library out of every family's pass.</summary>
        [Benchmark]
        public int Relevance()
        {
            SemanticModel model = Fresh(RelevanceInput.Value);
            Compilation compilation = model.Compilation;
            TreeText text = TreeText.For(model.SyntaxTree);
            int relevant = 0;
            relevant += text.IsRelevant(SparkCompilation.For(compilation)!.Symbols.Scan.Words, CancellationToken.None) ? 1 : 0;
            relevant += text.IsRelevant(StreamizCompilation.For(compilation)!.Symbols.Scan.Words, CancellationToken.None) ? 1 : 0;
            relevant += text.IsRelevant(KafkaCompilation.For(compilation)!.Symbols.Scan.Words, CancellationToken.None) ? 1 : 0;
            return relevant;
        }

        /// <summary>The SQL reader on ten <c>SelectExpr</c> items and one <c>Sql</c> query with a join, a window and HAVING.</summary>
        [Benchmark]
        public int SqlReader()
        {
            int read = 0;
            foreach (string item in SelectItems)
            {
                read += SqlText.ParseSelectItem(item) is null ? 0 : 1;
            }

            return read + (SqlText.ParseQuery(Query) is null ? 0 : 1);
        }

        private static SemanticModel Fresh(Compilation compilation)
        {
            SyntaxTree old = compilation.SyntaxTrees.First();
            SyntaxTree fresh = CSharpSyntaxTree.ParseText(old.GetText(), (CSharpParseOptions)old.Options, old.FilePath);
            return compilation.ReplaceSyntaxTree(old, fresh).GetSemanticModel(fresh);
        }
    }
}
