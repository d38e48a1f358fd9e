using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core.Options;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1010: a streaming query started (Start, ToTable) without Option("checkpointLocation", …) while no
    /// spark.sql.streaming.checkpointLocation is set in the compilation. Console, memory and noop sinks are exempt:
    /// Spark gives them a throw-away checkpoint on purpose.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MissingCheckpointLocationAnalyzer : SparkAnalyzer
    {
        /// <summary>Property: the per-query checkpoint path the fix inserts.</summary>
        public const string CheckpointPathProperty = "CheckpointPath";


        private const string DefaultSourceConfKey = "spark.sql.sources.default";

        public MissingCheckpointLocationAnalyzer()
            : base(Descriptors.SL1010_MissingCheckpointLocation)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterStartedQueries(context, spark, (c, query) => Analyze(c, query, spark));

        private static void Analyze(MemberContext context, StartedQuery query, SparkCompilation spark)
        {
            IInvocationOperation invocation = query.Start;
            if (query.Facts.MayHaveOption(SparkApi.CheckpointOption)
                || !query.Facts.FormatKnown
                || SinkOf(query, spark, context) is not { } sink
                || SparkApi.ThrowAwayCheckpointSinks.Contains(sink)
                || spark.MentionsConfKey(SparkApi.CheckpointConfKey, context.CancellationToken))
            {
                return;
            }

            string consequence = sink is "foreach" or "foreachBatch"
                ? "Spark then uses a temporary checkpoint, so after a restart the query starts again from startingOffsets and loses its state (records are skipped or written twice)"
                : "Spark throws at Start(): \"checkpointLocation must be specified either through option(\"checkpointLocation\", ...) or SparkSession.conf.set(\"spark.sql.streaming.checkpointLocation\", ...)\"";

            StreamLintOptions options = StreamLintOptions.For(context.Options, invocation.Syntax.SyntaxTree);
            string root = options.Get(SparkOptions.CheckpointRoot);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(CheckpointPathProperty, root.TrimEnd('/') + "/" + QueryLabel(query, context));

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SL1010_MissingCheckpointLocation,
                OperationFacts.NameLocation(invocation.Syntax),
                properties,
                sink,
                consequence));
        }

        /// <summary>The sink Spark will start; null when it cannot be known (the default source is configured in code).</summary>
        private static string? SinkOf(StartedQuery query, SparkCompilation spark, MemberContext context)
        {
            if (query.IsToTable)
            {
                return "table";
            }

            if (query.Facts.Sink is { } sink)
            {
                return sink;
            }

            return spark.MentionsConfKey(DefaultSourceConfKey, context.CancellationToken) ? null : "parquet (default file)";
        }

        /// <summary>The constant topic a Kafka sink writes to (<c>Option("topic", …)</c>); null otherwise.</summary>
        private static string? KafkaTopic(BuilderFacts facts) =>
            facts.FormatKnown && facts.Format == "kafka" && facts.Options.TryGetValue("topic", out IOperation? topic)
                ? OperationFacts.ConstantString(topic)
                : null;

        /// <summary>
        /// A stable, per-query directory name: the query name, else the Kafka topic, the table or the output path, else the enclosing type
        /// and member (numbered when it starts several queries) — so two fixed queries never share a checkpoint.
        /// </summary>
        private static string QueryLabel(StartedQuery query, MemberContext context)
        {
            string? target = query.Facts.QueryName
                ?? KafkaTopic(query.Facts)
                ?? OperationFacts.ConstantString(OperationFacts.Argument(query.Start, 0))?.TrimEnd('/').Split('/').LastOrDefault();
            if (!string.IsNullOrWhiteSpace(target))
            {
                return Sanitize(target!);
            }

            // Type and member, so that methods of the same name in different classes get different directories.
            ISymbol owner = context.OwningSymbol;
            string member = owner is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor
                ? ctor.ContainingType.Name
                : owner.ContainingType is { } type ? type.Name + "-" + owner.Name : owner.Name;
            if (owner.Name.StartsWith("<", System.StringComparison.Ordinal))
            {
                member = "query"; // top-level statements and other unnamed members
            }

            SyntaxNode? body = context.OwningSymbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken);
            if (body is not null)
            {
                var starts = body.DescendantNodes()
                    .OfType<InvocationExpressionSyntax>()
                    .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Start" or "ToTable" })
                    .ToList();
                if (starts.Count > 1)
                {
                    member += "-" + (starts.FindIndex(i => i.Span == query.Start.Syntax.Span) + 1);
                }
            }

            return Sanitize(member);
        }

        private static string Sanitize(string name)
        {
            var builder = new StringBuilder(name.Length);
            foreach (char c in name)
            {
                builder.Append(char.IsLetterOrDigit(c) || c == '-' || c == '_' ? c : '-');
            }

            return builder.ToString();
        }
    }
}
