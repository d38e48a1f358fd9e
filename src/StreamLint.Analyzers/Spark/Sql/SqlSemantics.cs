using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace StreamLint.Spark.Sql
{
    /// <summary>
    /// What the pipeline model asks of a parsed expression. Walks are iterative (a long <c>a + b + …</c> chain is
    /// a deep tree) and stop at nested queries, whose columns belong to other relations.
    /// </summary>
    internal static class SqlSemantics
    {
        /// <summary>The expression and all its sub-expressions, pre-order, not entering subqueries.</summary>
        public static IEnumerable<SqlExpr> DescendantsAndSelf(SqlExpr expression)
        {
            var pending = new Stack<SqlExpr>();
            pending.Push(expression);
            while (pending.Count > 0)
            {
                SqlExpr current = pending.Pop();
                yield return current;
                ImmutableArray<SqlExpr> children = current.Children;
                for (int i = children.Length - 1; i >= 0; i--)
                {
                    pending.Push(children[i]);
                }
            }
        }

        /// <summary>The expression under any aliases.</summary>
        public static SqlExpr Unaliased(SqlExpr expression)
        {
            while (expression is SqlAlias alias)
            {
                expression = alias.Inner;
            }

            return expression;
        }

        /// <summary>
        /// True when an aggregate function is called outside any <c>OVER</c>: <c>sum(x) OVER (…)</c> is a window
        /// function (see <see cref="ContainsWindowFunctionOver"/>), but an aggregate in its arguments still counts.
        /// </summary>
        public static bool ContainsAggregate(SqlExpr expression) =>
            DescendantsAndSelf(expression).Any(e => e is SqlFunctionCall { Over: null } call && SqlFunctions.IsAggregate(call.Name));

        /// <summary>True when some function is called with <c>OVER</c>: a non-time window function, which Spark rejects on streams.</summary>
        public static bool ContainsWindowFunctionOver(SqlExpr expression) =>
            DescendantsAndSelf(expression).Any(e => e is SqlFunctionCall { Over: not null });

        /// <summary>True when the expression (under aliases) is <c>count(DISTINCT …)</c>.</summary>
        public static bool IsCountDistinct(SqlExpr expression) =>
            Unaliased(expression) is SqlFunctionCall { Distinct: true, Over: null } call && call.Is("count");

        /// <summary>
        /// True when any aggregate is called with DISTINCT (<c>count(DISTINCT x)</c>, <c>sum(DISTINCT x)</c>): Spark's
        /// streaming checker rejects every distinct aggregation, not only count.
        /// </summary>
        public static bool ContainsDistinctAggregate(SqlExpr expression) =>
            DescendantsAndSelf(expression).Any(e => e is SqlFunctionCall { Distinct: true, Over: null } call && SqlFunctions.IsAggregate(call.Name));

        /// <summary>True when the expression reads processing time: current_timestamp, now(), current_date, localtimestamp, unix_timestamp().</summary>
        public static bool ReadsCurrentTime(SqlExpr expression) =>
            DescendantsAndSelf(expression).Any(e => e is SqlFunctionCall call && SqlFunctions.ReadsCurrentTime(call));

        /// <summary>True when <paramref name="name"/> is called anywhere (e.g. monotonically_increasing_id, which Spark rejects on streams).</summary>
        public static bool CallsFunction(SqlExpr expression, string name) =>
            DescendantsAndSelf(expression).Any(e => e is SqlFunctionCall call && SqlNames.Equal(call.Name, name));

        /// <summary>
        /// The column references in the expression, in source order, without lambda parameters (<c>x</c> in
        /// <c>transform(a, x -&gt; x + 1)</c>) and without the insides of subqueries.
        /// </summary>
        public static ImmutableArray<SqlColumn> ColumnReferences(SqlExpr expression)
        {
            var columns = ImmutableArray.CreateBuilder<SqlColumn>();
            var pending = new Stack<(SqlExpr Node, ImmutableHashSet<string> Parameters)>();
            pending.Push((expression, ImmutableHashSet.Create<string>(SqlNames.Comparer)));
            while (pending.Count > 0)
            {
                (SqlExpr node, ImmutableHashSet<string> parameters) = pending.Pop();
                if (node is SqlColumn column)
                {
                    if (!parameters.Contains(column.Parts[0]))
                    {
                        columns.Add(column);
                    }

                    continue;
                }

                if (node is SqlLambda lambda)
                {
                    parameters = parameters.Union(lambda.Parameters);
                }

                ImmutableArray<SqlExpr> children = node.Children;
                for (int i = children.Length - 1; i >= 0; i--)
                {
                    pending.Push((children[i], parameters));
                }
            }

            return columns.ToImmutable();
        }

        /// <summary>
        /// True when the expression reads column <paramref name="name"/> (case-insensitively). With a
        /// <paramref name="qualifier"/>, a reference qualified by another relation does not count; an unqualified
        /// reference does (Spark resolves it by name).
        /// </summary>
        public static bool ReferencesColumn(SqlExpr expression, string name, string? qualifier = null) =>
            ColumnReferences(expression).Any(c => Matches(c, name, qualifier));

        /// <summary>True when <paramref name="column"/> names <paramref name="name"/> of the relation <paramref name="qualifier"/> (any relation when null).</summary>
        public static bool Matches(SqlColumn column, string name, string? qualifier = null) =>
            SqlNames.Equal(column.Name, name) && (qualifier is null || column.Qualifier is null || SqlNames.Equal(column.Qualifier, qualifier));

        /// <summary>True for <c>*</c> and <c>t.*</c> (every input column passes through).</summary>
        public static bool IsStar(SqlSelectItem item) => item.Expression is SqlStar;

        /// <summary>
        /// The output column name Spark gives the item, or null when Spark generates one from the expression's SQL
        /// text (<c>count(1)</c>, <c>(a + b)</c>) or the item has several names. The alias when there is one; for a
        /// column reference its last part (<c>t.ts</c> and struct field <c>e.ts</c> are both named <c>ts</c>); for an
        /// unaliased <c>CAST(x AS T)</c> over a column, <c>x</c>: Spark's Analyzer.ResolveAliases turns
        /// <c>Cast(ne: NamedExpression)</c> into <c>Alias(cast, ne.name)</c>, so the name is not "CAST(x AS T)".
        /// </summary>
        public static string? OutputName(SqlSelectItem item)
        {
            if (!item.Aliases.IsEmpty)
            {
                return item.Alias;
            }

            return OutputName(item.Expression);
        }

        /// <summary><see cref="OutputName(SqlSelectItem)"/> for a bare expression (an alias node names it).</summary>
        public static string? OutputName(SqlExpr expression) => expression switch
        {
            SqlAlias alias => alias.Names.Length == 1 ? alias.Names[0] : null,
            SqlColumn column => column.Name,
            SqlCast { Operand: SqlColumn column } => column.Name,
            _ => null,
        };

        /// <summary>
        /// The name of the input column whose identity the item keeps: a plain or qualified reference, <c>x AS y</c>,
        /// and — per the rule catalogue's precision policy — <c>CAST(x AS …) [AS y]</c>. Null for computed values and
        /// stars. <see cref="PassedThroughReference"/> gives the reference itself (with its qualifier).
        /// </summary>
        public static string? PassesThroughColumn(SqlSelectItem item) => PassedThroughReference(item, out _)?.Name;

        /// <summary>
        /// The reference behind <see cref="PassesThroughColumn"/>; <paramref name="throughCast"/> says it is reached
        /// through a CAST. Spark itself drops attribute metadata there (Alias.metadata keeps the child's metadata
        /// only for a NamedExpression or GetStructField child, and Cast is neither), so an event-time watermark
        /// does not survive a cast in Spark; callers that must follow Spark exactly can refuse those.
        /// </summary>
        public static SqlColumn? PassedThroughReference(SqlSelectItem item, out bool throughCast)
        {
            throughCast = false;
            SqlExpr expression = Unaliased(item.Expression);
            while (expression is SqlCast cast)
            {
                throughCast = true;
                expression = Unaliased(cast.Operand);
            }

            return expression as SqlColumn;
        }
    }
}
