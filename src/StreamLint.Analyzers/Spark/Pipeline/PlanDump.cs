using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>
    /// A readable rendering of what the model infers for a started query — the sink line first, then the plan from
    /// the operator nearest the sink down to the sources, as Spark's <c>explain()</c> prints it, each node with its
    /// facts. It documents the model and is what its direct tests compare.
    /// </summary>
    internal static class PlanDump
    {
        public static string Of(StartedQuery query)
        {
            var text = new StringBuilder();
            BuilderFacts facts = query.Facts;
            text.Append(query.IsToTable ? "ToTable" : "Start")
                .Append(" sink=").Append(facts.FormatKnown ? facts.Sink ?? "?" : "?")
                .Append(" mode=").Append(facts.OutputMode)
                .Append(" checkpoint=").Append(Checkpoint(facts));
            if (query.Writer.Calls.LastOrDefault(c => c.TargetMethod.Name == "Trigger") is { } trigger
                && OperationFacts.Argument(trigger, 0) is IInvocationOperation kind)
            {
                text.Append(" trigger=").Append(kind.TargetMethod.Name);
                if (OperationFacts.ConstantString(OperationFacts.Argument(kind, 0)) is { } interval)
                {
                    text.Append('(').Append(interval).Append(')');
                }
            }

            text.Append('\n');
            if (query.Plan is { } plan)
            {
                Append(text, plan, 1);
            }
            else
            {
                text.Append("  (plan unknown)\n");
            }

            return text.ToString();
        }

        public static string Of(PlanNode plan)
        {
            var text = new StringBuilder();
            Append(text, plan, 0);
            return text.ToString();
        }

        private static string Checkpoint(BuilderFacts facts) =>
            facts.Options.TryGetValue(SparkApi.CheckpointOption, out IOperation? value)
                ? OperationFacts.ConstantString(value) ?? "(set)"
                : facts.OptionsComplete ? "none" : "?";

        private static void Append(StringBuilder text, PlanNode node, int depth)
        {
            text.Append(' ', depth * 2).Append(Describe(node)).Append(' ').Append(Kind(node.Kind));
            if (node.Watermarks.IsCertain && !node.Watermarks.IsEmpty)
            {
                text.Append(" watermark=").Append(Columns(node.Watermarks));
            }
            else if (!node.Watermarks.IsCertain)
            {
                text.Append(" watermark=?");
            }

            if (node.ProcessingTime.IsCertain && !node.ProcessingTime.IsEmpty)
            {
                text.Append(" processing-time=").Append(Columns(node.ProcessingTime));
            }

            text.Append('\n');
            foreach (PlanNode input in Inputs(node))
            {
                Append(text, input, depth + 1);
            }
        }

        private static IEnumerable<PlanNode> Inputs(PlanNode node) => node switch
        {
            CombineNode combine => combine.Right is null ? new[] { combine.Left } : new[] { combine.Left, combine.Right },
            MergeNode merge => merge.Alternatives,
            _ => node.Child is { } child ? new[] { child } : System.Array.Empty<PlanNode>(),
        };

        private static string Describe(PlanNode node) => node switch
        {
            SourceNode source => "Source " + (source.Reader is { Facts: { FormatKnown: true, Format: { } format } } ? format : Callee(source.Syntax)),
            ParameterNode parameter => "Parameter " + parameter.Parameter.Name,
            WatermarkNode watermark => $"WithWatermark {watermark.Column} {watermark.Delay ?? "?"}",
            AggregateNode aggregate => $"Aggregate {aggregate.Function} keys=[{string.Join(", ", aggregate.Keys.Select(Column))}]",
            DeduplicateNode dedup => dedup.Operator + (dedup.Columns is { } columns ? $" [{string.Join(", ", columns)}]" : " [?]"),
            JoinNode join => $"Join {join.JoinType ?? "?"}" + (join.Condition is { } condition
                ? $" keys=[{string.Join(", ", condition.KeyColumns)}]{(condition.HasRange ? " range" : string.Empty)}"
                : " condition=?"),
            CombineNode combine => combine.Operator,
            UnaryNode unary => unary.Operator + (unary.Partitions is { } partitions ? $"({partitions})" : string.Empty),
            OpaqueNode opaque => opaque.Operator + " (opaque)",
            MergeNode => "OneOf",
            _ => node.GetType().Name,
        };

        private static string Column(ColumnExpr? column) => column switch
        {
            null => "?",
            ColumnRef reference => reference.Name,
            AliasColumn alias => $"{Column(alias.Inner)} AS {alias.Name}",
            CastColumn cast => $"cast({Column(cast.Inner)})",
            WindowColumn { IsSession: true } session => $"session_window({Column(session.TimeColumn)})",
            WindowColumn window => $"window({Column(window.TimeColumn)}, {window.WindowDuration ?? "?"})",
            ComputedColumn computed => computed.Function + "(" + string.Join(", ", computed.Inputs.Select(Column)) + ")",
            _ => "?",
        };

        private static string Callee(SyntaxNode syntax) =>
            syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call && TreeText.InvokedName(call) is { } name ? name : "?";

        private static string Kind(Streamingness kind) => kind switch
        {
            Streamingness.Streaming => "streaming",
            Streamingness.Batch => "batch",
            _ => "unknown",
        };

        private static string Columns(ColumnSet columns) =>
            "{" + string.Join(", ", columns.Columns!.OrderBy(c => c, System.StringComparer.OrdinalIgnoreCase)) + "}";
    }
}
