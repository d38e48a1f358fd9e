using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>What an expression of a Microsoft.Spark type evaluates to in the pipeline model.</summary>
    internal abstract class SparkValue
    {
    }

    internal sealed class DataFrameValue : SparkValue
    {
        public DataFrameValue(PlanNode plan) => this.Plan = plan;

        public PlanNode Plan { get; }
    }

    /// <summary><c>GroupBy(…)</c> / <c>Pivot(…)</c>: a RelationalGroupedDataset waiting for its aggregation.</summary>
    internal sealed class GroupedValue : SparkValue
    {
        public GroupedValue(PlanNode child, ImmutableArray<ColumnExpr?> keys, SyntaxNode groupingCall)
        {
            this.Child = child;
            this.Keys = keys;
            this.GroupingCall = groupingCall;
        }

        public PlanNode Child { get; }

        public ImmutableArray<ColumnExpr?> Keys { get; }

        public SyntaxNode GroupingCall { get; }
    }

    internal sealed class ColumnValue : SparkValue
    {
        public ColumnValue(ColumnExpr expr, Sql.SqlExpr? sql = null)
        {
            this.Expr = expr;
            this.Sql = sql;
        }

        public ColumnExpr Expr { get; }

        /// <summary>The parsed SQL text the column was written as (<c>Expr("…")</c>), when it was.</summary>
        public Sql.SqlExpr? Sql { get; }
    }

    internal enum BuilderKind
    {
        StreamReader,
        BatchReader,
        StreamWriter,
        BatchWriter,
    }

    /// <summary>
    /// A reader or writer. Microsoft.Spark's readers and writers are mutable builders: every configuration call
    /// (fluent or as its own statement on a stored builder) changes the same JVM object, so the value is the
    /// creating call plus every configuration call that reaches the use.
    /// </summary>
    internal sealed class BuilderValue : SparkValue
    {
        private BuilderFacts? facts;

        public BuilderValue(BuilderKind kind, SyntaxNode origin, PlanNode? input, ImmutableArray<IInvocationOperation> calls, bool complete)
        {
            this.Kind = kind;
            this.Origin = origin;
            this.Input = input;
            this.Calls = calls;
            this.Complete = complete;
        }

        public BuilderKind Kind { get; }

        /// <summary><c>spark.ReadStream()</c>, <c>df.WriteStream()</c>, …</summary>
        public SyntaxNode Origin { get; }

        /// <summary>For writers: the plan being written; null when unknown.</summary>
        public PlanNode? Input { get; }

        /// <summary>Configuration calls in program order.</summary>
        public ImmutableArray<IInvocationOperation> Calls { get; }

        /// <summary>False when code the model cannot see may configure this builder too (it escapes into a helper, a field, …).</summary>
        public bool Complete { get; }

        public BuilderFacts Facts => this.facts ??= new BuilderFacts(this);

        public BuilderValue With(IInvocationOperation call) =>
            new BuilderValue(this.Kind, this.Origin, this.Input, this.Calls.Add(call), this.Complete);

        public BuilderValue WithCalls(ImmutableArray<IInvocationOperation> calls, bool complete) =>
            new BuilderValue(this.Kind, this.Origin, this.Input, this.Calls.AddRange(calls), this.Complete && complete);
    }
}
