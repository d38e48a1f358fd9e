using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Spark.Sql;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>
    /// Spark SQL text as part of the plan: <c>SelectExpr("…")</c> and <c>spark.Sql("…")</c> over the temporary views
    /// registered in the compilation. Text the SQL reader cannot read stays unknown, without hiding what is proven below it.
    /// </summary>
    internal sealed partial class PipelineEvaluator
    {
        /// <summary>Methods that register a DataFrame as a view <c>spark.Sql</c> can read.</summary>
        private static readonly string[] ViewRegistrations = { "CreateOrReplaceTempView", "CreateTempView", "CreateGlobalTempView", "CreateOrReplaceGlobalTempView" };

        /// <summary>
        /// <c>SelectExpr(items)</c>: a projection (row-preserving; watermarks kept on columns passed through or aliased)
        /// unless an item calls an aggregate function, which makes it a global aggregation as in Spark. Items that are
        /// not constants or do not parse leave an opaque operator: columns unknown, everything below still visible.
        /// </summary>
        private PlanNode SelectExpr(IInvocationOperation invocation, PlanNode child)
        {
            var items = new List<SqlSelectItem>();
            foreach (IOperation? argument in this.AllArguments(invocation))
            {
                if (SqlText.ParseSelectItem(OperationFacts.ConstantString(argument)) is not { } item)
                {
                    return new OpaqueNode(invocation.Syntax, child, "SelectExpr");
                }

                items.Add(item);
            }

            if (items.Any(i => SqlSemantics.ContainsAggregate(i.Expression)))
            {
                return new AggregateNode(invocation.Syntax, child, ImmutableArray<ColumnExpr?>.Empty, groupingCall: null, "SelectExpr");
            }

            return new UnaryNode(invocation.Syntax, child, "SelectExpr", Selection(items, invocation.Syntax, relations: null));
        }

        /// <summary>The projection of a SELECT list; unknown when an item cannot be followed.</summary>
        private static Projection Selection(IEnumerable<SqlSelectItem> items, SyntaxNode syntax, ICollection<string>? relations)
        {
            var columns = ImmutableArray.CreateBuilder<ColumnExpr>();
            foreach (SqlSelectItem item in items)
            {
                if (Item(item, syntax, relations) is not { } column)
                {
                    return Projection.Unknown;
                }

                columns.Add(column);
            }

            return new SelectProjection(columns.ToImmutable());
        }

        private static ColumnExpr? Item(SqlSelectItem item, SyntaxNode syntax, ICollection<string>? relations)
        {
            if (item.Aliases.Length > 1 || SqlColumns.Read(item.Expression, syntax, relations) is not { } column)
            {
                return null;
            }

            return item.Alias is { } alias ? new AliasColumn(column, alias) : column;
        }

        /// <summary><c>spark.Sql("SELECT …")</c>: the query over the compilation's temporary views; null (unknown) when it cannot be read.</summary>
        private SparkValue? SqlQueryValue(IInvocationOperation invocation, Walk walk)
        {
            if (SqlText.ParseQuery(OperationFacts.ConstantString(OperationFacts.Argument(invocation, 0))) is not { } query)
            {
                return null;
            }

            PlanNode? plan = new SqlPlanReader(this, invocation.Syntax, walk).Query(query, ImmutableDictionary<string, PlanNode>.Empty.WithComparers(SqlNames.Comparer));
            return plan is null ? null : new DataFrameValue(plan);
        }

        /// <summary>
        /// The DataFrame registered as view <paramref name="name"/> in the compilation, bound from its callers. Null
        /// when no registration is known, or several registrations give different lineages.
        /// </summary>
        private PlanNode? View(string name, Walk walk)
        {
            PlanNode? found = null;
            string? foundDump = null;
            foreach (string method in ViewRegistrations)
            {
                foreach (BoundCall call in this.spark.Library.CallsNamed(method, walk.CancellationToken))
                {
                    IInvocationOperation registration = call.Invocation;
                    if (!this.Symbols.Is(registration.TargetMethod.ContainingType, this.Symbols.DataFrame)
                        || OperationFacts.ConstantString(OperationFacts.Argument(registration, 0)) is not { } registered)
                    {
                        if (this.Symbols.Is(registration.TargetMethod.ContainingType, this.Symbols.DataFrame))
                        {
                            return null; // a view named at run time may be this one
                        }

                        continue;
                    }

                    if (!SqlNames.Equal(registered, name))
                    {
                        continue;
                    }

                    if ((this.Eval(registration.Instance, walk) as DataFrameValue)?.Plan is not { } plan
                        || this.BindFromCallers(plan, walk, depth: 1) is not { } bound)
                    {
                        return null;
                    }

                    if (found is null)
                    {
                        found = bound;
                        foundDump = null;
                    }
                    else if (!ReferenceEquals(found, bound) && (foundDump ??= PlanDump.Of(found)) != PlanDump.Of(bound))
                    {
                        return null; // registered twice with different lineage
                    }
                }
            }

            return found;
        }

        /// <summary>Builds the plan of one parsed query; every node it makes points at the Sql(…) call.</summary>
        private sealed class SqlPlanReader
        {
            private readonly PipelineEvaluator evaluator;
            private readonly SyntaxNode syntax;
            private readonly Walk walk;

            public SqlPlanReader(PipelineEvaluator evaluator, SyntaxNode syntax, Walk walk)
            {
                this.evaluator = evaluator;
                this.syntax = syntax;
                this.walk = walk;
            }

            public PlanNode? Query(SqlQuery query, ImmutableDictionary<string, PlanNode> ctes)
            {
                foreach (SqlCommonTableExpression cte in query.With)
                {
                    if (this.Query(cte.Query, ctes) is not { } plan)
                    {
                        return null;
                    }

                    ctes = ctes.SetItem(cte.Name, plan);
                }

                if (query.From is null || this.Relation(query.From, ctes) is not { } node)
                {
                    return null;
                }

                var relations = new HashSet<string>(SqlNames.Comparer);
                AddQualifier(relations, query.From);
                foreach (SqlJoin join in query.Joins)
                {
                    if (this.Relation(join.Relation, ctes) is not { } right)
                    {
                        return null;
                    }

                    AddQualifier(relations, join.Relation);
                    JoinCondition? condition = !join.UsingColumns.IsEmpty ? new JoinCondition(join.UsingColumns, hasRange: false)
                        : join.Condition is { } on ? JoinCondition.FromSql(on)
                        : new JoinCondition(ImmutableArray<string>.Empty, hasRange: false);
                    node = new JoinNode(this.syntax, node, right, JoinType(join.Type), condition);
                }

                if (query.Where is { } where)
                {
                    node = new UnaryNode(this.syntax, node, "Filter", new ConditionProjection(SqlSemantics.ReadsCurrentTime(where)));
                }

                bool aggregates = query.GroupBy is not null || query.Having is not null
                    || query.Items.Any(i => SqlSemantics.ContainsAggregate(i.Expression));
                if (aggregates)
                {
                    node = new AggregateNode(this.syntax, node, this.GroupingKeys(query, relations), groupingCall: null, "Sql");
                    if (query.Having is { } having)
                    {
                        node = new UnaryNode(this.syntax, node, "Filter", new ConditionProjection(SqlSemantics.ReadsCurrentTime(having)));
                    }
                }
                else
                {
                    node = new UnaryNode(this.syntax, node, "Select", Selection(query.Items, this.syntax, relations));
                }

                if (query.Distinct)
                {
                    node = new DeduplicateNode(this.syntax, node, ImmutableArray<string>.Empty, "Distinct");
                }

                if (!query.OrderBy.IsEmpty)
                {
                    node = new UnaryNode(this.syntax, node, "OrderBy", projection: null);
                }

                if (query.Limit is not null)
                {
                    node = new UnaryNode(this.syntax, node, "Limit", projection: null);
                }

                return node;
            }

            /// <summary>
            /// GROUP BY keys; a bare name that is a select item's alias (and not that item's own column) groups by the
            /// item, as Spark's group-by-alias resolution does. <c>GROUP BY ALL</c> groups by every non-aggregate item.
            /// </summary>
            private ImmutableArray<ColumnExpr?> GroupingKeys(SqlQuery query, ICollection<string> relations)
            {
                if (query.GroupBy is null)
                {
                    return ImmutableArray<ColumnExpr?>.Empty;
                }

                IEnumerable<SqlExpr> keys = query.GroupBy.All
                    ? query.Items.Where(i => !SqlSemantics.ContainsAggregate(i.Expression)).Select(i => i.Expression)
                    : query.GroupBy.Expressions;
                var result = ImmutableArray.CreateBuilder<ColumnExpr?>();
                foreach (SqlExpr key in keys)
                {
                    SqlExpr resolved = key;
                    if (key is SqlColumn { Parts.Length: 1 } named
                        && query.Items.FirstOrDefault(i => SqlNames.Equal(i.Alias, named.Name)) is { } aliased
                        && !(aliased.Expression is SqlColumn own && SqlNames.Equal(own.Name, named.Name)))
                    {
                        resolved = aliased.Expression;
                    }

                    result.Add(SqlColumns.Read(resolved, this.syntax, relations));
                }

                return result.ToImmutable();
            }

            private PlanNode? Relation(SqlRelation relation, ImmutableDictionary<string, PlanNode> ctes)
            {
                if (relation.Subquery is { } subquery)
                {
                    return this.Query(subquery, ctes);
                }

                string? name = relation.ViewName;
                if (name is null)
                {
                    return null;
                }

                if (relation.Name.Length == 1 && ctes.TryGetValue(name, out PlanNode? cte))
                {
                    return cte;
                }

                // A view, or global_temp.view; a name with another database prefix is a table, not known here.
                bool global = relation.Name.Length == 2 && SqlNames.Equal(relation.Name[0], "global_temp");
                return relation.Name.Length == 1 || global ? this.evaluator.View(name, this.walk) : null;
            }

            private static void AddQualifier(HashSet<string> relations, SqlRelation relation)
            {
                if (relation.Qualifier is { } qualifier)
                {
                    relations.Add(qualifier);
                }
            }

            private static string JoinType(SqlJoinType type) => type switch
            {
                SqlJoinType.Cross => JoinTypes.Cross,
                SqlJoinType.LeftOuter => JoinTypes.LeftOuter,
                SqlJoinType.RightOuter => JoinTypes.RightOuter,
                SqlJoinType.FullOuter => JoinTypes.FullOuter,
                SqlJoinType.LeftSemi => JoinTypes.LeftSemi,
                SqlJoinType.LeftAnti => JoinTypes.LeftAnti,
                _ => JoinTypes.Inner,
            };
        }
    }
}
