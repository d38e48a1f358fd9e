using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace StreamLint.Spark.Sql
{
    /// <summary>
    /// A join condition read as a conjunction (AND) of parts, as Spark's streaming join planner reads it:
    /// equalities between two columns (equi-join keys), time-range comparisons between two columns each
    /// optionally shifted by interval literals (<c>a.ts &gt;= b.ts - INTERVAL 1 HOUR</c>, BETWEEN), and the rest.
    /// </summary>
    internal sealed class SqlJoinCondition
    {
        private SqlJoinCondition(ImmutableArray<(SqlColumn Left, SqlColumn Right)> keys, ImmutableArray<SqlRangeComparison> ranges, ImmutableArray<SqlExpr> others)
        {
            this.EquiKeys = keys;
            this.Ranges = ranges;
            this.OtherConjuncts = others;
        }

        /// <summary>Conjuncts <c>a = b</c>, <c>a == b</c>, <c>a &lt;=&gt; b</c> between two columns.</summary>
        public ImmutableArray<(SqlColumn Left, SqlColumn Right)> EquiKeys { get; }

        /// <summary>Range comparisons between two columns (each BETWEEN gives two).</summary>
        public ImmutableArray<SqlRangeComparison> Ranges { get; }

        /// <summary>Conjuncts that are neither (OR, function calls, comparisons with constants, …).</summary>
        public ImmutableArray<SqlExpr> OtherConjuncts { get; }

        /// <summary>True when every conjunct is an equi-key or a range comparison.</summary>
        public bool IsFullyUnderstood => this.OtherConjuncts.IsEmpty;

        /// <summary>Reads <paramref name="condition"/> (never null: unknown parts land in <see cref="OtherConjuncts"/>).</summary>
        public static SqlJoinCondition Read(SqlExpr condition)
        {
            var keys = ImmutableArray.CreateBuilder<(SqlColumn, SqlColumn)>();
            var ranges = ImmutableArray.CreateBuilder<SqlRangeComparison>();
            var others = ImmutableArray.CreateBuilder<SqlExpr>();
            foreach (SqlExpr conjunct in Conjuncts(condition))
            {
                switch (conjunct)
                {
                    case SqlBinary { Operator: SqlBinaryOperator.Equal or SqlBinaryOperator.NullSafeEqual, Left: SqlColumn left, Right: SqlColumn right }:
                        keys.Add((left, right));
                        break;
                    case SqlBinary binary when IsRangeOperator(binary.Operator)
                        && TimeTerm.Read(binary.Left) is { } l && TimeTerm.Read(binary.Right) is { } r:
                        ranges.Add(new SqlRangeComparison(l.Column, binary.Operator, r.Column, l.Offsets, r.Offsets));
                        break;
                    case SqlBetween { Negated: false } between
                        when TimeTerm.Read(between.Operand) is { } x && TimeTerm.Read(between.Low) is { } low && TimeTerm.Read(between.High) is { } high:
                        ranges.Add(new SqlRangeComparison(x.Column, SqlBinaryOperator.GreaterOrEqual, low.Column, x.Offsets, low.Offsets));
                        ranges.Add(new SqlRangeComparison(x.Column, SqlBinaryOperator.LessOrEqual, high.Column, x.Offsets, high.Offsets));
                        break;
                    default:
                        others.Add(conjunct);
                        break;
                }
            }

            return new SqlJoinCondition(keys.ToImmutable(), ranges.ToImmutable(), others.ToImmutable());
        }

        /// <summary>The columns of relation <paramref name="qualifier"/> that some range comparison bounds by a column of another relation.</summary>
        public ImmutableArray<SqlColumn> RangeColumnsOf(string qualifier) =>
            this.Ranges
                .SelectMany(r => new[] { (Column: r.Left, Other: r.Right), (Column: r.Right, Other: r.Left) })
                .Where(p => SqlNames.Equal(p.Column.Qualifier, qualifier) && !SqlNames.Equal(p.Other.Qualifier, qualifier))
                .Select(p => p.Column)
                .ToImmutableArray();

        /// <summary>The conjuncts of an AND tree, left to right (iterative: long chains are deep).</summary>
        public static IEnumerable<SqlExpr> Conjuncts(SqlExpr condition)
        {
            var pending = new Stack<SqlExpr>();
            pending.Push(condition);
            while (pending.Count > 0)
            {
                SqlExpr current = pending.Pop();
                if (current is SqlBinary { Operator: SqlBinaryOperator.And } and)
                {
                    pending.Push(and.Right);
                    pending.Push(and.Left);
                }
                else
                {
                    yield return current;
                }
            }
        }

        private static bool IsRangeOperator(SqlBinaryOperator op) =>
            op is SqlBinaryOperator.Less or SqlBinaryOperator.LessOrEqual or SqlBinaryOperator.Greater or SqlBinaryOperator.GreaterOrEqual;

        /// <summary>A column plus or minus interval literals: <c>b.ts + INTERVAL 1 HOUR - INTERVAL '5' MINUTE</c>.</summary>
        private sealed class TimeTerm
        {
            private TimeTerm(SqlColumn column, ImmutableArray<string?> offsets)
            {
                this.Column = column;
                this.Offsets = offsets;
            }

            public SqlColumn Column { get; }

            public ImmutableArray<string?> Offsets { get; }

            public static TimeTerm? Read(SqlExpr expression)
            {
                var offsets = new List<string?>();
                while (true)
                {
                    switch (expression)
                    {
                        case SqlColumn column:
                            offsets.Reverse();
                            return new TimeTerm(column, offsets.ToImmutableArray());
                        case SqlBinary { Operator: SqlBinaryOperator.Add or SqlBinaryOperator.Subtract, Right: SqlInterval interval } shifted:
                            offsets.Add(Signed(interval.Duration, shifted.Operator == SqlBinaryOperator.Subtract));
                            expression = shifted.Left;
                            break;
                        case SqlBinary { Operator: SqlBinaryOperator.Add, Left: SqlInterval interval } shifted:
                            offsets.Add(interval.Duration);
                            expression = shifted.Right;
                            break;
                        default:
                            return null;
                    }
                }
            }

            /// <summary>The duration with a leading '-' when subtracted; null when the interval has no plain duration.</summary>
            private static string? Signed(string? duration, bool subtract) =>
                duration is null ? null : subtract ? "-" + duration : duration;
        }
    }

    /// <summary>
    /// <c>Left [+/- LeftOffsets] op Right [+/- RightOffsets]</c>. Offsets are durations, "-" prefixed when
    /// subtracted (a multi-unit interval "1 hour 30 minutes" subtracted reads "-1 hour 30 minutes", meaning the whole
    /// interval); an element is null when the interval is not a plain duration (ANSI <c>HOUR TO MINUTE</c>).
    /// </summary>
    internal sealed class SqlRangeComparison
    {
        public SqlRangeComparison(SqlColumn left, SqlBinaryOperator op, SqlColumn right, ImmutableArray<string?> leftOffsets, ImmutableArray<string?> rightOffsets)
        {
            this.Left = left;
            this.Operator = op;
            this.Right = right;
            this.LeftOffsets = leftOffsets;
            this.RightOffsets = rightOffsets;
        }

        public SqlColumn Left { get; }

        public SqlBinaryOperator Operator { get; }

        public SqlColumn Right { get; }

        public ImmutableArray<string?> LeftOffsets { get; }

        public ImmutableArray<string?> RightOffsets { get; }
    }
}
