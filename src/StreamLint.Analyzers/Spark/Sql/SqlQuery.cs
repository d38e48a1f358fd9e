using System.Collections.Immutable;

namespace StreamLint.Spark.Sql
{
    /// <summary>
    /// One <c>SELECT</c> query as written: common table expressions, the projection, the FROM relation and its
    /// joins, and the clauses after them. Set operations (UNION, EXCEPT, INTERSECT) and clauses listed in
    /// docs/sql-reader.md as unknown make the text unparsable rather than half-read.
    /// </summary>
    internal sealed class SqlQuery
    {
        public SqlQuery(
            ImmutableArray<SqlCommonTableExpression> with,
            bool distinct,
            ImmutableArray<SqlSelectItem> items,
            SqlRelation? from,
            ImmutableArray<SqlJoin> joins,
            SqlExpr? where,
            SqlGroupBy? groupBy,
            SqlExpr? having,
            ImmutableArray<SqlNamedWindow> windows,
            ImmutableArray<SqlOrderItem> orderBy,
            SqlExpr? limit)
        {
            this.With = with;
            this.Distinct = distinct;
            this.Items = items;
            this.From = from;
            this.Joins = joins;
            this.Where = where;
            this.GroupBy = groupBy;
            this.Having = having;
            this.Windows = windows;
            this.OrderBy = orderBy;
            this.Limit = limit;
        }

        public ImmutableArray<SqlCommonTableExpression> With { get; }

        /// <summary><c>SELECT DISTINCT</c> (Spark plans it as a Deduplicate on all output columns).</summary>
        public bool Distinct { get; }

        public ImmutableArray<SqlSelectItem> Items { get; }

        /// <summary>The first relation after FROM; null for <c>SELECT 1</c>.</summary>
        public SqlRelation? From { get; }

        /// <summary>Joins in order; <c>FROM a, b</c> is a <see cref="SqlJoinType.Cross"/> join without condition.</summary>
        public ImmutableArray<SqlJoin> Joins { get; }

        public SqlExpr? Where { get; }

        public SqlGroupBy? GroupBy { get; }

        public SqlExpr? Having { get; }

        /// <summary>The <c>WINDOW w AS (…)</c> definitions.</summary>
        public ImmutableArray<SqlNamedWindow> Windows { get; }

        public ImmutableArray<SqlOrderItem> OrderBy { get; }

        /// <summary>The LIMIT expression (usually a number literal); null without LIMIT or for LIMIT ALL.</summary>
        public SqlExpr? Limit { get; }
    }

    /// <summary><c>name AS (query)</c> in a WITH clause.</summary>
    internal sealed class SqlCommonTableExpression
    {
        public SqlCommonTableExpression(string name, SqlQuery query)
        {
            this.Name = name;
            this.Query = query;
        }

        public string Name { get; }

        public SqlQuery Query { get; }
    }

    /// <summary>
    /// One item of a SELECT list or a <c>SelectExpr</c> argument: the expression without its alias, and the alias
    /// names (empty when there is none; several for <c>AS (a, b)</c>).
    /// </summary>
    internal sealed class SqlSelectItem
    {
        public SqlSelectItem(SqlExpr expression, ImmutableArray<string> aliases)
        {
            this.Expression = expression;
            this.Aliases = aliases;
        }

        public SqlExpr Expression { get; }

        public ImmutableArray<string> Aliases { get; }

        /// <summary>The single alias, or null when there is none or several.</summary>
        public string? Alias => this.Aliases.Length == 1 ? this.Aliases[0] : null;

        public override string ToString() => this.Aliases.IsEmpty ? this.Expression.ToString() : this.Expression + " AS " + string.Join(", ", this.Aliases);
    }

    /// <summary>A FROM/JOIN relation: a table or view (<see cref="Name"/>) or a parenthesised subquery, with its alias.</summary>
    internal sealed class SqlRelation
    {
        public SqlRelation(ImmutableArray<string> name, SqlQuery? subquery, string? alias)
        {
            this.Name = name;
            this.Subquery = subquery;
            this.Alias = alias;
        }

        /// <summary>The name parts (<c>global_temp.events</c> → ["global_temp", "events"]); empty for a subquery.</summary>
        public ImmutableArray<string> Name { get; }

        public SqlQuery? Subquery { get; }

        public string? Alias { get; }

        /// <summary>The last name part (the view name), or null for a subquery.</summary>
        public string? ViewName => this.Name.IsEmpty ? null : this.Name[this.Name.Length - 1];

        /// <summary>How columns of this relation are qualified: the alias, else the view name.</summary>
        public string? Qualifier => this.Alias ?? this.ViewName;

        public override string ToString() => (this.Name.IsEmpty ? "(subquery)" : string.Join(".", this.Name)) + (this.Alias is null ? string.Empty : " " + this.Alias);
    }

    /// <summary>Join types by Spark's names (JoinType.scala).</summary>
    internal enum SqlJoinType
    {
        Inner,
        Cross,
        LeftOuter,
        RightOuter,
        FullOuter,
        LeftSemi,
        LeftAnti,
    }

    /// <summary><c>[type] JOIN relation [ON cond | USING (cols)]</c>.</summary>
    internal sealed class SqlJoin
    {
        public SqlJoin(SqlJoinType type, SqlRelation relation, SqlExpr? condition, ImmutableArray<string> usingColumns)
        {
            this.Type = type;
            this.Relation = relation;
            this.Condition = condition;
            this.UsingColumns = usingColumns;
        }

        public SqlJoinType Type { get; }

        public SqlRelation Relation { get; }

        /// <summary>The ON condition; null for USING or no condition.</summary>
        public SqlExpr? Condition { get; }

        /// <summary>The USING columns (equi-join keys by name); empty without USING.</summary>
        public ImmutableArray<string> UsingColumns { get; }
    }

    /// <summary>GROUP BY expressions; <see cref="All"/> for <c>GROUP BY ALL</c> (Spark 3.4+: every non-aggregate select item).</summary>
    internal sealed class SqlGroupBy
    {
        public SqlGroupBy(ImmutableArray<SqlExpr> expressions, bool all)
        {
            this.Expressions = expressions;
            this.All = all;
        }

        public ImmutableArray<SqlExpr> Expressions { get; }

        public bool All { get; }
    }

    /// <summary><c>WINDOW name AS (spec)</c>.</summary>
    internal sealed class SqlNamedWindow
    {
        public SqlNamedWindow(string name, SqlWindowSpec spec)
        {
            this.Name = name;
            this.Spec = spec;
        }

        public string Name { get; }

        public SqlWindowSpec Spec { get; }
    }

    /// <summary>An ORDER BY item (also inside OVER).</summary>
    internal sealed class SqlOrderItem
    {
        public SqlOrderItem(SqlExpr expression, bool descending)
        {
            this.Expression = expression;
            this.Descending = descending;
        }

        public SqlExpr Expression { get; }

        public bool Descending { get; }
    }
}
