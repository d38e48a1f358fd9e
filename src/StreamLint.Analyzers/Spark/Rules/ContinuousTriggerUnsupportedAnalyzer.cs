using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1016: Trigger.Continuous(…) on a plan with anything beyond projections and filters (aggregation, join,
    /// dedup, watermark, sort, …: E29a), with a current-time function (E29b), or with ForeachBatch.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ContinuousTriggerUnsupportedAnalyzer : SparkAnalyzer
    {
        public ContinuousTriggerUnsupportedAnalyzer()
            : base(Descriptors.SL1016_ContinuousTriggerUnsupported)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterStartedQueries(context, spark, (c, query) => Analyze(c, query, spark));

        private static void Analyze(MemberContext context, StartedQuery query, SparkCompilation spark)
        {
            IInvocationOperation? continuous = query.Writer.Calls
                .Where(call => call.TargetMethod.Name == "Trigger")
                .Select(call => OperationFacts.Argument(call, 0))
                .OfType<IInvocationOperation>()
                .LastOrDefault();
            if (continuous is not { TargetMethod.Name: "Continuous" } || !query.Writer.Complete)
            {
                return;
            }

            (string What, string Message)? problem = null;
            if (query.Facts.Sink == "foreachBatch")
            {
                problem = ("ForeachBatch", "'foreachBatch' is not supported with continuous trigger");
            }
            else if (query.Plan is { Kind: Streamingness.Streaming } plan)
            {
                // Spark checks the plan from the source up, so it names the operator nearest the source: the last one
                // met walking from the sink.
                foreach (PlanNode node in PlanQueries.Nodes(plan))
                {
                    if (SparkNodeName(node) is { } nodeName)
                    {
                        problem = ($"the {nodeName} operation", $"Continuous processing does not support {nodeName} operations.");
                    }
                    else if (node is UnaryNode { Projection: { CallsCurrentTime: true } })
                    {
                        problem = ("a current-time function", "Continuous processing does not support current time operations.");
                    }
                }
            }

            if (problem is { } found)
            {
                SyntaxNode site = context.LocalOr(continuous.Syntax, query.Start.Syntax);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL1016_ContinuousTriggerUnsupported,
                    OperationFacts.NameLocation(site),
                    found.What,
                    found.Message));
            }
        }

        /// <summary>Spark's logical node name for an operator continuous processing rejects; null for supported or unknown ones.</summary>
        private static string? SparkNodeName(PlanNode node) => node switch
        {
            AggregateNode => "Aggregate",
            DeduplicateNode => "Deduplicate",
            JoinNode => "Join",
            WatermarkNode => "EventTimeWatermark",
            CombineNode { Operator: "CrossJoin" } => "Join",
            CombineNode { Operator: "Union" or "UnionByName" } => "Union",
            CombineNode { Operator: "Except" or "ExceptAll" } => "Except",
            CombineNode { Operator: "Intersect" or "IntersectAll" } => "Intersect",
            UnaryNode { Operator: "OrderBy" or "Sort" or "SortWithinPartitions" } => "Sort",
            UnaryNode { Operator: "Limit" } => "LocalLimit",
            UnaryNode { Operator: "Sample" } => "Sample",
            UnaryNode { Operator: "Repartition" or "Coalesce", Partitions: not null } => "Repartition",
            _ => null,
        };
    }
}
