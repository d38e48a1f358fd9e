using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1001: a streaming aggregation written in Append mode when no grouping key carries a watermark — the
    /// event-time column itself, or Window(col, …) over it, watermarked upstream. Spark's checker (B7a) looks at
    /// the aggregation closest to the sink and rejects the query at Start().
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AppendAggregationWithoutWatermarkAnalyzer : SparkAnalyzer
    {
        /// <summary>Property: the column a Window key is built on (the watermark fix needs it).</summary>
        public const string EventTimeColumnProperty = "EventTimeColumn";

        /// <summary>Property: "Call" when an OutputMode(…) call sets Append, "Default" when Append is Spark's default.</summary>
        public const string ModeSourceProperty = "ModeSource";

        /// <summary>Property: present when the sink is known to accept Update mode (file sinks are Append-only).</summary>
        public const string UpdateSupportedProperty = "UpdateSupported";

        /// <summary>Sinks that accept Update output mode; file formats (parquet, json, csv, orc, text, delta) accept only Append/Complete.</summary>
        private static readonly ImmutableHashSet<string> UpdateCapableSinks =
            ImmutableHashSet.Create("console", "memory", "noop", "kafka", "foreach", "foreachBatch");

        public AppendAggregationWithoutWatermarkAnalyzer()
            : base(Descriptors.SL1001_AppendAggregationWithoutWatermark)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterStartedQueries(context, spark, (c, query) => Analyze(c, query, spark));

        private static void Analyze(MemberContext context, StartedQuery query, SparkCompilation spark)
        {
            if (query.Facts.OutputMode != OutputModeFact.Append
                || query.Plan is not { Kind: Streamingness.Streaming } plan)
            {
                return;
            }

            // Every path into the query must end in a streaming aggregation proven to lack a watermarked key.
            ImmutableArray<AggregateNode> aggregates = PlanQueries.TopmostAggregates(plan);
            string? eventTimeColumn = null;
            if (aggregates.IsDefaultOrEmpty
                || aggregates.Any(a => a.Child.Kind != Streamingness.Streaming || !ProvenWithoutWatermarkedKey(a, out eventTimeColumn)))
            {
                return;
            }

            AggregateNode aggregate = aggregates[0];
            bool local = aggregates.Length == 1 && context.Contains(aggregate.Syntax);
            Location location = OperationFacts.NameLocation(local ? aggregate.Syntax : query.Start.Syntax);

            // Additional locations, for the fixes: [0] where Append comes from (OutputMode call or WriteStream()), [1] GroupBy.
            SyntaxNode modeSite = query.Facts.OutputModeCall?.Syntax ?? query.Writer.Origin;
            var additional = ImmutableArray.CreateBuilder<Location>();
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[ModeSourceProperty] = query.Facts.OutputModeCall is null ? "Default" : "Call";
            if (!query.IsToTable && query.Facts.Sink is { } sink && UpdateCapableSinks.Contains(sink))
            {
                properties[UpdateSupportedProperty] = "true";
            }

            if (context.Contains(modeSite))
            {
                additional.Add(modeSite.GetLocation());
                if (local && aggregate.GroupingCall is { } grouping && eventTimeColumn is not null && context.Contains(grouping))
                {
                    additional.Add(grouping.GetLocation());
                    properties[EventTimeColumnProperty] = eventTimeColumn;
                }
            }

            string modeNote = query.Facts.OutputModeCall is null ? " (Spark's default when no OutputMode is set)" : string.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SL1001_AppendAggregationWithoutWatermark,
                location,
                additional.ToImmutable(),
                properties.ToImmutable(),
                aggregate.Function,
                modeNote));
        }

        /// <summary>
        /// True only when every grouping key is known and none is a watermarked attribute. Keys computed from columns
        /// and keys the model cannot follow keep the rule silent. <paramref name="eventTimeColumn"/> is the column a
        /// Window key is built on, when there is one.
        /// </summary>
        private static bool ProvenWithoutWatermarkedKey(AggregateNode aggregate, out string? eventTimeColumn)
        {
            eventTimeColumn = null;
            ColumnSet watermarks = aggregate.Child.Watermarks;
            if (!watermarks.IsCertain)
            {
                return false;
            }

            foreach (ColumnExpr? key in aggregate.Keys)
            {
                if (key is not (ColumnRef or AliasColumn or WindowColumn) || key.AttributeSource is not { } source
                    || source.IndexOf('.') >= 0 || source.IndexOf('`') >= 0 || watermarks.Contains(source))
                {
                    return false;
                }

                if (key.Window is { TimeColumn: ColumnRef time })
                {
                    eventTimeColumn ??= time.Name;
                }
            }

            return true;
        }
    }
}
