using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Operations;

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
                        (this.Eval(OperationFacts.Argument(invocation, 0), walk) as ColumnValue)?.Expr,
                        OperationFacts.ConstantString(OperationFacts.Argument(invocation, 1)),
                        invocation.Syntax));
                case "Expr" when isStatic:
                    // SQL text: only the wall-clock functions are recognised; anything else stays unknown.
                    return IsCurrentTimeSql(OperationFacts.ConstantString(OperationFacts.Argument(invocation, 0)))
                        ? new ColumnValue(new ComputedColumn(name, ImmutableArray<ColumnExpr?>.Empty, isProcessingTime: true))
                        : null;
                case "CurrentTimestamp" when isStatic:
                case "CurrentDate" when isStatic:
                case "UnixTimestamp" when isStatic && method.Parameters.Length == 0:
                    return new ColumnValue(new ComputedColumn(name, ImmutableArray<ColumnExpr?>.Empty, isProcessingTime: true));
                case "Alias" or "As" or "Name" when !isStatic && method.Parameters.Length == 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_String:
                    ColumnExpr? inner = (this.Eval(invocation.Instance, walk) as ColumnValue)?.Expr;
                    return inner is not null && OperationFacts.ConstantString(OperationFacts.Argument(invocation, 0)) is { } alias
                        ? new ColumnValue(new AliasColumn(inner, alias))
                        : null;
            }

            var inputs = new List<IOperation?>();
            if (invocation.Instance is not null)
            {
                inputs.Add(invocation.Instance);
            }

            inputs.AddRange(this.AllArguments(invocation).Where(a => a is null || this.Symbols.Is(a.Type, this.Symbols.Column)));
            return Computed(name, this.Columns(walk, inputs.ToArray()));
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
            ComputedColumn computed => AggregateFunctions.Contains(computed.Function) || computed.Inputs.Any(MayAggregate),
            AliasColumn alias => MayAggregate(alias.Inner),
            WindowColumn window => MayAggregate(window.TimeColumn),
            _ => false,
        };

        private static bool IsCurrentTimeSql(string? sql) =>
            sql?.Trim().ToLowerInvariant() is "current_timestamp()" or "current_timestamp" or "now()" or "localtimestamp()" or "localtimestamp";

        /// <summary>Quoted text in SQL (string literals, quoted identifiers), which cannot call a function.</summary>
        private static readonly Regex SqlQuoted = new Regex("'(?:[^'\\\\]|\\\\.)*'|\"[^\"]*\"|`[^`]*`", RegexOptions.CultureInvariant);

        /// <summary>The current-time functions of <see cref="IsCurrentTimeSql"/> called anywhere in a SQL expression, and argument-less unix_timestamp().</summary>
        private static readonly Regex SqlCurrentTime = new Regex(
            "\\b(current_timestamp|localtimestamp)\\b|\\bnow\\s*\\(|\\bunix_timestamp\\s*\\(\\s*\\)",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static bool SqlCallsCurrentTime(string sql) => SqlCurrentTime.IsMatch(SqlQuoted.Replace(sql, "''"));

        /// <summary>A Filter / Where condition: a Column expression or a SQL string; unknown when neither can be read.</summary>
        private Projection ConditionOf(IInvocationOperation invocation, Walk walk)
        {
            IOperation? condition = OperationFacts.Argument(invocation, 0);
            if (OperationFacts.ConstantString(condition) is { } sql)
            {
                return new ConditionProjection(SqlCallsCurrentTime(sql));
            }

            ColumnExpr? expr = condition?.Type?.SpecialType == SpecialType.System_String ? null : (this.Eval(condition, walk) as ColumnValue)?.Expr;
            return new ConditionProjection(Projection.ContainsCurrentTime(expr));
        }

        private ImmutableArray<ColumnExpr?> Columns(Walk walk, params IOperation?[] operations) =>
            operations.Select(o => (this.Eval(o, walk) as ColumnValue)?.Expr).ToImmutableArray();

        private static ColumnValue Computed(string function, ImmutableArray<ColumnExpr?> inputs) =>
            new ColumnValue(new ComputedColumn(function, inputs, isProcessingTime: false));

        /// <summary>What Select / WithColumn / WithColumnRenamed / Drop do to column facts; unknown when an argument cannot be followed.</summary>
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
                    ColumnExpr? value = (this.Eval(OperationFacts.Argument(invocation, 1), walk) as ColumnValue)?.Expr;
                    return column is null || value is null ? Projection.Unknown : new WithColumnProjection(column, value);

                case "Drop":
                    var dropped = ImmutableArray.CreateBuilder<string>();
                    foreach (IOperation? argument in this.AllArguments(invocation))
                    {
                        string? name = OperationFacts.ConstantString(argument) ?? ((this.Eval(argument, walk) as ColumnValue)?.Expr as ColumnRef)?.Name;
                        if (name is null)
                        {
                            return Projection.Unknown;
                        }

                        dropped.Add(name);
                    }

                    return new DropProjection(dropped.ToImmutable());

                case "Select":
                    var selected = ImmutableArray.CreateBuilder<ColumnExpr>();
                    // Select(Count(…)) is a global aggregation in Spark, not a projection: the caller makes it opaque.
                    foreach (IOperation? argument in this.AllArguments(invocation))
                    {
                        ColumnExpr? expr = OperationFacts.ConstantString(argument) is { } name
                            ? new ColumnRef(name)
                            : (this.Eval(argument, walk) as ColumnValue)?.Expr;
                        if (expr is null)
                        {
                            return Projection.Unknown;
                        }

                        selected.Add(expr);
                    }

                    return new SelectProjection(selected.ToImmutable());

                default:
                    return Projection.Unknown;
            }
        }
    }
}
