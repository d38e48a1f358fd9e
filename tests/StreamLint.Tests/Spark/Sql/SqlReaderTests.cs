using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using StreamLint.Spark.Sql;
using Xunit;

namespace StreamLint.Tests.Spark.Sql
{
    /// <summary>The Spark SQL reader: lexing, expressions, queries, semantic helpers, and refusal of what it cannot read.</summary>
    public class SqlReaderTests
    {
        private static SqlExpr Parse(string text)
        {
            SqlExpr? expression = SqlText.ParseExpression(text);
            Assert.True(expression is not null, "did not parse: " + Shorten(text));
            return expression!;
        }

        private static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "…";

        private static SqlSelectItem Item(string text)
        {
            SqlSelectItem? item = SqlText.ParseSelectItem(text);
            Assert.True(item is not null, "did not parse: " + Shorten(text));
            return item!;
        }

        private static SqlQuery Query(string text)
        {
            SqlQuery? query = SqlText.ParseQuery(text);
            Assert.True(query is not null, "did not parse: " + Shorten(text));
            return query!;
        }

        // ---- lexer ----

        [Fact]
        public void Lexer_ReadsEveryTokenKind()
        {
            var tokens = SqlLexer.Tokenize("SELECT `a``b`, 'it\\'s', \"dq\", 10L, 1.5D, 2BD, .5, 1e3, a<=>b, x->x -- c\n /* a /* nested */ b */ ;")!;
            Assert.Equal(
                new[] { "SELECT", "a`b", ",", "it's", ",", "dq", ",", "10L", ",", "1.5D", ",", "2BD", ",", ".5", ",", "1e3", ",", "a", "<=>", "b", ",", "x", "->", "x", ";", string.Empty },
                tokens.Select(t => t.Text).ToArray());
            Assert.Equal(SqlTokenKind.QuotedIdentifier, tokens[1].Kind);
            Assert.Equal(SqlTokenKind.String, tokens[5].Kind);
            Assert.Equal(SqlTokenKind.Number, tokens[9].Kind);
        }

        [Theory]
        [InlineData("'a\\tb'", "a\tb")]
        [InlineData("'a\\nb'", "a\nb")]
        [InlineData("'\\u0041'", "A")]
        [InlineData("'\\101'", "A")]
        [InlineData("'50\\%'", "50\\%")]
        [InlineData("'\\q'", "q")]
        [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
        public void Lexer_UnescapesStringsAsSpark(string source, string value) =>
            Assert.Equal(value, Assert.IsType<SqlLiteral>(Parse(source)).Value);

        [Theory]
        [InlineData("'unterminated")]
        [InlineData("`unterminated")]
        [InlineData("a /* open comment")]
        [InlineData("a # b")]
        [InlineData("'trailing backslash\\")]
        public void Lexer_RejectsBrokenText(string source) => Assert.Null(SqlLexer.Tokenize(source));

        [Fact]
        public void Lexer_WordsMayStartWithDigits() =>
            Assert.Equal("1st", Assert.IsType<SqlColumn>(Parse("1st")).Name);

        // ---- expressions ----

        [Theory]
        [InlineData("ts")]
        [InlineData("  ts  ")]
        [InlineData("\tts\r\n")]
        [InlineData("`ts`")]
        public void Column_OddSpacingAndQuoting(string source) =>
            Assert.Equal("ts", Assert.IsType<SqlColumn>(Parse(source)).Name);

        [Fact]
        public void Column_QualifiedAndBackticked()
        {
            var column = Assert.IsType<SqlColumn>(Parse("`my table`.`event time`"));
            Assert.Equal(new[] { "my table", "event time" }, column.Parts.ToArray());
            Assert.Equal("my table", column.Qualifier);
            Assert.Equal("event time", column.Name);
        }

        [Fact]
        public void Star_PlainAndQualified()
        {
            Assert.True(Assert.IsType<SqlStar>(Item("*").Expression).Qualifier.IsEmpty);
            Assert.Equal(new[] { "e" }, Assert.IsType<SqlStar>(Item("e.*").Expression).Qualifier.ToArray());
        }

        [Fact]
        public void Literals()
        {
            Assert.Equal(SqlLiteralKind.Number, Assert.IsType<SqlLiteral>(Parse("10L")).Kind);
            Assert.Equal("true", Assert.IsType<SqlLiteral>(Parse("TRUE")).Value);
            Assert.Equal(SqlLiteralKind.Null, Assert.IsType<SqlLiteral>(Parse("null")).Kind);
            Assert.Equal("ab", Assert.IsType<SqlLiteral>(Parse("'a' 'b'")).Value);
            var date = Assert.IsType<SqlLiteral>(Parse("DATE '2024-01-01'"));
            Assert.Equal(("DATE", "2024-01-01"), (date.TypeName, date.Value));
        }

        [Fact]
        public void Precedence_FollowsSpark()
        {
            var or = Assert.IsType<SqlBinary>(Parse("a = 1 OR b = 2 AND NOT c = 3"));
            Assert.Equal(SqlBinaryOperator.Or, or.Operator);
            var and = Assert.IsType<SqlBinary>(or.Right);
            Assert.Equal(SqlBinaryOperator.And, and.Operator);
            var not = Assert.IsType<SqlUnary>(and.Right);
            Assert.Equal(SqlUnaryOperator.Not, not.Operator);
            Assert.Equal(SqlBinaryOperator.Equal, Assert.IsType<SqlBinary>(not.Operand).Operator);

            var sum = Assert.IsType<SqlBinary>(Parse("1 + 2 * 3 - 4"));
            Assert.Equal(SqlBinaryOperator.Subtract, sum.Operator);
            Assert.Equal(SqlBinaryOperator.Multiply, Assert.IsType<SqlBinary>(Assert.IsType<SqlBinary>(sum.Left).Right).Operator);

            var comparison = Assert.IsType<SqlBinary>(Parse("a | b > c & d"));
            Assert.Equal(SqlBinaryOperator.Greater, comparison.Operator);
            Assert.Equal(SqlBinaryOperator.BitwiseOr, Assert.IsType<SqlBinary>(comparison.Left).Operator);
            Assert.Equal(SqlBinaryOperator.BitwiseAnd, Assert.IsType<SqlBinary>(comparison.Right).Operator);
        }

        [Theory]
        [InlineData("a = b", "Equal")]
        [InlineData("a == b", "Equal")]
        [InlineData("a <=> b", "NullSafeEqual")]
        [InlineData("a != b", "NotEqual")]
        [InlineData("a <> b", "NotEqual")]
        [InlineData("a < b", "Less")]
        [InlineData("a <= b", "LessOrEqual")]
        [InlineData("a > b", "Greater")]
        [InlineData("a >= b", "GreaterOrEqual")]
        [InlineData("a || b", "Concat")]
        [InlineData("a % b", "Modulo")]
        [InlineData("a div b", "IntegralDivide")]
        [InlineData("a ^ b", "BitwiseXor")]
        [InlineData("a and b", "And")]
        [InlineData("a Or b", "Or")]
        public void BinaryOperators(string source, string op) =>
            Assert.Equal(op, Assert.IsType<SqlBinary>(Parse(source)).Operator.ToString());

        [Fact]
        public void UnaryOperators()
        {
            Assert.Equal(SqlUnaryOperator.Negate, Assert.IsType<SqlUnary>(Parse("-x")).Operator);
            Assert.Equal(SqlUnaryOperator.BitwiseNot, Assert.IsType<SqlUnary>(Parse("~x")).Operator);
            Assert.Equal(SqlUnaryOperator.Not, Assert.IsType<SqlUnary>(Parse("!x")).Operator);
            var minus = Assert.IsType<SqlBinary>(Parse("a - -1"));
            Assert.IsType<SqlUnary>(minus.Right);
        }

        [Fact]
        public void Predicates()
        {
            var isNull = Assert.IsType<SqlIs>(Parse("x IS NOT NULL"));
            Assert.Equal(("NULL", true), (isNull.Value, isNull.Negated));
            var notIn = Assert.IsType<SqlIn>(Parse("x NOT IN (1, 2, 3)"));
            Assert.Equal((3, true), (notIn.Values.Length, notIn.Negated));
            var inQuery = Assert.IsType<SqlIn>(Parse("x IN (SELECT id FROM ids)"));
            Assert.NotNull(inQuery.Subquery);
            var between = Assert.IsType<SqlBetween>(Parse("x NOT BETWEEN 1 AND 10 + 1"));
            Assert.True(between.Negated);
            Assert.IsType<SqlBinary>(between.High);
            var like = Assert.IsType<SqlLike>(Parse("name NOT LIKE 'a%' ESCAPE '!'"));
            Assert.Equal(("LIKE", true), (like.Kind, like.Negated));
            Assert.Equal("RLIKE", Assert.IsType<SqlLike>(Parse("name rlike '^a'")).Kind);
            var distinctFrom = Assert.IsType<SqlUnary>(Parse("a IS DISTINCT FROM b"));
            Assert.Equal(SqlBinaryOperator.NullSafeEqual, Assert.IsType<SqlBinary>(distinctFrom.Operand).Operator);
            Assert.IsType<SqlBinary>(Parse("a is not distinct from b"));
            Assert.IsType<SqlSubquery>(Parse("EXISTS (SELECT 1 FROM t WHERE t.id = id)"));
        }

        [Fact]
        public void BetweenInsideAnd_KeepsConjunctsApart()
        {
            var and = Assert.IsType<SqlBinary>(Parse("x BETWEEN 1 AND 2 AND y = 3"));
            Assert.Equal(SqlBinaryOperator.And, and.Operator);
            Assert.IsType<SqlBetween>(and.Left);
        }

        [Fact]
        public void FunctionCalls()
        {
            var call = Assert.IsType<SqlFunctionCall>(Parse("COALESCE(upper(TRIM(a)), lower(b), 'x')"));
            Assert.Equal("coalesce", call.Name);
            Assert.Equal(3, call.Arguments.Length);
            Assert.Equal("upper", Assert.IsType<SqlFunctionCall>(call.Arguments[0]).Name);

            var countStar = Assert.IsType<SqlFunctionCall>(Parse("count(*)"));
            Assert.True(countStar.IsStar);
            Assert.Empty(countStar.Arguments);

            var distinct = Assert.IsType<SqlFunctionCall>(Parse("COUNT( DISTINCT user_id , page )"));
            Assert.True(distinct.Distinct);
            Assert.Equal(2, distinct.Arguments.Length);

            Assert.Equal("db.my_udf", Assert.IsType<SqlFunctionCall>(Parse("db.my_udf(x)")).Name);
            Assert.Equal("totally_unknown_function", Assert.IsType<SqlFunctionCall>(Parse("totally_unknown_function(1, 2)")).Name);
            Assert.Equal("left", Assert.IsType<SqlFunctionCall>(Parse("left(s, 3)")).Name);
            Assert.NotNull(Assert.IsType<SqlFunctionCall>(Parse("count(*) FILTER (WHERE x > 1)")).Filter);
            Assert.Equal("first", Assert.IsType<SqlFunctionCall>(Parse("first(x) IGNORE NULLS")).Name);
        }

        [Fact]
        public void StandardSyntaxFunctions()
        {
            var extract = Assert.IsType<SqlFunctionCall>(Parse("EXTRACT(HOUR FROM ts)"));
            Assert.Equal("HOUR", Assert.IsType<SqlLiteral>(extract.Arguments[0]).Value);
            Assert.Equal("ts", Assert.IsType<SqlColumn>(extract.Arguments[1]).Name);
            Assert.Equal(3, Assert.IsType<SqlFunctionCall>(Parse("substring(s FROM 2 FOR 3)")).Arguments.Length);
            Assert.Equal(2, Assert.IsType<SqlFunctionCall>(Parse("position('a' IN s)")).Arguments.Length);
            Assert.Equal(3, Assert.IsType<SqlFunctionCall>(Parse("trim(BOTH 'x' FROM s)")).Arguments.Length);
        }

        [Fact]
        public void CurrentTimeWithoutParentheses_IsACall()
        {
            var call = Assert.IsType<SqlFunctionCall>(Parse("CURRENT_TIMESTAMP"));
            Assert.Equal("current_timestamp", call.Name);
            Assert.True(call.WithoutParentheses);
            Assert.True(Assert.IsType<SqlFunctionCall>(Parse("current_date")).WithoutParentheses);
            Assert.False(Assert.IsType<SqlFunctionCall>(Parse("current_timestamp()")).WithoutParentheses);
        }

        [Theory]
        [InlineData("CAST(value AS STRING)", "STRING")]
        [InlineData("cast ( price as decimal(10, 2) )", "decimal(10, 2)")]
        [InlineData("CAST(tags AS array<string>)", "array<string>")]
        [InlineData("CAST(e AS struct<a:int,b:map<string,array<int>>>)", "struct<a:int,b:map<string,array<int>>>")]
        [InlineData("TRY_CAST(x AS INT)", "INT")]
        public void Cast_KeepsTypeText(string source, string type) =>
            Assert.Equal(type, Assert.IsType<SqlCast>(Parse(source)).TypeText);

        [Fact]
        public void Aliases()
        {
            Assert.Equal("total", Item("sum(x) AS total").Alias);
            Assert.Equal("total", Item("sum(x) total").Alias);
            Assert.Equal("Total Amount", Item("sum(x) `Total Amount`").Alias);
            Assert.Equal(new[] { "k", "v" }, Item("explode(m) AS (k, v)").Aliases.ToArray());
            Assert.Empty(Item("sum(x)").Aliases);
            var alias = Assert.IsType<SqlAlias>(Parse("ts AS event_time"));
            Assert.Equal("event_time", alias.Names.Single());
            // An alias may be a keyword when AS is written.
            Assert.Equal("from", Item("x AS from").Alias);
        }

        [Fact]
        public void Case_SimpleAndSearched()
        {
            var searched = Assert.IsType<SqlCase>(Parse("CASE WHEN a > 1 THEN 'big' WHEN a > 0 THEN 'small' ELSE 'none' END"));
            Assert.Null(searched.Operand);
            Assert.Equal(2, searched.Whens.Length);
            Assert.NotNull(searched.Else);
            var simple = Assert.IsType<SqlCase>(Parse("case status when 1 then 'on' end"));
            Assert.IsType<SqlColumn>(simple.Operand);
            Assert.Null(simple.Else);
        }

        [Theory]
        [InlineData("INTERVAL '10' MINUTE", "10 minutes")]
        [InlineData("interval 10 minutes", "10 minutes")]
        [InlineData("INTERVAL '10 minutes'", "10 minutes")]
        [InlineData("INTERVAL '  10   MINUTES '", "10 minutes")]
        [InlineData("INTERVAL 'interval 2 hours'", "2 hours")]
        [InlineData("INTERVAL 1 HOUR 30 MINUTES", "1 hour 30 minutes")]
        [InlineData("INTERVAL 1 DAY", "1 day")]
        [InlineData("INTERVAL -5 SECONDS", "-5 seconds")]
        [InlineData("INTERVAL 1.5 SECONDS", "1.5 seconds")]
        [InlineData("INTERVAL '10 secnds'", "10 secnds")]
        public void Interval_NormalisedToDuration(string source, string duration) =>
            Assert.Equal(duration, Assert.IsType<SqlInterval>(Parse(source)).Duration);

        [Fact]
        public void Interval_AnsiFormHasNoDuration()
        {
            var interval = Assert.IsType<SqlInterval>(Parse("INTERVAL '1:30' HOUR TO MINUTE"));
            Assert.Null(interval.Duration);
            Assert.Equal("INTERVAL '1:30' HOUR TO MINUTE", interval.Text);
        }

        [Fact]
        public void Interval_InArithmetic()
        {
            var sum = Assert.IsType<SqlBinary>(Parse("b.ts + INTERVAL 1 HOUR"));
            Assert.Equal("1 hour", Assert.IsType<SqlInterval>(sum.Right).Duration);
            Assert.IsType<SqlColumn>(Parse("interval")); // a column may be called interval
        }

        [Fact]
        public void SubscriptsAndFieldAccess()
        {
            var subscript = Assert.IsType<SqlSubscript>(Parse("tags[0]"));
            Assert.Equal("tags", Assert.IsType<SqlColumn>(subscript.Operand).Name);
            var field = Assert.IsType<SqlFieldAccess>(Parse("items[0].price"));
            Assert.Equal("price", field.Field);
            Assert.IsType<SqlSubscript>(Parse("m['key']"));
            Assert.Equal("start", Assert.IsType<SqlFieldAccess>(Parse("from_json(v, 's struct<start:int>').start")).Field);
            Assert.Equal(new[] { "window", "start" }, Assert.IsType<SqlColumn>(Parse("window.start")).Parts.ToArray());
        }

        [Fact]
        public void Lambdas()
        {
            var transform = Assert.IsType<SqlFunctionCall>(Parse("transform(xs, x -> x + 1)"));
            var lambda = Assert.IsType<SqlLambda>(transform.Arguments[1]);
            Assert.Equal("x", lambda.Parameters.Single());
            var aggregate = Assert.IsType<SqlFunctionCall>(Parse("aggregate(xs, 0, (acc, x) -> acc + x, acc -> acc * 10)"));
            Assert.Equal(new[] { "acc", "x" }, Assert.IsType<SqlLambda>(aggregate.Arguments[2]).Parameters.ToArray());
            Assert.Equal("exists", Assert.IsType<SqlFunctionCall>(Parse("exists(xs, x -> x > 1)")).Name);
        }

        [Fact]
        public void TupleAndScalarSubquery()
        {
            Assert.Equal(2, Assert.IsType<SqlTuple>(Assert.IsType<SqlIn>(Parse("(a, b) IN ((1, 2), (3, 4))")).Operand).Items.Length);
            Assert.False(Assert.IsType<SqlSubquery>(Parse("(SELECT max(x) FROM t)")).IsExists);
        }

        [Fact]
        public void Over_IsRecorded()
        {
            var call = Assert.IsType<SqlFunctionCall>(Parse("row_number() OVER (PARTITION BY user ORDER BY ts DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"));
            Assert.NotNull(call.Over);
            Assert.Single(call.Over!.PartitionBy);
            Assert.True(call.Over.OrderBy.Single().Descending);
            Assert.Equal("ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", call.Over.Frame);
            Assert.Equal("w", Assert.IsType<SqlFunctionCall>(Parse("sum(x) OVER w")).Over!.Name);
        }

        // ---- text that is not read ----

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("-- only a comment")]
        [InlineData("sum(x")]
        [InlineData("sum(x))")]
        [InlineData("(a + b")]
        [InlineData("a +")]
        [InlineData("CAST(x AS)")]
        [InlineData("CAST(x STRING)")]
        [InlineData("CASE WHEN a THEN b")]
        [InlineData("CASE END")]
        [InlineData("x IN ()")]
        [InlineData("x NOT")]
        [InlineData("x IS")]
        [InlineData("a b c")]
        [InlineData("'unterminated")]
        [InlineData("a = = b")]
        [InlineData("x::int")]
        [InlineData("a LIKE ANY ('a%', 'b%')")]
        [InlineData("tags[0")]
        [InlineData("a.")]
        [InlineData("SELECT")]
        [InlineData("f(a,)")]
        public void Unparsable_ReturnsNull(string source)
        {
            Assert.Null(SqlText.ParseExpression(source));
            Assert.Null(SqlText.ParseSelectItem(source));
        }

        [Fact]
        public void NullAndOverlongInput_ReturnNull()
        {
            Assert.Null(SqlText.ParseExpression(null));
            Assert.Null(SqlText.ParseQuery(null));
            Assert.Null(SqlText.ParseExpression(new string('a', SqlText.MaxLength + 1)));
        }

        [Fact]
        public void DeepNesting_ReturnsNullWithoutOverflow()
        {
            Assert.Null(SqlText.ParseExpression(new string('(', 10000) + "x" + new string(')', 10000)));
            Assert.Null(SqlText.ParseExpression(string.Concat(Enumerable.Repeat("f(", 5000)) + "x" + new string(')', 5000)));
            Assert.Null(SqlText.ParseExpression(string.Concat(Enumerable.Repeat("NOT ", 5000)) + "x"));
            Assert.Null(SqlText.ParseExpression(new string('-', 5000) + "x"));
            Assert.NotNull(SqlText.ParseExpression(new string('(', 20) + "x" + new string(')', 20)));
        }

        [Fact]
        public void LongFlatChain_ParsesAndWalksWithoutRecursion()
        {
            string text = string.Join(" + ", Enumerable.Range(0, 5000).Select(i => "c" + i));
            Assert.True(text.Length < SqlText.MaxLength);
            SqlExpr expression = Parse(text);
            Assert.Equal(5000, SqlSemantics.ColumnReferences(expression).Length);
            Assert.False(SqlSemantics.ContainsAggregate(expression));
        }

        // ---- queries ----

        [Fact]
        public void Query_AllClauses()
        {
            SqlQuery query = Query(@"
                select distinct e.page, count(*) as views
                from global_temp.events AS e
                where e.ts > current_timestamp - interval 1 hour
                group by e.page
                having count(*) > 10
                order by views desc
                limit 100;");
            Assert.True(query.Distinct);
            Assert.Equal(2, query.Items.Length);
            Assert.Equal(new[] { "global_temp", "events" }, query.From!.Name.ToArray());
            Assert.Equal("events", query.From.ViewName);
            Assert.Equal("e", query.From.Qualifier);
            Assert.NotNull(query.Where);
            Assert.Single(query.GroupBy!.Expressions);
            Assert.NotNull(query.Having);
            Assert.True(query.OrderBy.Single().Descending);
            Assert.Equal("100", Assert.IsType<SqlLiteral>(query.Limit).Value);
        }

        [Theory]
        [InlineData("JOIN", "Inner")]
        [InlineData("INNER JOIN", "Inner")]
        [InlineData("LEFT JOIN", "LeftOuter")]
        [InlineData("left outer join", "LeftOuter")]
        [InlineData("RIGHT JOIN", "RightOuter")]
        [InlineData("RIGHT OUTER JOIN", "RightOuter")]
        [InlineData("FULL JOIN", "FullOuter")]
        [InlineData("FULL OUTER JOIN", "FullOuter")]
        [InlineData("LEFT SEMI JOIN", "LeftSemi")]
        [InlineData("LEFT ANTI JOIN", "LeftAnti")]
        [InlineData("SEMI JOIN", "LeftSemi")]
        [InlineData("CROSS JOIN", "Cross")]
        public void Query_JoinTypes(string words, string type)
        {
            SqlQuery query = Query("SELECT * FROM a x " + words + " b y ON x.id = y.id");
            SqlJoin join = query.Joins.Single();
            Assert.Equal(type, join.Type.ToString());
            Assert.Equal("y", join.Relation.Alias);
            Assert.NotNull(join.Condition);
            Assert.Equal("x", query.From!.Alias);
        }

        [Fact]
        public void Query_JoinUsingCommaAndSubquery()
        {
            SqlQuery query = Query("SELECT * FROM (SELECT id, ts FROM clicks) c JOIN impressions USING (id, ad), other");
            Assert.NotNull(query.From!.Subquery);
            Assert.Equal("c", query.From.Alias);
            Assert.Equal(new[] { "id", "ad" }, query.Joins[0].UsingColumns.ToArray());
            Assert.Null(query.Joins[0].Condition);
            Assert.Equal("impressions", query.Joins[0].Relation.Qualifier);
            Assert.Equal(SqlJoinType.Cross, query.Joins[1].Type);
        }

        [Fact]
        public void Query_WithCte()
        {
            SqlQuery query = Query("WITH a AS (SELECT * FROM src), b AS (SELECT id FROM a) SELECT id FROM b");
            Assert.Equal(new[] { "a", "b" }, query.With.Select(c => c.Name).ToArray());
            Assert.Equal("src", query.With[0].Query.From!.ViewName);
        }

        [Fact]
        public void Query_WindowInGroupBy()
        {
            SqlQuery query = Query("SELECT window(ts, '10 minutes', '5 minutes') AS w, page, count(*) FROM events GROUP BY window(ts, '10 minutes', '5 minutes'), page");
            SqlTimeWindow window = SqlTimeWindow.From(query.GroupBy!.Expressions[0])!;
            Assert.Equal("ts", window.TimeColumnReference!.Name);
            Assert.Equal(("10 minutes", "5 minutes"), (window.Duration, window.Slide));
            Assert.Equal("w", SqlSemantics.OutputName(query.Items[0]));
            Assert.True(SqlSemantics.ContainsAggregate(query.Items[2].Expression));
            Assert.False(SqlSemantics.ContainsAggregate(query.Items[0].Expression));
        }

        [Fact]
        public void Query_NamedWindowAndGroupByAll()
        {
            SqlQuery query = Query("SELECT a, sum(b) OVER w FROM t GROUP BY ALL WINDOW w AS (PARTITION BY a ORDER BY b)");
            Assert.True(query.GroupBy!.All);
            Assert.Equal("w", query.Windows.Single().Name);
            Assert.True(SqlSemantics.ContainsWindowFunctionOver(query.Items[1].Expression));
        }

        [Fact]
        public void Query_AliasesShadowingColumnNames()
        {
            SqlQuery query = Query("SELECT ts AS page, page AS ts, CAST(ts AS STRING) ts_text FROM events");
            Assert.Equal(("page", "ts"), (SqlSemantics.OutputName(query.Items[0]), SqlSemantics.PassesThroughColumn(query.Items[0])));
            Assert.Equal(("ts", "page"), (SqlSemantics.OutputName(query.Items[1]), SqlSemantics.PassesThroughColumn(query.Items[1])));
            Assert.Equal(("ts_text", "ts"), (SqlSemantics.OutputName(query.Items[2]), SqlSemantics.PassesThroughColumn(query.Items[2])));
        }

        [Fact]
        public void Query_KeywordsInAnyCase()
        {
            SqlQuery query = Query("SeLeCt Page, CoUnT(*) fRoM Events e LeFt OuTeR jOiN Pages p oN e.Page = p.Page GrOuP bY Page");
            Assert.Equal(SqlJoinType.LeftOuter, query.Joins.Single().Type);
            Assert.Equal("count", Assert.IsType<SqlFunctionCall>(query.Items[1].Expression).Name);
            Assert.Equal("Events", query.From!.ViewName);
        }

        [Fact]
        public void ReservedWordsAfterADot_AreNames()
        {
            Assert.Equal("end", Assert.IsType<SqlColumn>(Parse("window.end")).Name);
            Assert.Equal("from", Assert.IsType<SqlColumn>(Parse("t.from")).Name);
            Assert.Null(SqlText.ParseExpression("end"));
        }

        [Fact]
        public void Query_SelectWithoutFrom() => Assert.Null(Query("SELECT 1 + 1 AS two").From);

        [Theory]
        [InlineData("SELECT a FROM t UNION SELECT a FROM u")]
        [InlineData("SELECT a FROM t LATERAL VIEW explode(xs) x AS v")]
        [InlineData("SELECT a FROM range(10)")]
        [InlineData("SELECT a FROM t NATURAL JOIN u")]
        [InlineData("SELECT a FROM t SORT BY a")]
        [InlineData("SELECT a, count(*) FROM t GROUP BY a WITH ROLLUP")]
        [InlineData("SELECT a FROM t LEFT u ON t.id = u.id")]
        [InlineData("SELECT a FROM")]
        [InlineData("SELECT a FROM t WHERE")]
        [InlineData("SELECT FROM t")]
        [InlineData("SELECT a FROM (t)")]
        [InlineData("WITH RECURSIVE r AS (SELECT 1) SELECT * FROM r")]
        [InlineData("INSERT INTO t SELECT 1")]
        [InlineData("SELECT a FROM t; SELECT b FROM u")]
        public void Query_Unread_ReturnsNull(string text) => Assert.Null(SqlText.ParseQuery(text));

        // ---- semantic helpers ----

        [Theory]
        [InlineData("count(*)", true)]
        [InlineData("SUM(amount) / 100", true)]
        [InlineData("approx_count_distinct(user)", true)]
        [InlineData("coalesce(max_by(x, ts), 0)", true)]
        [InlineData("percentile_approx(latency, 0.5)", true)]
        [InlineData("stddev_pop(x)", true)]
        [InlineData("collect_set(x)", true)]
        [InlineData("upper(name)", false)]
        [InlineData("sum(x) OVER (PARTITION BY k)", false)]
        [InlineData("sum(sum(x)) OVER ()", true)]
        [InlineData("window(ts, '1 minute')", false)]
        [InlineData("'count(*)'", false)]
        [InlineData("`count`", false)]
        [InlineData("transform(xs, x -> x + 1)", false)]
        public void ContainsAggregate(string text, bool expected) =>
            Assert.Equal(expected, SqlSemantics.ContainsAggregate(Parse(text)));

        [Theory]
        [InlineData("row_number() OVER (ORDER BY ts)", true)]
        [InlineData("lag(x, 1) over (partition by k order by ts)", true)]
        [InlineData("sum(x) OVER w", true)]
        [InlineData("sum(x)", false)]
        [InlineData("window(ts, '10 minutes')", false)]
        public void ContainsWindowFunctionOver(string text, bool expected) =>
            Assert.Equal(expected, SqlSemantics.ContainsWindowFunctionOver(Parse(text)));

        [Fact]
        public void CountDistinct()
        {
            Assert.True(SqlSemantics.IsCountDistinct(Parse("count(DISTINCT user_id) AS users")));
            Assert.True(SqlSemantics.IsCountDistinct(Parse("COUNT(distinct a, b)")));
            Assert.False(SqlSemantics.IsCountDistinct(Parse("count(user_id)")));
            Assert.False(SqlSemantics.IsCountDistinct(Parse("approx_count_distinct(user_id)")));
            Assert.True(SqlSemantics.ContainsDistinctAggregate(Parse("sum(DISTINCT x) + 1")));
            Assert.False(SqlSemantics.ContainsDistinctAggregate(Parse("array_distinct(xs)")));
        }

        [Theory]
        [InlineData("current_timestamp()", true)]
        [InlineData("CURRENT_TIMESTAMP", true)]
        [InlineData("now()", true)]
        [InlineData("current_date", true)]
        [InlineData("localtimestamp()", true)]
        [InlineData("unix_timestamp()", true)]
        [InlineData("ts > current_timestamp - INTERVAL 1 HOUR", true)]
        [InlineData("unix_timestamp(ts)", false)]
        [InlineData("'current_timestamp()'", false)]
        [InlineData("`current_timestamp`", false)]
        [InlineData("to_timestamp(ts)", false)]
        public void ReadsCurrentTime(string text, bool expected) =>
            Assert.Equal(expected, SqlSemantics.ReadsCurrentTime(Parse(text)));

        [Fact]
        public void TimeWindowRecognition()
        {
            SqlTimeWindow tumbling = SqlTimeWindow.From(Parse("window(event_time, '10 minutes') AS w"))!;
            Assert.False(tumbling.IsSession);
            Assert.Equal("event_time", tumbling.TimeColumnReference!.Name);
            Assert.Equal("10 minutes", tumbling.Duration);
            Assert.Null(tumbling.Slide);

            SqlTimeWindow all = SqlTimeWindow.From(Parse("WINDOW(e.ts, interval 1 hour, '15 minutes', '5 minutes')"))!;
            Assert.Equal(("1 hour", "15 minutes", "5 minutes"), (all.Duration, all.Slide, all.StartTime));
            Assert.Equal("e", all.TimeColumnReference!.Qualifier);

            SqlTimeWindow session = SqlTimeWindow.From(Parse("session_window(ts, '5 minutes')"))!;
            Assert.True(session.IsSession);
            Assert.Equal("5 minutes", session.Duration);
            Assert.Null(SqlTimeWindow.From(Parse("session_window(ts, CASE WHEN a THEN '1 minute' ELSE '2 minutes' END)"))!.Duration);

            Assert.Null(SqlTimeWindow.From(Parse("window(ts)")));
            Assert.Null(SqlTimeWindow.From(Parse("windowed(ts, '1 minute')")));
            Assert.Null(SqlTimeWindow.From(Parse("window(CAST(ts AS TIMESTAMP), '1 minute')"))!.TimeColumnReference);
            Assert.Single(SqlTimeWindow.FindAll(Parse("struct(window(ts, '1 minute'), 1)")));
        }

        [Fact]
        public void ColumnReferences_SkipLambdaParametersAndSubqueries()
        {
            var names = SqlSemantics.ColumnReferences(Parse("transform(xs, x -> x + y) AND a.b > (SELECT max(z) FROM t) AND c IN (SELECT d FROM u)"))
                .Select(c => c.ToString()).ToArray();
            Assert.Equal(new[] { "xs", "y", "a.b", "c" }, names);
        }

        [Fact]
        public void ReferencesColumn_IsCaseInsensitiveAndQualifierAware()
        {
            SqlExpr condition = Parse("L.EventTime >= r.eventtime AND ts > 1");
            Assert.True(SqlSemantics.ReferencesColumn(condition, "eventTime", "l"));
            Assert.True(SqlSemantics.ReferencesColumn(condition, "eventtime", "R"));
            Assert.False(SqlSemantics.ReferencesColumn(condition, "eventtime", "x"));
            Assert.True(SqlSemantics.ReferencesColumn(condition, "TS", "x")); // unqualified: resolved by name
            Assert.False(SqlSemantics.ReferencesColumn(condition, "other"));
        }

        [Theory]
        [InlineData("ts", "ts")]
        [InlineData("e.ts", "ts")]
        [InlineData("ts AS event_time", "event_time")]
        [InlineData("ts event_time", "event_time")]
        [InlineData("CAST(value AS STRING)", "value")]
        [InlineData("CAST(t.value AS STRING)", "value")]
        [InlineData("CAST(value AS STRING) AS json", "json")]
        [InlineData("ts AS page", "page")]
        public void OutputName_Known(string text, string expected) =>
            Assert.Equal(expected, SqlSemantics.OutputName(Item(text)));

        [Theory]
        [InlineData("count(*)")]
        [InlineData("a + b")]
        [InlineData("CAST(a + b AS INT)")]
        [InlineData("tags[0]")]
        [InlineData("explode(m) AS (k, v)")]
        public void OutputName_GeneratedBySpark_IsUnknown(string text) =>
            Assert.Null(SqlSemantics.OutputName(Item(text)));

        [Theory]
        [InlineData("ts", "ts", false)]
        [InlineData("t.ts", "ts", false)]
        [InlineData("ts AS event_time", "ts", false)]
        [InlineData("`ts` `other`", "ts", false)]
        [InlineData("CAST(ts AS TIMESTAMP) AS event_time", "ts", true)]
        [InlineData("cast(cast(ts as string) as timestamp)", "ts", true)]
        public void PassesThroughColumn_Known(string text, string column, bool throughCast)
        {
            SqlSelectItem item = Item(text);
            Assert.Equal(column, SqlSemantics.PassesThroughColumn(item));
            Assert.Equal(column, SqlSemantics.PassedThroughReference(item, out bool cast)!.Name);
            Assert.Equal(throughCast, cast);
        }

        [Theory]
        [InlineData("ts + INTERVAL 1 HOUR AS ts")]
        [InlineData("to_timestamp(ts) AS ts")]
        [InlineData("*")]
        [InlineData("e.*")]
        [InlineData("'ts'")]
        public void PassesThroughColumn_Computed_IsNull(string text) =>
            Assert.Null(SqlSemantics.PassesThroughColumn(Item(text)));

        [Fact]
        public void IsStar() => Assert.True(SqlSemantics.IsStar(Item("t.*")));

        // ---- join range conditions ----

        [Fact]
        public void JoinCondition_KeysAndRanges()
        {
            SqlJoinCondition condition = SqlJoinCondition.Read(Parse(
                "clicks.adId = impressions.adId AND clicks.ts >= impressions.ts AND clicks.ts <= impressions.ts + interval 1 hour"));
            Assert.True(condition.IsFullyUnderstood);
            var key = condition.EquiKeys.Single();
            Assert.Equal(("clicks", "impressions"), (key.Left.Qualifier, key.Right.Qualifier));
            Assert.Equal(2, condition.Ranges.Length);
            Assert.Equal("1 hour", condition.Ranges[1].RightOffsets.Single());
            Assert.Equal("ts", condition.RangeColumnsOf("CLICKS").Select(c => c.Name).Distinct().Single());
            Assert.Equal(2, condition.RangeColumnsOf("impressions").Length);
            Assert.Empty(condition.RangeColumnsOf("other"));
        }

        [Fact]
        public void JoinCondition_BetweenAndSubtractedIntervals()
        {
            SqlJoinCondition condition = SqlJoinCondition.Read(Parse(
                "(l.id = r.id) AND (r.ts BETWEEN l.ts - INTERVAL '5' MINUTE AND INTERVAL 10 MINUTES + l.ts)"));
            Assert.True(condition.IsFullyUnderstood);
            Assert.Equal(2, condition.Ranges.Length);
            Assert.Equal(SqlBinaryOperator.GreaterOrEqual, condition.Ranges[0].Operator);
            Assert.Equal("-5 minutes", condition.Ranges[0].RightOffsets.Single());
            Assert.Equal("10 minutes", condition.Ranges[1].RightOffsets.Single());
            Assert.Equal("ts", condition.RangeColumnsOf("r").First().Name);
        }

        [Fact]
        public void JoinCondition_OtherConjunctsAreKept()
        {
            SqlJoinCondition condition = SqlJoinCondition.Read(Parse("l.id = r.id AND (l.ts > r.ts OR l.x = 1) AND l.amount > 10"));
            Assert.False(condition.IsFullyUnderstood);
            Assert.Single(condition.EquiKeys);
            Assert.Empty(condition.Ranges);
            Assert.Equal(2, condition.OtherConjuncts.Length);
        }

        // ---- robustness ----

        private static readonly string[] Seeds =
        {
            "CAST(value AS STRING) AS json",
            "window(ts, '10 minutes', '5 minutes') AS w",
            "count(DISTINCT user_id) FILTER (WHERE x > 1) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
            "CASE WHEN a.x IS NOT NULL THEN `b c`.d[0].e ELSE -1.5D END",
            "l.ts >= r.ts - INTERVAL 1 HOUR 30 MINUTES AND l.ts <= r.ts + interval '10' minute AND l.id <=> r.id",
            "aggregate(xs, 0, (acc, x) -> acc + x) NOT BETWEEN 1 AND 2",
            "SELECT e.page, count(*) AS n FROM global_temp.events e LEFT SEMI JOIN (SELECT id FROM t) x ON e.id = x.id WHERE e.ts > current_timestamp GROUP BY e.page HAVING n > 1 ORDER BY n DESC LIMIT 5",
            "WITH a AS (SELECT * FROM s) SELECT /* hint */ a.* FROM a -- done",
            "'it\\'s' || \"x\" || `y``z`",
            "x NOT IN (SELECT 1) OR EXISTS (SELECT 2) AND name RLIKE '^a'",
        };

        [Fact]
        public void Fuzz_MutatedInputsNeverThrow()
        {
            var random = new Random(20240611);
            string alphabet = "()[],.'\"`*-+/%<>=!|&^~:;\\ \n\tabcSELECTFROMWHEREANDORNOTCASEWHENINTERVAL0123456789";
            int parsed = 0;
            for (int i = 0; i < 4000; i++)
            {
                var text = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
                int edits = 1 + random.Next(4);
                for (int e = 0; e < edits && text.Length > 0; e++)
                {
                    int at = random.Next(text.Length);
                    switch (random.Next(4))
                    {
                        case 0:
                            text.Remove(at, 1);
                            break;
                        case 1:
                            text.Insert(at, alphabet[random.Next(alphabet.Length)]);
                            break;
                        case 2:
                            text.Length = at; // truncation
                            break;
                        default:
                            text[at] = alphabet[random.Next(alphabet.Length)];
                            break;
                    }
                }

                string source = text.ToString();
                SqlExpr? expression = SqlText.ParseExpression(source);
                SqlQuery? query = SqlText.ParseQuery(source);
                if (expression is not null)
                {
                    parsed++;
                    SqlSemantics.ContainsAggregate(expression);
                    SqlSemantics.ReadsCurrentTime(expression);
                    SqlSemantics.ColumnReferences(expression);
                    SqlTimeWindow.FindAll(expression);
                    SqlJoinCondition.Read(expression);
                    SqlSemantics.OutputName(expression);
                }

                if (query is not null)
                {
                    parsed++;
                }
            }

            Assert.InRange(parsed, 1, 8000); // some mutations stay valid SQL; the point is that nothing threw
        }

        [Fact]
        public void Seeds_AllParse()
        {
            foreach (string seed in Seeds)
            {
                Assert.True(SqlText.ParseExpression(seed) is not null || SqlText.ParseQuery(seed) is not null, seed);
            }
        }
    }
}
