using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Sql;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>Column expressions (Functions, Column methods and operators) and how projections move watermarks.</summary>
    internal sealed partial class PipelineEvaluator
    {
        private SparkValue? EvalColumnFunction(IInvocationOperation invocation, Walk walk)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (!this.Symbols.Is(method.ReturnType, this.Symbols.Column))
            {
                return null;
            }

            string name = method.Name;
            bool isStatic = method.IsStatic;
            switch (name)
            {
                case "Col" or "Column" when isStatic:
                    return OperationFacts.ConstantString(OperationFacts.Argument(invocation, 0)) is { } column ? new ColumnValue(new ColumnRef(column)) : null;
                case "Window" when isStatic:
                    return new ColumnValue(new WindowColumn(
                        this.ColumnOf(OperationFacts.Argument(invocation, 0), walk),
                        OperationFacts.ConstantString(OperationFacts.Argument(invocation, 1)),
                        invocation.Syntax));
                case "Session_Window" when isStatic:
                    // A session window is a time window over its time column; its gap is no fixed window length.
                    return new ColumnValue(new WindowColumn(
                        this.ColumnOf(OperationFacts.Argument(invocation, 0), walk),
                        windowDuration: null,
                        invocation.Syntax,
                        isSession: true));
                case "Expr" when isStatic:
                    // SQL text, read by the SQL reader; text it cannot read stays unknown.
                    return SqlText.ParseExpression(OperationFacts.ConstantString(OperationFacts.Argument(invocation, 0))) is { } sql
                        && SqlColumns.Read(sql, invocation.Syntax) is { } read
                        ? new ColumnValue(read, sql)
                        : null;
                case "CurrentTimestamp" when isStatic:
                case "CurrentDate" when isStatic:
                case "UnixTimestamp" when isStatic && method.Parameters.Length == 0:
                    return new ColumnValue(new ComputedColumn(name, ImmutableArray<ColumnExpr?>.Empty, isProcessingTime: true));
                case "Alias" or "As" or "Name" when !isStatic && method.Parameters.Length == 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_String:
                    ColumnExpr? inner = this.ColumnOf(invocation.Instance, walk);
                    return inner is not null && OperationFacts.ConstantString(OperationFacts.Argument(invocation, 0)) is { } alias
                        ? new ColumnValue(new AliasColumn(inner, alias))
                        : null;
            }

            // The instance and every Column argument, in order.
            ImmutableArray<ColumnExpr?>.Builder inputs = ImmutableArray.CreateBuilder<ColumnExpr?>();
            if (invocation.Instance is not null)
            {
                inputs.Add(this.ColumnOf(invocation.Instance, walk));
            }

            foreach (IOperation? argument in this.AllArguments(invocation))
            {
                if (argument is null || this.Symbols.Is(argument.Type, this.Symbols.Column))
                {
                    inputs.Add(this.ColumnOf(argument, walk));
                }
            }

            return Computed(name, inputs.ToImmutable());
        }

        /// <summary>Spark's aggregate functions: in a Select they turn the projection into a global aggregation.</summary>
        private static readonly System.Collections.Generic.HashSet<string> AggregateFunctions = new System.Collections.Generic.HashSet<string>
        {
            "Count", "CountDistinct", "ApproxCountDistinct", "Sum", "SumDistinct", "Avg", "Mean", "Max", "Min", "First", "Last",
            "CollectList", "CollectSet", "Stddev", "StddevSamp", "StddevPop", "Variance", "VarSamp", "VarPop", "Skewness",
            "Kurtosis", "Corr", "CovarPop", "CovarSamp", "Grouping", "GroupingId", "PercentileApprox", "MaxBy", "MinBy",
        };

        /// <summary>True when a column expression calls an aggregate function somewhere (or cannot be followed).</summary>
        private static bool MayAggregate(ColumnExpr? expr) => expr switch
        {
            null => true,
            ComputedColumn computed when computed.IsAggregate => true,
            ComputedColumn computed => AggregateFunctions.Contains(computed.Function) || computed.Inputs.Any(MayAggregate),
            AliasColumn alias => MayAggregate(alias.Inner),
            CastColumn cast => MayAggregate(cast.Inner),
            WindowColumn window => MayAggregate(window.TimeColumn),
            _ => false,
        };

        /// <summary>
        /// True when a column expression is proven to call an aggregate function outside a window function
        /// (<c>Count(Col("x")).Over(w)</c> is not an aggregation of the plan).
        /// </summary>
        private static bool IsAggregating(ColumnExpr? expr) => expr switch
        {
            ComputedColumn { Function: "Over" } => false,
            ComputedColumn computed => computed.IsAggregate || AggregateFunctions.Contains(computed.Function) || computed.Inputs.Any(IsAggregating),
            AliasColumn alias => IsAggregating(alias.Inner),
            CastColumn cast => IsAggregating(cast.Inner),
            _ => false,
        };

        /// <summary>A Filter / Where condition: a Column expression or a SQL string; unknown when neither can be read.</summary>
        private Projection ConditionOf(IInvocationOperation invocation, Walk walk)
        {
            IOperation? condition = OperationFacts.Argument(invocation, 0);
            if (condition?.Type?.SpecialType == SpecialType.System_String)
            {
                // Filter("…") / Where("…"): SQL text. Text the reader cannot read keeps the columns but not the clock question.
                return new ConditionProjection(SqlText.ParseExpression(OperationFacts.ConstantString(condition)) is { } sql ? SqlSemantics.ReadsCurrentTime(sql) : null);
            }

            ColumnExpr? expr = condition?.Type?.SpecialType == SpecialType.System_String ? null : this.ColumnOf(condition, walk);
            return new ConditionProjection(Projection.ContainsCurrentTime(expr));
        }

        private ImmutableArray<ColumnExpr?> Columns(Walk walk, params IOperation?[] operations)
        {
            ImmutableArray<ColumnExpr?>.Builder columns = ImmutableArray.CreateBuilder<ColumnExpr?>(operations.Length);
            foreach (IOperation? operation in operations)
            {
                columns.Add(this.ColumnOf(operation, walk));
            }

            return columns.MoveToImmutable();
        }

        /// <summary>The column expression <paramref name="operation"/> evaluates to; null when it is not a column the model can follow.</summary>
        private ColumnExpr? ColumnOf(IOperation? operation, Walk walk) => (this.Eval(operation, walk, store: false) as ColumnValue)?.Expr;

        private static ColumnValue Computed(string function, ImmutableArray<ColumnExpr?> inputs) =>
            new ColumnValue(new ComputedColumn(function, inputs, isProcessingTime: false));

        /// <summary>What WithColumn / WithColumnRenamed / Drop do to column facts (Select: <see cref="Select"/>); unknown when an argument cannot be followed.</summary>
        private Projection ProjectionOf(IInvocationOperation invocation, Walk walk)
        {
            switch (invocation.TargetMethod.Name)
            {
                case "WithColumnRenamed":
                    string? existing = OperationFacts.ConstantString(OperationFacts.Argument(invocation, 0));
                    string? renamed = OperationFacts.ConstantString(OperationFacts.Argument(invocation, 1));
                    return existing is null || renamed is null ? Projection.Unknown : new RenameProjection(existing, renamed);

                case "WithColumn":
                    string? column = OperationFacts.ConstantString(OperationFacts.Argument(invocation, 0));
                    ColumnExpr? value = this.ColumnOf(OperationFacts.Argument(invocation, 1), walk);
                    return column is null || value is null ? Projection.Unknown : new WithColumnProjection(column, value);

                case "Drop":
                    var dropped = ImmutableArray.CreateBuilder<string>();
                    foreach (IOperation? argument in this.AllArguments(invocation))
                    {
                        string? name = OperationFacts.ConstantString(argument) ?? (this.ColumnOf(argument, walk) as ColumnRef)?.Name;
                        if (name is null)
                        {
                            return Projection.Unknown;
                        }

                        dropped.Add(name);
                    }

                    return new DropProjection(dropped.ToImmutable());

                default:
                    return Projection.Unknown;
            }
        }
    }
}
