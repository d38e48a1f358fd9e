using System.Collections.Immutable;

namespace StreamLint.Spark.Sql
{
    /// <summary>
    /// Queries: <c>[WITH cte AS (…), …] SELECT [DISTINCT|ALL] items [FROM relation [joins]] [WHERE] [GROUP BY]
    /// [HAVING] [WINDOW] [ORDER BY] [LIMIT]</c>. A set operation, LATERAL VIEW, PIVOT, TABLESAMPLE, SORT/CLUSTER/
    /// DISTRIBUTE BY or any other clause stops the reader: the text is then unknown as a whole.
    /// </summary>
    internal sealed partial class SqlParser
    {
        public SqlQuery ParseQuery()
        {
            this.Enter();
            try
            {
                var with = ImmutableArray.CreateBuilder<SqlCommonTableExpression>();
                if (this.AcceptKeyword("WITH"))
                {
                    if (this.Current.IsKeyword("RECURSIVE"))
                    {
                        throw this.Error("WITH RECURSIVE is not read");
                    }

                    do
                    {
                        string name = this.ExpectName();
                        this.AcceptKeyword("AS");
                        this.Expect(SqlTokenKind.LeftParen);
                        SqlQuery body = this.ParseQuery();
                        this.Expect(SqlTokenKind.RightParen);
                        with.Add(new SqlCommonTableExpression(name, body));
                    }
                    while (this.Accept(SqlTokenKind.Comma));
                }

                return this.ParseSelect(with.ToImmutable());
            }
            finally
            {
                this.depth--;
            }
        }

        private SqlQuery ParseSelect(ImmutableArray<SqlCommonTableExpression> with)
        {
            this.ExpectKeyword("SELECT");
            bool distinct = this.AcceptKeyword("DISTINCT");
            if (!distinct)
            {
                this.AcceptKeyword("ALL");
            }

            var items = ImmutableArray.CreateBuilder<SqlSelectItem>();
            do
            {
                items.Add(this.ParseNamedExpression());
            }
            while (this.Accept(SqlTokenKind.Comma));

            SqlRelation? from = null;
            var joins = ImmutableArray.CreateBuilder<SqlJoin>();
            if (this.AcceptKeyword("FROM"))
            {
                from = this.ParseRelation();
                this.ParseJoins(joins);
            }

            SqlExpr? where = this.AcceptKeyword("WHERE") ? this.ParseExpression() : null;
            SqlGroupBy? groupBy = null;
            if (this.AcceptKeyword("GROUP"))
            {
                this.ExpectKeyword("BY");
                groupBy = this.Current.IsKeyword("ALL") && this.Peek().Kind != SqlTokenKind.LeftParen && this.Peek().Kind != SqlTokenKind.Dot
                    ? this.GroupByAll()
                    : new SqlGroupBy(this.ParseExpressionList(), all: false);
                if (this.Current.IsKeyword("WITH") || this.Current.IsKeyword("GROUPING"))
                {
                    throw this.Error("WITH ROLLUP / CUBE / GROUPING SETS are not read");
                }
            }

            SqlExpr? having = this.AcceptKeyword("HAVING") ? this.ParseExpression() : null;
            var windows = ImmutableArray.CreateBuilder<SqlNamedWindow>();
            if (this.AcceptKeyword("WINDOW"))
            {
                do
                {
                    string name = this.ExpectName();
                    this.ExpectKeyword("AS");
                    windows.Add(new SqlNamedWindow(name, this.ParseWindowSpec()));
                }
                while (this.Accept(SqlTokenKind.Comma));
            }

            ImmutableArray<SqlOrderItem> orderBy = ImmutableArray<SqlOrderItem>.Empty;
            if (this.Current.IsKeyword("ORDER") && this.Peek().IsKeyword("BY"))
            {
                this.position += 2;
                orderBy = this.ParseOrderItems();
            }

            SqlExpr? limit = null;
            if (this.AcceptKeyword("LIMIT") && !this.AcceptKeyword("ALL"))
            {
                limit = this.ParseExpression();
            }

            return new SqlQuery(with, distinct, items.ToImmutable(), from, joins.ToImmutable(), where, groupBy, having, windows.ToImmutable(), orderBy, limit);
        }

        private SqlGroupBy GroupByAll()
        {
            this.position++;
            return new SqlGroupBy(ImmutableArray<SqlExpr>.Empty, all: true);
        }

        /// <summary>A view or table name (possibly qualified, e.g. <c>global_temp.v</c>) or <c>(subquery)</c>, with an optional alias.</summary>
        private SqlRelation ParseRelation()
        {
            if (this.Accept(SqlTokenKind.LeftParen))
            {
                if (!IsQueryStart(this.Current))
                {
                    throw this.Error("only a subquery may be parenthesised in FROM");
                }

                SqlQuery query = this.ParseQuery();
                this.Expect(SqlTokenKind.RightParen);
                return new SqlRelation(ImmutableArray<string>.Empty, query, this.ParseRelationAlias());
            }

            if (this.Current.Kind == SqlTokenKind.Identifier && SqlKeywords.IsReserved(this.Current.Text))
            {
                throw this.Error("expected a relation");
            }

            var name = ImmutableArray.CreateBuilder<string>();
            name.Add(this.ExpectName());
            while (this.Accept(SqlTokenKind.Dot))
            {
                name.Add(this.ExpectName());
            }

            if (this.Current.Kind == SqlTokenKind.LeftParen)
            {
                throw this.Error("table-valued functions are not read");
            }

            return new SqlRelation(name.ToImmutable(), null, this.ParseRelationAlias());
        }

        private string? ParseRelationAlias()
        {
            if (this.AcceptKeyword("AS"))
            {
                string name = this.ExpectName();
                if (this.Current.Kind == SqlTokenKind.LeftParen)
                {
                    throw this.Error("column aliases of a relation are not read");
                }

                return name;
            }

            SqlToken token = this.Current;
            if (token.Kind == SqlTokenKind.QuotedIdentifier
                || (token.Kind == SqlTokenKind.Identifier && !SqlKeywords.EndsImplicitAlias(token.Text)))
            {
                this.position++;
                return token.Text;
            }

            return null;
        }

        /// <summary>Joins and comma-separated relations (implicit cross joins) after the first FROM relation.</summary>
        private void ParseJoins(ImmutableArray<SqlJoin>.Builder joins)
        {
            while (true)
            {
                if (this.Accept(SqlTokenKind.Comma))
                {
                    joins.Add(new SqlJoin(SqlJoinType.Cross, this.ParseRelation(), null, ImmutableArray<string>.Empty));
                    continue;
                }

                SqlJoinType? type = this.ParseJoinType();
                if (type is null)
                {
                    return;
                }

                SqlRelation relation = this.ParseRelation();
                SqlExpr? condition = null;
                ImmutableArray<string> usingColumns = ImmutableArray<string>.Empty;
                if (this.AcceptKeyword("ON"))
                {
                    condition = this.ParseExpression();
                }
                else if (this.AcceptKeyword("USING"))
                {
                    this.Expect(SqlTokenKind.LeftParen);
                    var names = ImmutableArray.CreateBuilder<string>();
                    do
                    {
                        names.Add(this.ExpectName());
                    }
                    while (this.Accept(SqlTokenKind.Comma));
                    this.Expect(SqlTokenKind.RightParen);
                    usingColumns = names.ToImmutable();
                }

                joins.Add(new SqlJoin(type.Value, relation, condition, usingColumns));
            }
        }

        /// <summary>The join type words before JOIN, or null when no join follows. NATURAL joins are not read.</summary>
        private SqlJoinType? ParseJoinType()
        {
            int start = this.position;
            SqlJoinType type;
            if (this.AcceptKeyword("JOIN"))
            {
                return SqlJoinType.Inner;
            }

            if (this.AcceptKeyword("INNER"))
            {
                type = SqlJoinType.Inner;
            }
            else if (this.AcceptKeyword("CROSS"))
            {
                type = SqlJoinType.Cross;
            }
            else if (this.AcceptKeyword("LEFT"))
            {
                type = this.AcceptKeyword("SEMI") ? SqlJoinType.LeftSemi
                    : this.AcceptKeyword("ANTI") ? SqlJoinType.LeftAnti
                    : SqlJoinType.LeftOuter;
            }
            else if (this.AcceptKeyword("RIGHT"))
            {
                type = SqlJoinType.RightOuter;
            }
            else if (this.AcceptKeyword("FULL"))
            {
                type = SqlJoinType.FullOuter;
            }
            else if (this.AcceptKeyword("SEMI"))
            {
                type = SqlJoinType.LeftSemi;
            }
            else if (this.AcceptKeyword("ANTI"))
            {
                type = SqlJoinType.LeftAnti;
            }
            else
            {
                if (this.Current.IsKeyword("NATURAL"))
                {
                    throw this.Error("NATURAL joins are not read");
                }

                return null;
            }

            if (type is SqlJoinType.LeftOuter or SqlJoinType.RightOuter or SqlJoinType.FullOuter)
            {
                this.AcceptKeyword("OUTER");
            }

            if (!this.AcceptKeyword("JOIN"))
            {
                this.position = start;
                throw this.Error("expected JOIN");
            }

            return type;
        }
    }
}
