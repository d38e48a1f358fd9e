using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StreamLint.Spark.Sql
{
    /// <summary>
    /// Expressions, with Spark's precedence (SqlBaseParser.g4, lowest first): OR; AND; NOT; predicates
    /// (IS, [NOT] IN / BETWEEN / LIKE); comparison; <c>|</c>; <c>^</c>; <c>&amp;</c>; <c>+ - ||</c>;
    /// <c>* / % DIV</c>; unary <c>- + ~</c>; postfix <c>[i]</c> and <c>.field</c>.
    /// </summary>
    internal sealed partial class SqlParser
    {
        /// <summary>A full expression, optionally with an alias: what <c>Expr("…")</c> and <c>SelectExpr("…")</c> accept.</summary>
        public SqlSelectItem ParseNamedExpression()
        {
            SqlExpr expression = this.ParseExpression();
            return new SqlSelectItem(expression, this.ParseAlias());
        }

        /// <summary><c>AS name</c>, <c>AS (a, b)</c>, or an implicit <c>name</c>; empty when there is no alias.</summary>
        private ImmutableArray<string> ParseAlias()
        {
            if (this.AcceptKeyword("AS"))
            {
                if (!this.Accept(SqlTokenKind.LeftParen))
                {
                    return ImmutableArray.Create(this.ExpectName());
                }

                var names = ImmutableArray.CreateBuilder<string>();
                do
                {
                    names.Add(this.ExpectName());
                }
                while (this.Accept(SqlTokenKind.Comma));
                this.Expect(SqlTokenKind.RightParen);
                return names.ToImmutable();
            }

            SqlToken token = this.Current;
            if (token.Kind == SqlTokenKind.QuotedIdentifier
                || (token.Kind == SqlTokenKind.Identifier && !SqlKeywords.EndsImplicitAlias(token.Text)))
            {
                this.position++;
                return ImmutableArray.Create(token.Text);
            }

            return ImmutableArray<string>.Empty;
        }

        public SqlExpr ParseExpression()
        {
            this.Enter();
            try
            {
                SqlExpr left = this.ParseAnd();
                while (this.AcceptKeyword("OR"))
                {
                    left = new SqlBinary(SqlBinaryOperator.Or, left, this.ParseAnd());
                }

                return left;
            }
            finally
            {
                this.depth--;
            }
        }

        private SqlExpr ParseAnd()
        {
            SqlExpr left = this.ParseNot();
            while (this.AcceptKeyword("AND"))
            {
                left = new SqlBinary(SqlBinaryOperator.And, left, this.ParseNot());
            }

            return left;
        }

        private SqlExpr ParseNot()
        {
            if (this.AcceptKeyword("NOT") || this.AcceptOperator("!"))
            {
                this.Enter();
                try
                {
                    return new SqlUnary(SqlUnaryOperator.Not, this.ParseNot());
                }
                finally
                {
                    this.depth--;
                }
            }

            // EXISTS (SELECT …) is a predicate; exists(array, x -> …) is a higher-order function.
            if (this.Current.IsKeyword("EXISTS") && this.Peek().Kind == SqlTokenKind.LeftParen && IsQueryStart(this.Peek(2)))
            {
                this.position += 2;
                SqlQuery query = this.ParseQuery();
                this.Expect(SqlTokenKind.RightParen);
                return new SqlSubquery(query, isExists: true);
            }

            return this.ParsePredicate(this.ParseValue(1));
        }

        /// <summary>The predicate that may follow a value: IS …, [NOT] BETWEEN / IN / LIKE / ILIKE / RLIKE / REGEXP.</summary>
        private SqlExpr ParsePredicate(SqlExpr value)
        {
            if (this.AcceptKeyword("IS"))
            {
                bool negatedIs = this.AcceptKeyword("NOT");
                if (this.AcceptKeyword("DISTINCT"))
                {
                    // a IS [NOT] DISTINCT FROM b is Spark's null-safe (in)equality.
                    this.ExpectKeyword("FROM");
                    var equal = new SqlBinary(SqlBinaryOperator.NullSafeEqual, value, this.ParseValue(1));
                    return negatedIs ? equal : new SqlUnary(SqlUnaryOperator.Not, equal);
                }

                foreach (string word in new[] { "NULL", "TRUE", "FALSE", "UNKNOWN" })
                {
                    if (this.AcceptKeyword(word))
                    {
                        return new SqlIs(value, word, negatedIs);
                    }
                }

                throw this.Error("expected NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS");
            }

            bool negated = this.AcceptKeyword("NOT");
            if (this.AcceptKeyword("BETWEEN"))
            {
                SqlExpr low = this.ParseValue(1);
                this.ExpectKeyword("AND");
                return new SqlBetween(value, low, this.ParseValue(1), negated);
            }

            if (this.AcceptKeyword("IN"))
            {
                return this.ParseInList(value, negated);
            }

            foreach (string kind in new[] { "LIKE", "ILIKE", "RLIKE", "REGEXP" })
            {
                if (this.AcceptKeyword(kind))
                {
                    if (this.Current.IsKeyword("ANY") || this.Current.IsKeyword("ALL") || this.Current.IsKeyword("SOME"))
                    {
                        throw this.Error("LIKE ANY/ALL is not read");
                    }

                    var like = new SqlLike(value, kind, this.ParseValue(1), negated);
                    if (this.AcceptKeyword("ESCAPE"))
                    {
                        this.ParseValue(1);
                    }

                    return like;
                }
            }

            if (negated)
            {
                throw this.Error("expected BETWEEN, IN or LIKE after NOT");
            }

            return value;
        }

        private SqlExpr ParseInList(SqlExpr value, bool negated)
        {
            this.Expect(SqlTokenKind.LeftParen);
            if (IsQueryStart(this.Current))
            {
                SqlQuery query = this.ParseQuery();
                this.Expect(SqlTokenKind.RightParen);
                return new SqlIn(value, ImmutableArray<SqlExpr>.Empty, query, negated);
            }

            ImmutableArray<SqlExpr> values = this.ParseExpressionList();
            this.Expect(SqlTokenKind.RightParen);
            return new SqlIn(value, values, null, negated);
        }

        /// <summary>One or more comma-separated expressions.</summary>
        private ImmutableArray<SqlExpr> ParseExpressionList()
        {
            var items = ImmutableArray.CreateBuilder<SqlExpr>();
            do
            {
                items.Add(this.ParseExpression());
            }
            while (this.Accept(SqlTokenKind.Comma));
            return items.ToImmutable();
        }

        /// <summary>Binary operators by precedence climbing; <paramref name="minPrecedence"/> 1 admits comparisons.</summary>
        private SqlExpr ParseValue(int minPrecedence)
        {
            SqlExpr left = this.ParseUnary();
            while (BinaryOperator(this.Current) is { } op && op.Precedence >= minPrecedence)
            {
                this.position++;
                SqlExpr right = this.ParseValue(op.Precedence + 1);
                left = new SqlBinary(op.Operator, left, right);
            }

            return left;
        }

        private static (SqlBinaryOperator Operator, int Precedence)? BinaryOperator(SqlToken token)
        {
            if (token.IsKeyword("DIV"))
            {
                return (SqlBinaryOperator.IntegralDivide, 6);
            }

            if (token.Kind != SqlTokenKind.Operator)
            {
                return null;
            }

            return token.Text switch
            {
                "*" => (SqlBinaryOperator.Multiply, 6),
                "/" => (SqlBinaryOperator.Divide, 6),
                "%" => (SqlBinaryOperator.Modulo, 6),
                "+" => (SqlBinaryOperator.Add, 5),
                "-" => (SqlBinaryOperator.Subtract, 5),
                "||" => (SqlBinaryOperator.Concat, 5),
                "&" => (SqlBinaryOperator.BitwiseAnd, 4),
                "^" => (SqlBinaryOperator.BitwiseXor, 3),
                "|" => (SqlBinaryOperator.BitwiseOr, 2),
                "=" or "==" => (SqlBinaryOperator.Equal, 1),
                "<=>" => (SqlBinaryOperator.NullSafeEqual, 1),
                "<>" or "!=" => (SqlBinaryOperator.NotEqual, 1),
                "<" => (SqlBinaryOperator.Less, 1),
                "<=" => (SqlBinaryOperator.LessOrEqual, 1),
                ">" => (SqlBinaryOperator.Greater, 1),
                ">=" => (SqlBinaryOperator.GreaterOrEqual, 1),
                _ => null,
            };
        }

        private SqlExpr ParseUnary()
        {
            SqlUnaryOperator? op = this.Current.Kind != SqlTokenKind.Operator ? null : this.Current.Text switch
            {
                "-" => SqlUnaryOperator.Negate,
                "+" => SqlUnaryOperator.Plus,
                "~" => SqlUnaryOperator.BitwiseNot,
                _ => null,
            };
            if (op is null)
            {
                return this.ParsePostfix(this.ParsePrimary());
            }

            this.position++;
            this.Enter();
            try
            {
                return new SqlUnary(op.Value, this.ParseUnary());
            }
            finally
            {
                this.depth--;
            }
        }

        /// <summary>Subscripts <c>[i]</c> and field accesses <c>.name</c> after a primary expression.</summary>
        private SqlExpr ParsePostfix(SqlExpr operand)
        {
            while (true)
            {
                if (this.Accept(SqlTokenKind.LeftBracket))
                {
                    SqlExpr index = this.ParseExpression();
                    this.Expect(SqlTokenKind.RightBracket);
                    operand = new SqlSubscript(operand, index);
                }
                else if (this.Current.Kind == SqlTokenKind.Dot)
                {
                    this.position++;
                    operand = new SqlFieldAccess(operand, this.ExpectName());
                }
                else
                {
                    return operand;
                }
            }
        }

        private SqlExpr ParsePrimary()
        {
            SqlToken token = this.Current;
            switch (token.Kind)
            {
                case SqlTokenKind.Number:
                    this.position++;
                    return new SqlLiteral(SqlLiteralKind.Number, token.Text);
                case SqlTokenKind.String:
                    return new SqlLiteral(SqlLiteralKind.String, this.ParseAdjacentStrings());
                case SqlTokenKind.LeftParen:
                    return this.ParseParenthesized();
                case SqlTokenKind.QuotedIdentifier:
                    return this.ParseName();
                case SqlTokenKind.Operator when token.Text == "*":
                    this.position++;
                    return new SqlStar(ImmutableArray<string>.Empty);
                case SqlTokenKind.Identifier:
                    return this.ParseWord(token);
                default:
                    throw this.Error("expected an expression");
            }
        }

        /// <summary>Spark concatenates adjacent string literals: <c>'a' 'b'</c> is <c>'ab'</c>.</summary>
        private string ParseAdjacentStrings()
        {
            var text = new StringBuilder();
            while (this.Current.Kind == SqlTokenKind.String)
            {
                text.Append(this.Advance().Text);
            }

            return text.ToString();
        }

        /// <summary>A bare word: a keyword-led construct, a literal word, a parenthesis-less function, or a name.</summary>
        private SqlExpr ParseWord(SqlToken token)
        {
            SqlToken next = this.Peek();
            bool call = next.Kind == SqlTokenKind.LeftParen;
            string upper = token.Text.ToUpperInvariant();
            switch (upper)
            {
                case "CASE":
                    return this.ParseCase();
                case "CAST" or "TRY_CAST" when call:
                    return this.ParseCast(upper == "TRY_CAST");
                case "INTERVAL" when next.Kind is SqlTokenKind.String or SqlTokenKind.Number || next.IsOperator("-") || next.IsOperator("+"):
                    return this.ParseInterval();
                case "NULL" when !call && next.Kind != SqlTokenKind.Dot:
                    this.position++;
                    return new SqlLiteral(SqlLiteralKind.Null, "null");
                case "TRUE" or "FALSE" when !call && next.Kind != SqlTokenKind.Dot:
                    this.position++;
                    return new SqlLiteral(SqlLiteralKind.Boolean, upper == "TRUE" ? "true" : "false");
                case "DATE" or "TIMESTAMP" or "TIMESTAMP_NTZ" or "TIMESTAMP_LTZ" or "X" when next.Kind == SqlTokenKind.String:
                    this.position++;
                    return new SqlLiteral(SqlLiteralKind.Typed, this.ParseAdjacentStrings(), upper);
            }

            if (!call && next.Kind != SqlTokenKind.Dot && SqlKeywords.IsParenthesisLessFunction(token.Text))
            {
                this.position++;
                return new SqlFunctionCall(token.Text.ToLowerInvariant(), ImmutableArray<SqlExpr>.Empty, withoutParentheses: true);
            }

            if (SqlKeywords.IsReserved(token.Text) && !(call && SqlKeywords.IsReservedFunctionName(token.Text)))
            {
                throw this.Error("unexpected " + token.Text);
            }

            return this.ParseName();
        }

        /// <summary>A dotted name: a column, <c>t.*</c>, a (qualified) function call, or a one-parameter lambda.</summary>
        private SqlExpr ParseName()
        {
            var parts = ImmutableArray.CreateBuilder<string>();
            parts.Add(this.Advance().Text);
            while (this.Current.Kind == SqlTokenKind.Dot)
            {
                SqlToken next = this.Peek();
                if (next.IsOperator("*"))
                {
                    this.position += 2;
                    return new SqlStar(parts.ToImmutable());
                }

                if (next.Kind is not (SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier))
                {
                    throw this.Error("expected a name after '.'");
                }

                this.position += 2;
                parts.Add(next.Text);
            }

            if (this.Current.Kind == SqlTokenKind.LeftParen)
            {
                return this.ParseCall(string.Join(".", parts).ToLowerInvariant());
            }

            if (parts.Count == 1 && this.AcceptOperator("->"))
            {
                return new SqlLambda(parts.ToImmutable(), this.ParseExpression());
            }

            return new SqlColumn(parts.ToImmutable());
        }

        /// <summary>
        /// <c>name(args)</c> with DISTINCT / ALL / <c>*</c>, the SQL-standard forms <c>EXTRACT(f FROM x)</c>,
        /// <c>TRIM(BOTH c FROM s)</c>, <c>SUBSTRING(s FROM i FOR n)</c>, <c>POSITION(a IN b)</c>, then
        /// WITHIN GROUP, IGNORE/RESPECT NULLS, FILTER (WHERE …) and OVER.
        /// </summary>
        private SqlExpr ParseCall(string name)
        {
            this.Expect(SqlTokenKind.LeftParen);
            bool distinct = false, star = false;
            var arguments = ImmutableArray.CreateBuilder<SqlExpr>();
            if (this.Current.IsOperator("*") && this.Peek().Kind == SqlTokenKind.RightParen)
            {
                this.position++;
                star = true;
            }
            else if (this.Current.Kind != SqlTokenKind.RightParen)
            {
                distinct = this.AcceptKeyword("DISTINCT");
                if (!distinct && this.Current.IsKeyword("ALL") && this.Peek().Kind != SqlTokenKind.RightParen)
                {
                    this.position++;
                }

                this.ParseArguments(name, arguments);
            }

            this.Expect(SqlTokenKind.RightParen);
            if (this.Current.IsKeyword("WITHIN") && this.Peek().IsKeyword("GROUP"))
            {
                this.position += 2;
                this.Expect(SqlTokenKind.LeftParen);
                this.ExpectKeyword("ORDER");
                this.ExpectKeyword("BY");
                this.ParseOrderItems();
                this.Expect(SqlTokenKind.RightParen);
            }

            if ((this.Current.IsKeyword("IGNORE") || this.Current.IsKeyword("RESPECT")) && this.Peek().IsKeyword("NULLS"))
            {
                this.position += 2;
            }

            SqlExpr? filter = null;
            if (this.Current.IsKeyword("FILTER") && this.Peek().Kind == SqlTokenKind.LeftParen && this.Peek(2).IsKeyword("WHERE"))
            {
                this.position += 3;
                filter = this.ParseExpression();
                this.Expect(SqlTokenKind.RightParen);
            }

            SqlWindowSpec? over = null;
            if (this.AcceptKeyword("OVER"))
            {
                over = this.Current.Kind == SqlTokenKind.LeftParen
                    ? this.ParseWindowSpec()
                    : new SqlWindowSpec(this.ExpectName(), ImmutableArray<SqlExpr>.Empty, ImmutableArray<SqlOrderItem>.Empty, null);
            }

            if (name == "extract" && arguments.Count == 2 && arguments[0] is SqlColumn field)
            {
                arguments[0] = new SqlLiteral(SqlLiteralKind.String, field.Name.ToUpperInvariant());
            }

            return new SqlFunctionCall(name, arguments.ToImmutable(), distinct, star, filter: filter, over: over);
        }

        private void ParseArguments(string name, ImmutableArray<SqlExpr>.Builder arguments)
        {
            // Only these functions take keyword separators; elsewhere FROM or IN ends the argument (an error).
            bool standard = name is "extract" or "trim" or "substring" or "substr" or "position" or "overlay";
            if (name == "trim" && (this.AcceptKeyword("BOTH") || this.AcceptKeyword("LEADING") || this.AcceptKeyword("TRAILING")))
            {
                arguments.Add(new SqlLiteral(SqlLiteralKind.String, this.tokens[this.position - 1].Text.ToUpperInvariant()));
                if (this.AcceptKeyword("FROM"))
                {
                    arguments.Add(this.ParseExpression());
                    return;
                }
            }

            while (true)
            {
                arguments.Add(standard ? this.ParseValue(1) : this.ParseExpression());
                if (this.Accept(SqlTokenKind.Comma)
                    || (standard && (this.AcceptKeyword("FROM") || this.AcceptKeyword("FOR") || this.AcceptKeyword("IN") || this.AcceptKeyword("PLACING"))))
                {
                    continue;
                }

                return;
            }
        }

        /// <summary><c>( [base] [PARTITION BY …] [ORDER BY …] [frame] )</c>; the frame is kept as text.</summary>
        private SqlWindowSpec ParseWindowSpec()
        {
            this.Expect(SqlTokenKind.LeftParen);
            string? baseName = null;
            if (this.Current.Kind is SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier
                && !(this.Current.Kind == SqlTokenKind.Identifier && SqlKeywords.StartsWindowClause(this.Current.Text)))
            {
                baseName = this.Advance().Text;
            }

            ImmutableArray<SqlExpr> partitionBy = ImmutableArray<SqlExpr>.Empty;
            if ((this.Current.IsKeyword("PARTITION") || this.Current.IsKeyword("DISTRIBUTE")) && this.Peek().IsKeyword("BY"))
            {
                this.position += 2;
                partitionBy = this.ParseExpressionList();
            }

            ImmutableArray<SqlOrderItem> orderBy = ImmutableArray<SqlOrderItem>.Empty;
            if ((this.Current.IsKeyword("ORDER") || this.Current.IsKeyword("SORT")) && this.Peek().IsKeyword("BY"))
            {
                this.position += 2;
                orderBy = this.ParseOrderItems();
            }

            string? frame = null;
            if (this.Current.IsKeyword("ROWS") || this.Current.IsKeyword("RANGE"))
            {
                int start = this.position;
                int nesting = 0;
                while (!this.AtEnd && (nesting > 0 || this.Current.Kind != SqlTokenKind.RightParen))
                {
                    nesting += this.Current.Kind == SqlTokenKind.LeftParen ? 1 : this.Current.Kind == SqlTokenKind.RightParen ? -1 : 0;
                    this.position++;
                }

                frame = this.SourceFrom(start);
            }

            this.Expect(SqlTokenKind.RightParen);
            return new SqlWindowSpec(baseName, partitionBy, orderBy, frame);
        }

        /// <summary>ORDER BY items: <c>expr [ASC|DESC] [NULLS FIRST|LAST]</c>.</summary>
        private ImmutableArray<SqlOrderItem> ParseOrderItems()
        {
            var items = ImmutableArray.CreateBuilder<SqlOrderItem>();
            do
            {
                SqlExpr expression = this.ParseExpression();
                bool descending = this.AcceptKeyword("DESC");
                if (!descending)
                {
                    this.AcceptKeyword("ASC");
                }

                if (this.AcceptKeyword("NULLS") && !this.AcceptKeyword("FIRST") && !this.AcceptKeyword("LAST"))
                {
                    throw this.Error("expected FIRST or LAST after NULLS");
                }

                items.Add(new SqlOrderItem(expression, descending));
            }
            while (this.Accept(SqlTokenKind.Comma));
            return items.ToImmutable();
        }

        /// <summary><c>(…)</c>: a scalar subquery, a parenthesised expression, a row value, or lambda parameters.</summary>
        private SqlExpr ParseParenthesized()
        {
            this.position++;
            if (IsQueryStart(this.Current))
            {
                SqlQuery query = this.ParseQuery();
                this.Expect(SqlTokenKind.RightParen);
                return new SqlSubquery(query, isExists: false);
            }

            ImmutableArray<SqlExpr> items = this.ParseExpressionList();
            this.Expect(SqlTokenKind.RightParen);
            if (this.AcceptOperator("->"))
            {
                var parameters = ImmutableArray.CreateBuilder<string>();
                foreach (SqlExpr item in items)
                {
                    if (item is not SqlColumn { Parts.Length: 1 } parameter)
                    {
                        throw this.Error("lambda parameters must be names");
                    }

                    parameters.Add(parameter.Name);
                }

                return new SqlLambda(parameters.ToImmutable(), this.ParseExpression());
            }

            return items.Length == 1 ? items[0] : new SqlTuple(items);
        }

        private SqlExpr ParseCase()
        {
            this.position++;
            SqlExpr? operand = this.Current.IsKeyword("WHEN") ? null : this.ParseExpression();
            var whens = ImmutableArray.CreateBuilder<SqlWhen>();
            while (this.AcceptKeyword("WHEN"))
            {
                SqlExpr condition = this.ParseExpression();
                this.ExpectKeyword("THEN");
                whens.Add(new SqlWhen(condition, this.ParseExpression()));
            }

            if (whens.Count == 0)
            {
                throw this.Error("CASE without WHEN");
            }

            SqlExpr? elseResult = this.AcceptKeyword("ELSE") ? this.ParseExpression() : null;
            this.ExpectKeyword("END");
            return new SqlCase(operand, whens.ToImmutable(), elseResult);
        }

        /// <summary><c>CAST(x AS type)</c>: the type runs to the matching parenthesis and is kept as written.</summary>
        private SqlExpr ParseCast(bool isTry)
        {
            this.position += 2;
            SqlExpr operand = this.ParseExpression();
            this.ExpectKeyword("AS");
            int start = this.position;
            int nesting = 0;
            while (!this.AtEnd && (nesting > 0 || this.Current.Kind != SqlTokenKind.RightParen))
            {
                nesting += this.Current.Kind == SqlTokenKind.LeftParen ? 1 : this.Current.Kind == SqlTokenKind.RightParen ? -1 : 0;
                this.position++;
            }

            if (this.position == start)
            {
                throw this.Error("CAST without a type");
            }

            string type = this.SourceFrom(start);
            this.Expect(SqlTokenKind.RightParen);
            return new SqlCast(operand, type, isTry);
        }

        /// <summary>
        /// <c>INTERVAL '10 minutes'</c>, <c>INTERVAL '10' MINUTE</c>, <c>INTERVAL 10 MINUTES</c>,
        /// <c>INTERVAL 1 HOUR 30 MINUTES</c>, ANSI <c>INTERVAL '1:30' HOUR TO MINUTE</c> (no duration).
        /// </summary>
        private SqlExpr ParseInterval()
        {
            int start = this.position;
            this.position++;
            if (this.Current.Kind == SqlTokenKind.String && !SqlKeywords.IsIntervalUnit(this.Peek()))
            {
                string value = this.ParseAdjacentStrings();
                return new SqlInterval(this.SourceFrom(start), SqlDurations.NormalizeString(value));
            }

            var pairs = new List<string>();
            bool exact = true;
            do
            {
                string sign = string.Empty;
                if (this.AcceptOperator("-"))
                {
                    sign = "-";
                }
                else
                {
                    this.AcceptOperator("+");
                }

                SqlToken value = this.Advance();
                if (value.Kind is not (SqlTokenKind.Number or SqlTokenKind.String) || !SqlKeywords.IsIntervalUnit(this.Current))
                {
                    throw this.Error("expected an interval value and unit");
                }

                string unit = SqlKeywords.IntervalUnit(this.Advance().Text);
                if (this.AcceptKeyword("TO"))
                {
                    if (!SqlKeywords.IsIntervalUnit(this.Current))
                    {
                        throw this.Error("expected a unit after TO");
                    }

                    this.position++;
                    exact = false; // ANSI year-month / day-time literal: not a duration string
                }

                string number = sign + value.Text.Trim();
                if (!Regex.IsMatch(number, @"^[+-]?(\d+(\.\d*)?|\.\d+)$", RegexOptions.CultureInvariant))
                {
                    exact = false;
                }

                pairs.Add(SqlDurations.Pair(number, unit));
            }
            while (exact && this.AtIntervalPair());

            return new SqlInterval(this.SourceFrom(start), exact ? string.Join(" ", pairs) : null);
        }

        /// <summary>Another "[-]value unit" pair follows (INTERVAL 1 HOUR 30 MINUTES).</summary>
        private bool AtIntervalPair()
        {
            int value = this.Current.IsOperator("-") ? 1 : 0;
            return this.Peek(value).Kind is SqlTokenKind.Number or SqlTokenKind.String && SqlKeywords.IsIntervalUnit(this.Peek(value + 1));
        }

        private static bool IsQueryStart(SqlToken token) => token.IsKeyword("SELECT") || token.IsKeyword("WITH");
    }
}
