using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>
    /// A node of the small logical plan the analyzer builds for a DataFrame, mirroring the operators Spark's
    /// streaming checker reasons about. Nodes are immutable; facts (streaming-ness, watermarked columns) are
    /// computed when the node is built.
    /// </summary>
    internal abstract class PlanNode
    {
        protected PlanNode(SyntaxNode syntax, Streamingness kind, WatermarkSet watermarks)
        {
            this.Syntax = syntax;
            this.Kind = kind;
            this.Watermarks = watermarks;
        }

        /// <summary>The call that produced this node.</summary>
        public SyntaxNode Syntax { get; }

        public Streamingness Kind { get; }

        /// <summary>Watermarked columns in this node's output.</summary>
        public WatermarkSet Watermarks { get; }

        /// <summary>The single input of a unary operator; null for sources and nodes with several inputs.</summary>
        public virtual PlanNode? Child => null;
    }

    /// <summary><c>ReadStream()…Load()</c>, <c>Read()…Load()</c>, <c>CreateDataFrame</c>, <c>Range</c>, <c>Table</c>.</summary>
    internal sealed class SourceNode : PlanNode
    {
        public SourceNode(SyntaxNode syntax, Streamingness kind, BuilderValue? reader)
            : base(syntax, kind, WatermarkSet.None) => this.Reader = reader;

        /// <summary>The reader's configuration, when the source was read through one.</summary>
        public BuilderValue? Reader { get; }
    }

    /// <summary><c>WithWatermark(eventTime, delay)</c>.</summary>
    internal sealed class WatermarkNode : PlanNode
    {
        public WatermarkNode(SyntaxNode syntax, PlanNode child, string column, string? delay)
            : base(syntax, child.Kind, child.Watermarks.Add(column))
        {
            this.Child = child;
            this.Column = column;
            this.Delay = delay;
        }

        public override PlanNode Child { get; }

        public string Column { get; }

        public string? Delay { get; }
    }

    /// <summary>
    /// <c>GroupBy(keys)…Count()/Agg(…)/Sum(…)</c> or a global <c>DataFrame.Agg(…)</c>. Keys that cannot be followed are null.
    /// </summary>
    internal sealed class AggregateNode : PlanNode
    {
        public AggregateNode(SyntaxNode syntax, PlanNode child, ImmutableArray<ColumnExpr?> keys, SyntaxNode? groupingCall, string function)
            : base(syntax, child.Kind, WatermarkSet.Uncertain)
        {
            this.Child = child;
            this.Keys = keys;
            this.GroupingCall = groupingCall;
            this.Function = function;
        }

        public override PlanNode Child { get; }

        public ImmutableArray<ColumnExpr?> Keys { get; }

        /// <summary>The <c>GroupBy(…)</c> invocation; null for a global aggregation.</summary>
        public SyntaxNode? GroupingCall { get; }

        /// <summary>The aggregation call's name (Count, Agg, Sum, …).</summary>
        public string Function { get; }
    }

    /// <summary><c>Distinct()</c> / <c>DropDuplicates(…)</c>: streaming deduplication, not an aggregation.</summary>
    internal sealed class DeduplicateNode : PlanNode
    {
        public DeduplicateNode(SyntaxNode syntax, PlanNode child, ImmutableArray<string>? columns)
            : base(syntax, child.Kind, child.Watermarks)
        {
            this.Child = child;
            this.Columns = columns;
        }

        public override PlanNode Child { get; }

        /// <summary>Empty for all columns; null when the columns cannot be followed.</summary>
        public ImmutableArray<string>? Columns { get; }
    }

    /// <summary>
    /// An operator the model knows by name: projections (their effect on watermarked columns is computed by the
    /// evaluator) and row-preserving operators such as Filter or Repartition.
    /// </summary>
    internal sealed class UnaryNode : PlanNode
    {
        public UnaryNode(SyntaxNode syntax, PlanNode child, string operatorName, WatermarkSet watermarks)
            : base(syntax, child.Kind, watermarks)
        {
            this.Child = child;
            this.Operator = operatorName;
        }

        public override PlanNode Child { get; }

        public string Operator { get; }
    }

    /// <summary>Join, Union, Except, Intersect…: streaming when any input is.</summary>
    internal sealed class CombineNode : PlanNode
    {
        public CombineNode(SyntaxNode syntax, string operatorName, ImmutableArray<PlanNode?> inputs)
            : base(syntax, CombineKinds(inputs), WatermarkSet.Uncertain)
        {
            this.Operator = operatorName;
            this.Inputs = inputs;
        }

        public string Operator { get; }

        /// <summary>Inputs in argument order (receiver first); null where an input is unknown.</summary>
        public ImmutableArray<PlanNode?> Inputs { get; }

        private static Streamingness CombineKinds(ImmutableArray<PlanNode?> inputs) =>
            inputs.Aggregate(Streamingness.Batch, (kind, input) => kind.Combine(input?.Kind ?? Streamingness.Unknown));
    }

    /// <summary>A DataFrame method the model does not interpret: streaming-ness carries over, column facts do not.</summary>
    internal sealed class OpaqueNode : PlanNode
    {
        public OpaqueNode(SyntaxNode syntax, PlanNode child, string operatorName)
            : base(syntax, child.Kind, WatermarkSet.Uncertain)
        {
            this.Child = child;
            this.Operator = operatorName;
        }

        public override PlanNode Child { get; }

        public string Operator { get; }
    }

    /// <summary>A value that reaches a use through several control-flow paths: only the facts they all share survive.</summary>
    internal sealed class MergeNode : PlanNode
    {
        public MergeNode(SyntaxNode syntax, ImmutableArray<PlanNode> alternatives)
            : base(
                syntax,
                alternatives.Select(a => a.Kind).Distinct().Count() == 1 ? alternatives[0].Kind : Streamingness.Unknown,
                WatermarkSet.Merge(alternatives.Select(a => a.Watermarks))) =>
            this.Alternatives = alternatives;

        public ImmutableArray<PlanNode> Alternatives { get; }
    }
}
