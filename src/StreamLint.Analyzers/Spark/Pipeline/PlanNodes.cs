using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>
    /// A node of the small logical plan the analyzer builds for a DataFrame, mirroring the operators Spark's
    /// streaming checker reasons about. Nodes are immutable; their facts (streaming-ness, watermarked and
    /// processing-time columns) are computed from their inputs when built, so a helper method's plan can be
    /// re-applied to a caller's DataFrame with <see cref="Rebase"/>.
    /// </summary>
    internal abstract class PlanNode
    {
        protected PlanNode(SyntaxNode syntax, Streamingness kind, ColumnSet watermarks, ColumnSet processingTime)
        {
            this.Syntax = syntax;
            this.Kind = kind;
            this.Watermarks = watermarks;
            this.ProcessingTime = processingTime;
        }

        /// <summary>The plan's nodes as <see cref="PlanQueries.Nodes"/> lists them, once listed (a race lists them twice, alike).</summary>
        internal System.Collections.Immutable.ImmutableArray<PlanNode> ListedNodes { get; set; }

        /// <summary>The call that produced this node.</summary>
        public SyntaxNode Syntax { get; }

        public Streamingness Kind { get; }

        /// <summary>Columns of this node's output that carry an event-time watermark.</summary>
        public ColumnSet Watermarks { get; }

        /// <summary>Columns of this node's output that hold wall-clock (processing) time.</summary>
        public ColumnSet ProcessingTime { get; }

        /// <summary>The single input of a unary operator; null for sources and nodes with several inputs.</summary>
        public virtual PlanNode? Child => null;

        /// <summary>
        /// This plan with every helper-method parameter replaced by what <paramref name="bind"/> gives (a caller's
        /// argument); null when a parameter cannot be bound. Plans without parameters return themselves.
        /// </summary>
        public abstract PlanNode? Rebase(System.Func<ParameterNode, PlanNode?> bind);

        /// <summary>True when some input of this plan is a helper-method parameter.</summary>
        public abstract bool HasParameters { get; }

        protected PlanNode? RebaseChild(System.Func<ParameterNode, PlanNode?> bind, System.Func<PlanNode, PlanNode> rebuild)
        {
            PlanNode child = this.Child!;
            if (!child.HasParameters)
            {
                return this;
            }

            PlanNode? rebased = child.Rebase(bind);
            return rebased is null ? null : rebuild(rebased);
        }
    }

    /// <summary><c>ReadStream()…Load()</c>, <c>Read()…Load()</c>, <c>CreateDataFrame</c>, <c>Range</c>, <c>Table</c>, a ForeachBatch batch.</summary>
    internal sealed class SourceNode : PlanNode
    {
        public SourceNode(SyntaxNode syntax, Streamingness kind, BuilderValue? reader)
            : base(syntax, kind, ColumnSet.None, ProcessingTimeColumns(reader)) => this.Reader = reader;

        /// <summary>The reader's configuration, when the source was read through one.</summary>
        public BuilderValue? Reader { get; }

        public override bool HasParameters => false;

        public override PlanNode Rebase(System.Func<ParameterNode, PlanNode?> bind) => this;

        /// <summary>The socket source's <c>includeTimestamp</c> column is the time the line arrived: processing time.</summary>
        private static ColumnSet ProcessingTimeColumns(BuilderValue? reader)
        {
            if (reader is null || !reader.Facts.FormatKnown)
            {
                return ColumnSet.Uncertain;
            }

            return reader.Facts.Format == "socket" && reader.Facts.Options.TryGetValue("includeTimestamp", out IOperation? value)
                && value.ConstantValue.HasValue && (value.ConstantValue.Value is true || (value.ConstantValue.Value as string)?.ToLowerInvariant() == "true")
                ? ColumnSet.Of(new[] { "timestamp" })
                : ColumnSet.None;
        }
    }

    /// <summary>A DataFrame parameter of a helper method: replaced by the caller's argument when the helper is applied.</summary>
    internal sealed class ParameterNode : PlanNode
    {
        public ParameterNode(SyntaxNode syntax, IParameterSymbol parameter)
            : base(syntax, Streamingness.Unknown, ColumnSet.Uncertain, ColumnSet.Uncertain) => this.Parameter = parameter;

        public IParameterSymbol Parameter { get; }

        public override bool HasParameters => true;

        public override PlanNode? Rebase(System.Func<ParameterNode, PlanNode?> bind) => bind(this);
    }

    /// <summary><c>WithWatermark(eventTime, delay)</c>.</summary>
    internal sealed class WatermarkNode : PlanNode
    {
        public WatermarkNode(SyntaxNode syntax, PlanNode child, string column, string? delay)
            : base(syntax, child.Kind, child.Watermarks.Add(column), child.ProcessingTime)
        {
            this.Child = child;
            this.Column = column;
            this.Delay = delay;
        }

        public override PlanNode Child { get; }

        public string Column { get; }

        public string? Delay { get; }

        public override bool HasParameters => this.Child.HasParameters;

        public override PlanNode? Rebase(System.Func<ParameterNode, PlanNode?> bind) =>
            this.RebaseChild(bind, c => new WatermarkNode(this.Syntax, c, this.Column, this.Delay));
    }

    /// <summary>
    /// <c>GroupBy(keys)…Count()/Agg(…)/Sum(…)</c> or a global <c>DataFrame.Agg(…)</c>. Keys that cannot be followed are null.
    /// The output keeps the watermark of keys that carry one (Spark propagates it through the grouping attribute).
    /// </summary>
    internal sealed class AggregateNode : PlanNode
    {
        public AggregateNode(SyntaxNode syntax, PlanNode child, ImmutableArray<ColumnExpr?> keys, SyntaxNode? groupingCall, string function)
            : base(syntax, child.Kind, ColumnSet.NoneIfNoneIn(child.Watermarks), ColumnSet.Uncertain)
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

        /// <summary>True when a key is <c>Window(…)</c>: a time-windowed aggregation.</summary>
        public bool IsWindowed => this.Keys.Any(k => k?.Window is not null);

        public override bool HasParameters => this.Child.HasParameters;

        public override PlanNode? Rebase(System.Func<ParameterNode, PlanNode?> bind) =>
            this.RebaseChild(bind, c => new AggregateNode(this.Syntax, c, this.Keys, this.GroupingCall, this.Function));
    }

    /// <summary><c>Distinct()</c> / <c>DropDuplicates(…)</c>: streaming deduplication, not an aggregation.</summary>
    internal sealed class DeduplicateNode : PlanNode
    {
        public DeduplicateNode(SyntaxNode syntax, PlanNode child, ImmutableArray<string>? columns, string operatorName)
            : base(syntax, child.Kind, child.Watermarks, child.ProcessingTime)
        {
            this.Child = child;
            this.Columns = columns;
            this.Operator = operatorName;
        }

        /// <summary>Distinct or DropDuplicates.</summary>
        public string Operator { get; }

        public override PlanNode Child { get; }

        /// <summary>Empty for all columns; null when the columns cannot be followed.</summary>
        public ImmutableArray<string>? Columns { get; }

        public override bool HasParameters => this.Child.HasParameters;

        public override PlanNode? Rebase(System.Func<ParameterNode, PlanNode?> bind) =>
            this.RebaseChild(bind, c => new DeduplicateNode(this.Syntax, c, this.Columns, this.Operator));
    }

    /// <summary>
    /// An operator the model knows by name: projections (their effect on columns is a <see cref="Projection"/>)
    /// and row-preserving operators such as Filter or Repartition (projection null: columns unchanged).
    /// </summary>
    internal sealed class UnaryNode : PlanNode
    {
        public UnaryNode(SyntaxNode syntax, PlanNode child, string operatorName, Projection? projection, int? partitions = null)
            : base(
                syntax,
                child.Kind,
                ColumnSet.NoneIfNoneIn(child.Watermarks, projection?.Watermarks(child.Watermarks) ?? child.Watermarks),
                projection?.ProcessingTime(child.ProcessingTime) ?? child.ProcessingTime)
        {
            this.Child = child;
            this.Operator = operatorName;
            this.Projection = projection;
            this.Partitions = partitions;
        }

        /// <summary>For Repartition/Coalesce: the constant number of partitions, when given.</summary>
        public int? Partitions { get; }

        public override PlanNode Child { get; }

        public string Operator { get; }

        public Projection? Projection { get; }

        public override bool HasParameters => this.Child.HasParameters;

        public override PlanNode? Rebase(System.Func<ParameterNode, PlanNode?> bind) =>
            this.RebaseChild(bind, c => new UnaryNode(this.Syntax, c, this.Operator, this.Projection, this.Partitions));
    }

    /// <summary>Union, Except, Intersect…: streaming when any input is.</summary>
    internal class CombineNode : PlanNode
    {
        public CombineNode(SyntaxNode syntax, string operatorName, PlanNode left, PlanNode? right)
            : base(
                syntax,
                left.Kind.Combine(right?.Kind ?? Streamingness.Unknown),
                right is not null && left.Watermarks.IsEmpty && right.Watermarks.IsEmpty ? ColumnSet.None : ColumnSet.Uncertain,
                ColumnSet.Uncertain)
        {
            this.Operator = operatorName;
            this.Left = left;
            this.Right = right;
        }

        public string Operator { get; }

        /// <summary>The receiver.</summary>
        public PlanNode Left { get; }

        /// <summary>The argument; null when unknown.</summary>
        public PlanNode? Right { get; }

        public override bool HasParameters => this.Left.HasParameters || this.Right?.HasParameters == true;

        public override PlanNode? Rebase(System.Func<ParameterNode, PlanNode?> bind)
        {
            if (!this.HasParameters)
            {
                return this;
            }

            PlanNode? left = this.Left.Rebase(bind);
            PlanNode? right = this.Right?.Rebase(bind);
            return left is null ? null : this.With(left, right);
        }

        protected virtual CombineNode With(PlanNode left, PlanNode? right) => new CombineNode(this.Syntax, this.Operator, left, right);
    }

    /// <summary><c>Join(right, …)</c>, with the join type (normalised, null when not constant) and the condition when it can be read.</summary>
    internal sealed class JoinNode : CombineNode
    {
        public JoinNode(SyntaxNode syntax, PlanNode left, PlanNode? right, string? joinType, JoinCondition? condition)
            : base(syntax, "Join", left, right)
        {
            this.JoinType = joinType;
            this.Condition = condition;
        }

        /// <summary>inner, cross, fullouter, leftouter, rightouter, leftsemi, leftanti; null when unknown.</summary>
        public string? JoinType { get; }

        public JoinCondition? Condition { get; }

        protected override CombineNode With(PlanNode left, PlanNode? right) => new JoinNode(this.Syntax, left, right, this.JoinType, this.Condition);
    }

    /// <summary>A DataFrame method the model does not interpret: streaming-ness carries over, column facts do not.</summary>
    internal sealed class OpaqueNode : PlanNode
    {
        public OpaqueNode(SyntaxNode syntax, PlanNode child, string operatorName)
            : base(syntax, child.Kind, ColumnSet.NoneIfNoneIn(child.Watermarks), ColumnSet.Uncertain)
        {
            this.Child = child;
            this.Operator = operatorName;
        }

        public override PlanNode Child { get; }

        public string Operator { get; }

        public override bool HasParameters => this.Child.HasParameters;

        public override PlanNode? Rebase(System.Func<ParameterNode, PlanNode?> bind) =>
            this.RebaseChild(bind, c => new OpaqueNode(this.Syntax, c, this.Operator));
    }

    /// <summary>A value that reaches a use through several control-flow paths: only the facts they all share survive.</summary>
    internal sealed class MergeNode : PlanNode
    {
        public MergeNode(SyntaxNode syntax, ImmutableArray<PlanNode> alternatives)
            : base(
                syntax,
                alternatives.Select(a => a.Kind).Distinct().Count() == 1 ? alternatives[0].Kind : Streamingness.Unknown,
                ColumnSet.Merge(alternatives.Select(a => a.Watermarks)),
                ColumnSet.Merge(alternatives.Select(a => a.ProcessingTime))) =>
            this.Alternatives = alternatives;

        public ImmutableArray<PlanNode> Alternatives { get; }

        public override bool HasParameters => this.Alternatives.Any(a => a.HasParameters);

        public override PlanNode? Rebase(System.Func<ParameterNode, PlanNode?> bind)
        {
            if (!this.HasParameters)
            {
                return this;
            }

            var rebased = ImmutableArray.CreateBuilder<PlanNode>(this.Alternatives.Length);
            foreach (PlanNode alternative in this.Alternatives)
            {
                if (alternative.Rebase(bind) is not { } node)
                {
                    return null;
                }

                rebased.Add(node);
            }

            return new MergeNode(this.Syntax, rebased.MoveToImmutable());
        }
    }
}
