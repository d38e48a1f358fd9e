using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
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
                    return Operations.ConstantString(Operations.Argument(invocation, 0)) is { } column ? new ColumnValue(new ColumnRef(column)) : null;
                case "Window" when isStatic:
                    return new ColumnValue(new WindowColumn(
                        (this.Eval(Operations.Argument(invocation, 0), walk) as ColumnValue)?.Expr,
                        Operations.ConstantString(Operations.Argument(invocation, 1))));
                case "Expr" when isStatic:
                    return null; // SQL text: not interpreted yet
                case "CurrentTimestamp" when isStatic:
                case "UnixTimestamp" when isStatic && method.Parameters.Length == 0:
                    return new ColumnValue(new ComputedColumn(name, ImmutableArray<ColumnExpr?>.Empty, isProcessingTime: true));
                case "Alias" or "As" or "Name" when !isStatic && method.Parameters.Length == 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_String:
                    ColumnExpr? inner = (this.Eval(invocation.Instance, walk) as ColumnValue)?.Expr;
                    return inner is not null && Operations.ConstantString(Operations.Argument(invocation, 0)) is { } alias
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

        private ImmutableArray<ColumnExpr?> Columns(Walk walk, params IOperation?[] operations) =>
            operations.Select(o => (this.Eval(o, walk) as ColumnValue)?.Expr).ToImmutableArray();

        private static ColumnValue Computed(string function, ImmutableArray<ColumnExpr?> inputs) =>
            new ColumnValue(new ComputedColumn(function, inputs, isProcessingTime: false));

        /// <summary>
        /// The watermarked columns after Select / WithColumn / WithColumnRenamed / Drop. Spark keeps the watermark
        /// metadata on a column that is passed through or aliased, and drops it on any computed expression.
        /// Anything the model cannot follow makes the result uncertain.
        /// </summary>
        private WatermarkSet ProjectWatermarks(IInvocationOperation invocation, WatermarkSet input, Walk walk)
        {
            if (!input.IsCertain)
            {
                return input;
            }

            switch (invocation.TargetMethod.Name)
            {
                case "WithColumnRenamed":
                    string? existing = Operations.ConstantString(Operations.Argument(invocation, 0));
                    string? renamed = Operations.ConstantString(Operations.Argument(invocation, 1));
                    if (existing is null || renamed is null)
                    {
                        return WatermarkSet.Uncertain;
                    }

                    return input.Contains(existing) ? input.Remove(existing).Add(renamed) : input.Remove(renamed);

                case "WithColumn":
                    string? column = Operations.ConstantString(Operations.Argument(invocation, 0));
                    ColumnExpr? value = (this.Eval(Operations.Argument(invocation, 1), walk) as ColumnValue)?.Expr;
                    if (column is null || value is null or WindowColumn)
                    {
                        return WatermarkSet.Uncertain;
                    }

                    WatermarkSet without = input.Remove(column);
                    return value.AttributeSource is { } source && input.Contains(source) ? without.Add(column) : without;

                case "Drop":
                    WatermarkSet remaining = input;
                    foreach (IOperation? dropped in this.AllArguments(invocation))
                    {
                        string? name = Operations.ConstantString(dropped) ?? ((this.Eval(dropped, walk) as ColumnValue)?.Expr as ColumnRef)?.Name;
                        if (name is null)
                        {
                            return WatermarkSet.Uncertain;
                        }

                        remaining = remaining.Remove(name);
                    }

                    return remaining;

                case "Select":
                    var kept = new List<string>();
                    foreach (IOperation? selected in this.AllArguments(invocation))
                    {
                        ColumnExpr? expr = Operations.ConstantString(selected) is { } name
                            ? new ColumnRef(name)
                            : (this.Eval(selected, walk) as ColumnValue)?.Expr;
                        if (expr is null or WindowColumn)
                        {
                            return WatermarkSet.Uncertain; // unknown, or a window struct whose output name the model does not track
                        }

                        if (expr is ColumnRef { Name: "*" })
                        {
                            kept.AddRange(input.Columns!);
                        }
                        else if (expr.AttributeSource is { } carried && input.Contains(carried))
                        {
                            kept.Add(expr is AliasColumn alias ? alias.Name : carried);
                        }
                    }

                    return WatermarkSet.Of(kept);

                default:
                    return WatermarkSet.Uncertain;
            }
        }
    }
}
