using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>DataFrame, RelationalGroupedDataset and SparkSession methods: how each one changes the plan.</summary>
    internal sealed partial class PipelineEvaluator
    {
        /// <summary>Operators that keep every row's columns as they are (watermark facts carry over).</summary>
        private static readonly HashSet<string> RowPreserving = new HashSet<string>
        {
            "Filter", "Where", "Repartition", "RepartitionByRange", "Coalesce", "Limit", "OrderBy", "Sort",
            "SortWithinPartitions", "Hint", "Cache", "Persist", "Unpersist", "Alias", "As", "Sample",
        };

        private static readonly HashSet<string> Combining = new HashSet<string>
        {
            "CrossJoin", "Union", "UnionByName", "Intersect", "IntersectAll", "Except", "ExceptAll",
        };

        private SparkValue? EvalSessionMethod(IInvocationOperation invocation, Walk walk)
        {
            switch (invocation.TargetMethod.Name)
            {
                case "ReadStream":
                    return new BuilderValue(BuilderKind.StreamReader, invocation.Syntax, null, ImmutableArray<IInvocationOperation>.Empty, complete: true);
                case "Read":
                    return new BuilderValue(BuilderKind.BatchReader, invocation.Syntax, null, ImmutableArray<IInvocationOperation>.Empty, complete: true);
                case "CreateDataFrame":
                case "Range":
                case "Table":
                    return new DataFrameValue(new SourceNode(invocation.Syntax, Streamingness.Batch, reader: null));
                case "Sql":
                    return this.SqlQueryValue(invocation, walk);
                default:
                    return null; // provenance unknown
            }
        }

        private SparkValue? EvalDataFrameMethod(IInvocationOperation invocation, Walk walk)
        {
            IMethodSymbol method = invocation.TargetMethod;
            string name = method.Name;

            // A writer's kind is fixed by the call, whatever the DataFrame: keep it even when the input is unknown.
            if (name == "WriteStream" || name == "Write")
            {
                PlanNode? input = (this.Eval(invocation.Instance, walk) as DataFrameValue)?.Plan;
                BuilderKind kind = name == "WriteStream" ? BuilderKind.StreamWriter : BuilderKind.BatchWriter;
                return new BuilderValue(kind, invocation.Syntax, input, ImmutableArray<IInvocationOperation>.Empty, complete: true);
            }

            if (name == "Col" && OperationFacts.ConstantString(OperationFacts.Argument(invocation, 0)) is { } column)
            {
                return new ColumnValue(new ColumnRef(column));
            }

            if (!(this.Eval(invocation.Instance, walk) is DataFrameValue receiver))
            {
                return null;
            }

            PlanNode child = receiver.Plan;
            SyntaxNode syntax = invocation.Syntax;
            if (name == "GroupBy" || name == "Rollup" || name == "Cube")
            {
                return new GroupedValue(child, this.GroupingKeys(invocation, walk), syntax);
            }

            if (!this.Symbols.Is(method.ReturnType, this.Symbols.DataFrame))
            {
                return null;
            }

            PlanNode node = name switch
            {
                "WithWatermark" => OperationFacts.ConstantString(OperationFacts.Argument(invocation, 0)) is { } eventTime
                    ? new WatermarkNode(syntax, child, eventTime, OperationFacts.ConstantString(OperationFacts.Argument(invocation, 1)))
                    : new OpaqueNode(syntax, child, name),
                "Agg" => new AggregateNode(syntax, child, ImmutableArray<ColumnExpr?>.Empty, groupingCall: null, name),
                "Distinct" => new DeduplicateNode(syntax, child, ImmutableArray<string>.Empty, name),
                "DropDuplicates" => new DeduplicateNode(syntax, child, this.ColumnNames(invocation), name),
                "Select" => this.Select(invocation, child, walk),
                "SelectExpr" => this.SelectExpr(invocation, child),
                "Transform" => this.Transform(invocation, child, walk) ?? new OpaqueNode(syntax, child, name),
                "WithColumn" or "WithColumnRenamed" or "Drop" => new UnaryNode(syntax, child, name, this.ProjectionOf(invocation, walk)),
                "Filter" or "Where" => new UnaryNode(syntax, child, name, this.ConditionOf(invocation, walk)),
                "Join" => this.Join(invocation, child, walk),
                "Repartition" or "Coalesce" => new UnaryNode(syntax, child, name, projection: null, partitions: ConstantPartitions(invocation)),
                _ when RowPreserving.Contains(name) => new UnaryNode(syntax, child, name, projection: null),
                _ when Combining.Contains(name) => new CombineNode(syntax, name, child, (this.Eval(OperationFacts.Argument(invocation, 0), walk) as DataFrameValue)?.Plan),
                _ => new OpaqueNode(syntax, child, name),
            };

            return new DataFrameValue(node);
        }

        /// <summary>
        /// A Select, from each item's column read once. When every item is a column expression proven to call an
        /// aggregate function (<c>Select(Count(Col("x")), Max(Col("ts")))</c>), Spark plans a global aggregation, as for
        /// SelectExpr; when an item may aggregate or cannot be read, the node is opaque; otherwise it is a projection.
        /// </summary>
        private PlanNode Select(IInvocationOperation invocation, PlanNode child, Walk walk)
        {
            SyntaxNode syntax = invocation.Syntax;
            var items = new List<(bool Named, ColumnExpr? Expr)>();
            foreach (IOperation? argument in this.AllArguments(invocation))
            {
                items.Add(OperationFacts.ConstantString(argument) is { } name ? (true, new ColumnRef(name)) : (false, this.ColumnOf(argument, walk)));
            }

            if (items.Count > 0 && items.All(item => !item.Named && IsAggregating(item.Expr)))
            {
                return new AggregateNode(syntax, child, ImmutableArray<ColumnExpr?>.Empty, groupingCall: null, "Select");
            }

            if (items.Any(item => !item.Named && MayAggregate(item.Expr)))
            {
                return new OpaqueNode(syntax, child, "Select");
            }

            // Every item is read here: an unread one may aggregate, so it made the node opaque above.
            return new UnaryNode(syntax, child, "Select", new SelectProjection(items.Select(item => item.Expr!).ToImmutableArray()));
        }

        private static int? ConstantPartitions(IInvocationOperation invocation) =>
            invocation.TargetMethod.Parameters.Length > 0
            && invocation.TargetMethod.Parameters[0].Type.SpecialType == SpecialType.System_Int32
            && OperationFacts.Argument(invocation, 0) is { ConstantValue: { HasValue: true, Value: int partitions } }
                ? partitions
                : null;

        /// <summary>Join(right[, usingColumn | usingColumns | joinExpr][, joinType]); joinType defaults to "inner".</summary>
        private JoinNode Join(IInvocationOperation invocation, PlanNode left, Walk walk)
        {
            PlanNode? right = (this.Eval(OperationFacts.Argument(invocation, 0), walk) as DataFrameValue)?.Plan;
            string? joinType = "inner";
            JoinCondition? condition = new JoinCondition(ImmutableArray<string>.Empty, hasRange: false);
            foreach (IParameterSymbol parameter in invocation.TargetMethod.Parameters.Skip(1))
            {
                IOperation? argument = OperationFacts.Argument(invocation, parameter.Ordinal);
                if (parameter.Name == "joinType")
                {
                    joinType = argument is null ? "inner" : JoinTypes.Normalize(OperationFacts.ConstantString(argument));
                }
                else if (parameter.Type.SpecialType == SpecialType.System_String)
                {
                    condition = OperationFacts.ConstantString(argument) is { } key ? new JoinCondition(ImmutableArray.Create(key), hasRange: false) : null;
                }
                else if (this.Symbols.Is(parameter.Type, this.Symbols.Column))
                {
                    ColumnValue? value = this.Eval(argument, walk) as ColumnValue;
                    condition = value?.Sql is { } sql ? JoinCondition.FromSql(sql) : JoinCondition.FromExpression(value?.Expr);
                }
                else
                {
                    condition = ConstantStrings(argument) is { } keys ? new JoinCondition(keys, hasRange: false) : null;
                }
            }

            return new JoinNode(invocation.Syntax, left, right, joinType, condition);
        }

        /// <summary>The strings of <c>new[] { "a", "b" }</c> or <c>new List&lt;string&gt; { … }</c> when all are constants.</summary>
        private static ImmutableArray<string>? ConstantStrings(IOperation? operation)
        {
            IEnumerable<IOperation>? elements = operation switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                IObjectCreationOperation { Initializer: { } initializer } => initializer.Initializers.Select(i => i is IInvocationOperation add && add.Arguments.Length == 1 ? add.Arguments[0].Value : i),
                _ => null,
            };

            if (elements is null)
            {
                return null;
            }

            var names = ImmutableArray.CreateBuilder<string>();
            foreach (IOperation element in elements)
            {
                if (OperationFacts.ConstantString(OperationFacts.Unwrap(element)) is not { } name)
                {
                    return null;
                }

                names.Add(name);
            }

            return names.ToImmutable();
        }

        private SparkValue? EvalGroupedMethod(IInvocationOperation invocation, Walk walk)
        {
            if (!(this.Eval(invocation.Instance, walk) is GroupedValue grouped))
            {
                return null;
            }

            string name = invocation.TargetMethod.Name;
            if (name == "Pivot")
            {
                return new GroupedValue(grouped.Child, grouped.Keys, grouped.GroupingCall);
            }

            if (!this.Symbols.Is(invocation.TargetMethod.ReturnType, this.Symbols.DataFrame))
            {
                return null;
            }

            return new DataFrameValue(SparkApi.Aggregations.Contains(name)
                ? new AggregateNode(invocation.Syntax, grouped.Child, grouped.Keys, grouped.GroupingCall, name)
                : new OpaqueNode(invocation.Syntax, grouped.Child, name));
        }

        /// <summary>GroupBy(params Column[]) or GroupBy(string, params string[]); a key that cannot be followed is null.</summary>
        private ImmutableArray<ColumnExpr?> GroupingKeys(IInvocationOperation invocation, Walk walk)
        {
            var keys = ImmutableArray.CreateBuilder<ColumnExpr?>();
            foreach (IOperation? key in this.AllArguments(invocation))
            {
                keys.Add(OperationFacts.ConstantString(key) is { } columnName
                    ? new ColumnRef(columnName)
                    : this.ColumnOf(key, walk));
            }

            return keys.ToImmutable();
        }

        /// <summary>Names passed as strings (first argument plus params); null when any is not a constant.</summary>
        private ImmutableArray<string>? ColumnNames(IInvocationOperation invocation)
        {
            var names = ImmutableArray.CreateBuilder<string>();
            foreach (IOperation? argument in this.AllArguments(invocation))
            {
                if (OperationFacts.ConstantString(argument) is not { } name)
                {
                    return null;
                }

                names.Add(name);
            }

            return names.ToImmutable();
        }

        /// <summary>
        /// Every argument value in parameter order, expanding params arrays. A params array passed as an array
        /// yields a null entry (its elements are unknown).
        /// </summary>
        private IEnumerable<IOperation?> AllArguments(IInvocationOperation invocation)
        {
            foreach (IParameterSymbol parameter in invocation.TargetMethod.Parameters)
            {
                if (parameter.IsParams)
                {
                    ImmutableArray<IOperation>? elements = OperationFacts.ParamsElements(invocation, parameter.Ordinal);
                    if (elements is null)
                    {
                        yield return OperationFacts.Argument(invocation, parameter.Ordinal);
                        continue;
                    }

                    foreach (IOperation element in elements.Value)
                    {
                        yield return element;
                    }
                }
                else if (OperationFacts.Argument(invocation, parameter.Ordinal) is { } argument)
                {
                    yield return argument;
                }
            }
        }
    }
}
