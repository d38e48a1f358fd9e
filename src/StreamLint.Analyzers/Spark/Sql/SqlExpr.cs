using System;
using System.Collections.Immutable;

namespace StreamLint.Spark.Sql
{
    /// <summary>
    /// An immutable Spark SQL expression tree, as written (nothing is resolved against a schema). Parentheses leave
    /// no node. Names are kept as written; compare them with <see cref="SqlNames.Equal"/> (case-insensitive, as
    /// Spark's default <c>spark.sql.caseSensitive=false</c>).
    /// </summary>
    internal abstract class SqlExpr
    {
        /// <summary>The direct sub-expressions (not those of nested queries), for generic walks.</summary>
        public abstract ImmutableArray<SqlExpr> Children { get; }
    }

    /// <summary>
    /// <c>col</c>, <c>t.col</c>, <c>`a b`.c</c>. A dotted name is either a qualified column or a struct field access:
    /// only a schema tells them apart, so the parts are kept and <see cref="Name"/> is the last one.
    /// </summary>
    internal sealed class SqlColumn : SqlExpr
    {
        public SqlColumn(ImmutableArray<string> parts) => this.Parts = parts;

        public ImmutableArray<string> Parts { get; }

        /// <summary>The last part: the column (or field) name, which is also Spark's output name.</summary>
        public string Name => this.Parts[this.Parts.Length - 1];

        /// <summary>The first part when there are several (a relation alias, or a struct column).</summary>
        public string? Qualifier => this.Parts.Length > 1 ? this.Parts[this.Parts.Length - 2] : null;

        public override ImmutableArray<SqlExpr> Children => ImmutableArray<SqlExpr>.Empty;

        public override string ToString() => string.Join(".", this.Parts);
    }

    /// <summary><c>*</c> or <c>t.*</c> / <c>s.field.*</c>.</summary>
    internal sealed class SqlStar : SqlExpr
    {
        public SqlStar(ImmutableArray<string> qualifier) => this.Qualifier = qualifier;

        public ImmutableArray<string> Qualifier { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray<SqlExpr>.Empty;

        public override string ToString() => this.Qualifier.IsEmpty ? "*" : string.Join(".", this.Qualifier) + ".*";
    }

    internal enum SqlLiteralKind
    {
        String,
        Number,
        Boolean,
        Null,

        /// <summary><c>DATE '2024-01-01'</c>, <c>TIMESTAMP '…'</c>, <c>X'CAFE'</c>: <see cref="SqlLiteral.TypeName"/> says which.</summary>
        Typed,
    }

    /// <summary>A literal. <see cref="Value"/> is the unescaped string, the number as written (with suffix), "true"/"false" or "null".</summary>
    internal sealed class SqlLiteral : SqlExpr
    {
        public SqlLiteral(SqlLiteralKind kind, string value, string? typeName = null)
        {
            this.Kind = kind;
            this.Value = value;
            this.TypeName = typeName;
        }

        public SqlLiteralKind Kind { get; }

        public string Value { get; }

        /// <summary>For a typed literal, its type word in upper case (DATE, TIMESTAMP, TIMESTAMP_NTZ, TIMESTAMP_LTZ, X).</summary>
        public string? TypeName { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray<SqlExpr>.Empty;

        public override string ToString() => this.Kind == SqlLiteralKind.String ? "'" + this.Value + "'" : this.Value;
    }

    /// <summary>
    /// A function call. <see cref="Name"/> is lower-cased (Spark function names are case-insensitive) and may be
    /// qualified (<c>db.fn</c>). <c>count(*)</c> has <see cref="IsStar"/> and no arguments.
    /// <c>current_timestamp</c> written without parentheses is a call with <see cref="WithoutParentheses"/>.
    /// </summary>
    internal sealed class SqlFunctionCall : SqlExpr
    {
        public SqlFunctionCall(
            string name,
            ImmutableArray<SqlExpr> arguments,
            bool distinct = false,
            bool isStar = false,
            bool withoutParentheses = false,
            SqlExpr? filter = null,
            SqlWindowSpec? over = null)
        {
            this.Name = name;
            this.Arguments = arguments;
            this.Distinct = distinct;
            this.IsStar = isStar;
            this.WithoutParentheses = withoutParentheses;
            this.Filter = filter;
            this.Over = over;
        }

        public string Name { get; }

        public ImmutableArray<SqlExpr> Arguments { get; }

        /// <summary><c>f(DISTINCT …)</c>.</summary>
        public bool Distinct { get; }

        /// <summary><c>f(*)</c>, as in <c>count(*)</c>.</summary>
        public bool IsStar { get; }

        public bool WithoutParentheses { get; }

        /// <summary>The condition of <c>f(…) FILTER (WHERE cond)</c>.</summary>
        public SqlExpr? Filter { get; }

        /// <summary>The window of <c>f(…) OVER (…)</c> / <c>OVER w</c>: a (non-time) window function.</summary>
        public SqlWindowSpec? Over { get; }

        public override ImmutableArray<SqlExpr> Children
        {
            get
            {
                var all = ImmutableArray.CreateBuilder<SqlExpr>();
                all.AddRange(this.Arguments);
                if (this.Filter is not null)
                {
                    all.Add(this.Filter);
                }

                if (this.Over is not null)
                {
                    all.AddRange(this.Over.PartitionBy);
                    foreach (SqlOrderItem item in this.Over.OrderBy)
                    {
                        all.Add(item.Expression);
                    }
                }

                return all.ToImmutable();
            }
        }

        /// <summary>True when the name (without qualifier) is <paramref name="name"/>.</summary>
        public bool Is(string name) => string.Equals(this.Name, name, StringComparison.Ordinal);

        public override string ToString() => this.Name + "(" + (this.IsStar ? "*" : string.Join(", ", this.Arguments)) + ")";
    }

    /// <summary>The window of an <c>OVER</c> clause: a named window, or partitioning, ordering and frame.</summary>
    internal sealed class SqlWindowSpec
    {
        public SqlWindowSpec(string? name, ImmutableArray<SqlExpr> partitionBy, ImmutableArray<SqlOrderItem> orderBy, string? frame)
        {
            this.Name = name;
            this.PartitionBy = partitionBy;
            this.OrderBy = orderBy;
            this.Frame = frame;
        }

        /// <summary><c>OVER w</c> (a window defined in the query's WINDOW clause), or a base window inside the parentheses.</summary>
        public string? Name { get; }

        public ImmutableArray<SqlExpr> PartitionBy { get; }

        public ImmutableArray<SqlOrderItem> OrderBy { get; }

        /// <summary>The frame (<c>ROWS BETWEEN …</c>) as written, not interpreted.</summary>
        public string? Frame { get; }
    }

    /// <summary><c>CAST(x AS type)</c> / <c>TRY_CAST</c>. The type is kept as written (e.g. <c>decimal(10,2)</c>, <c>array&lt;string&gt;</c>).</summary>
    internal sealed class SqlCast : SqlExpr
    {
        public SqlCast(SqlExpr operand, string typeText, bool isTry)
        {
            this.Operand = operand;
            this.TypeText = typeText;
            this.IsTry = isTry;
        }

        public SqlExpr Operand { get; }

        public string TypeText { get; }

        public bool IsTry { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray.Create(this.Operand);

        public override string ToString() => "CAST(" + this.Operand + " AS " + this.TypeText + ")";
    }

    /// <summary><c>x AS name</c>, <c>x name</c>, <c>x AS (a, b)</c> (several names, for generators such as explode of a map).</summary>
    internal sealed class SqlAlias : SqlExpr
    {
        public SqlAlias(SqlExpr inner, ImmutableArray<string> names)
        {
            this.Inner = inner;
            this.Names = names;
        }

        public SqlExpr Inner { get; }

        public ImmutableArray<string> Names { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray.Create(this.Inner);

        public override string ToString() => this.Inner + " AS " + string.Join(", ", this.Names);
    }

    internal enum SqlUnaryOperator
    {
        Negate,
        Plus,
        Not,
        BitwiseNot,
    }

    internal sealed class SqlUnary : SqlExpr
    {
        public SqlUnary(SqlUnaryOperator op, SqlExpr operand)
        {
            this.Operator = op;
            this.Operand = operand;
        }

        public SqlUnaryOperator Operator { get; }

        public SqlExpr Operand { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray.Create(this.Operand);

        public override string ToString() => this.Operator + "(" + this.Operand + ")";
    }

    internal enum SqlBinaryOperator
    {
        Add,
        Subtract,
        Multiply,
        Divide,
        Modulo,
        IntegralDivide,
        Concat,
        BitwiseAnd,
        BitwiseOr,
        BitwiseXor,
        Equal,
        NullSafeEqual,
        NotEqual,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        And,
        Or,
    }

    internal sealed class SqlBinary : SqlExpr
    {
        public SqlBinary(SqlBinaryOperator op, SqlExpr left, SqlExpr right)
        {
            this.Operator = op;
            this.Left = left;
            this.Right = right;
        }

        public SqlBinaryOperator Operator { get; }

        public SqlExpr Left { get; }

        public SqlExpr Right { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray.Create(this.Left, this.Right);

        public override string ToString() => "(" + this.Left + " " + this.Operator + " " + this.Right + ")";
    }

    /// <summary><c>x IS [NOT] NULL|TRUE|FALSE|UNKNOWN</c>; <see cref="Value"/> is the upper-cased word.</summary>
    internal sealed class SqlIs : SqlExpr
    {
        public SqlIs(SqlExpr operand, string value, bool negated)
        {
            this.Operand = operand;
            this.Value = value;
            this.Negated = negated;
        }

        public SqlExpr Operand { get; }

        public string Value { get; }

        public bool Negated { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray.Create(this.Operand);
    }

    /// <summary><c>x [NOT] IN (a, b)</c> or <c>x [NOT] IN (SELECT …)</c>.</summary>
    internal sealed class SqlIn : SqlExpr
    {
        public SqlIn(SqlExpr operand, ImmutableArray<SqlExpr> values, SqlQuery? subquery, bool negated)
        {
            this.Operand = operand;
            this.Values = values;
            this.Subquery = subquery;
            this.Negated = negated;
        }

        public SqlExpr Operand { get; }

        public ImmutableArray<SqlExpr> Values { get; }

        public SqlQuery? Subquery { get; }

        public bool Negated { get; }

        public override ImmutableArray<SqlExpr> Children => this.Values.Insert(0, this.Operand);
    }

    /// <summary><c>x [NOT] BETWEEN low AND high</c>.</summary>
    internal sealed class SqlBetween : SqlExpr
    {
        public SqlBetween(SqlExpr operand, SqlExpr low, SqlExpr high, bool negated)
        {
            this.Operand = operand;
            this.Low = low;
            this.High = high;
            this.Negated = negated;
        }

        public SqlExpr Operand { get; }

        public SqlExpr Low { get; }

        public SqlExpr High { get; }

        public bool Negated { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray.Create(this.Operand, this.Low, this.High);
    }

    /// <summary><c>x [NOT] LIKE|ILIKE|RLIKE|REGEXP pattern [ESCAPE 'c']</c>; <see cref="Kind"/> is the upper-cased keyword.</summary>
    internal sealed class SqlLike : SqlExpr
    {
        public SqlLike(SqlExpr operand, string kind, SqlExpr pattern, bool negated)
        {
            this.Operand = operand;
            this.Kind = kind;
            this.Pattern = pattern;
            this.Negated = negated;
        }

        public SqlExpr Operand { get; }

        public string Kind { get; }

        public SqlExpr Pattern { get; }

        public bool Negated { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray.Create(this.Operand, this.Pattern);
    }

    /// <summary><c>CASE [operand] WHEN … THEN … [ELSE …] END</c>.</summary>
    internal sealed class SqlCase : SqlExpr
    {
        public SqlCase(SqlExpr? operand, ImmutableArray<SqlWhen> whens, SqlExpr? elseResult)
        {
            this.Operand = operand;
            this.Whens = whens;
            this.Else = elseResult;
        }

        public SqlExpr? Operand { get; }

        public ImmutableArray<SqlWhen> Whens { get; }

        public SqlExpr? Else { get; }

        public override ImmutableArray<SqlExpr> Children
        {
            get
            {
                var all = ImmutableArray.CreateBuilder<SqlExpr>();
                if (this.Operand is not null)
                {
                    all.Add(this.Operand);
                }

                foreach (SqlWhen when in this.Whens)
                {
                    all.Add(when.Condition);
                    all.Add(when.Result);
                }

                if (this.Else is not null)
                {
                    all.Add(this.Else);
                }

                return all.ToImmutable();
            }
        }
    }

    internal sealed class SqlWhen
    {
        public SqlWhen(SqlExpr condition, SqlExpr result)
        {
            this.Condition = condition;
            this.Result = result;
        }

        public SqlExpr Condition { get; }

        public SqlExpr Result { get; }
    }

    /// <summary>
    /// An interval literal in any of Spark's spellings. <see cref="Duration"/> is the value as a Spark duration
    /// string ("10 minutes", "1 hour 30 minutes") when it is made of number-unit pairs, else null
    /// (e.g. ANSI <c>INTERVAL '1:30' HOUR TO MINUTE</c>). <see cref="Text"/> is the literal as written.
    /// </summary>
    internal sealed class SqlInterval : SqlExpr
    {
        public SqlInterval(string text, string? duration)
        {
            this.Text = text;
            this.Duration = duration;
        }

        public string Text { get; }

        public string? Duration { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray<SqlExpr>.Empty;

        public override string ToString() => this.Duration is null ? this.Text : "INTERVAL '" + this.Duration + "'";
    }

    /// <summary><c>a[0]</c>, <c>m['key']</c>.</summary>
    internal sealed class SqlSubscript : SqlExpr
    {
        public SqlSubscript(SqlExpr operand, SqlExpr index)
        {
            this.Operand = operand;
            this.Index = index;
        }

        public SqlExpr Operand { get; }

        public SqlExpr Index { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray.Create(this.Operand, this.Index);
    }

    /// <summary><c>expr.field</c> on something other than a plain name (<c>a[0].b</c>, <c>f(x).b</c>); plain <c>a.b</c> is a <see cref="SqlColumn"/>.</summary>
    internal sealed class SqlFieldAccess : SqlExpr
    {
        public SqlFieldAccess(SqlExpr operand, string field)
        {
            this.Operand = operand;
            this.Field = field;
        }

        public SqlExpr Operand { get; }

        public string Field { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray.Create(this.Operand);
    }

    /// <summary><c>x -&gt; x + 1</c> / <c>(acc, x) -&gt; acc + x</c> inside a higher-order function.</summary>
    internal sealed class SqlLambda : SqlExpr
    {
        public SqlLambda(ImmutableArray<string> parameters, SqlExpr body)
        {
            this.Parameters = parameters;
            this.Body = body;
        }

        public ImmutableArray<string> Parameters { get; }

        public SqlExpr Body { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray.Create(this.Body);
    }

    /// <summary><c>(a, b)</c>: a row value, as in <c>(a, b) IN ((1, 2))</c>.</summary>
    internal sealed class SqlTuple : SqlExpr
    {
        public SqlTuple(ImmutableArray<SqlExpr> items) => this.Items = items;

        public ImmutableArray<SqlExpr> Items { get; }

        public override ImmutableArray<SqlExpr> Children => this.Items;
    }

    /// <summary>A scalar subquery <c>(SELECT …)</c>, or <c>EXISTS (SELECT …)</c> when <see cref="IsExists"/>.</summary>
    internal sealed class SqlSubquery : SqlExpr
    {
        public SqlSubquery(SqlQuery query, bool isExists)
        {
            this.Query = query;
            this.IsExists = isExists;
        }

        public SqlQuery Query { get; }

        public bool IsExists { get; }

        public override ImmutableArray<SqlExpr> Children => ImmutableArray<SqlExpr>.Empty;
    }
}
