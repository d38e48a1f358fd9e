using System.Collections.Immutable;
using System.Linq;
using StreamLint.Spark.Sql;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>
    /// A join condition as far as the model can read it: equi-join key columns and whether a time-range condition
    /// (a comparison or Between) constrains the two sides. Built from Column operators or join column names;
    /// anything else is not represented (the join's condition is then null: unknown).
    /// </summary>
    internal sealed class JoinCondition
    {
        public JoinCondition(ImmutableArray<string> keyColumns, bool hasRange)
        {
            this.KeyColumns = keyColumns;
            this.HasRange = hasRange;
        }

        /// <summary>Columns compared for equality (either side's name).</summary>
        public ImmutableArray<string> KeyColumns { get; }

        /// <summary>True when a conjunct compares with &lt;, &lt;=, &gt;, &gt;= or Between.</summary>
        public bool HasRange { get; }

        /// <summary>Reads a condition built from Column operators; null when any part is not understood.</summary>
        public static JoinCondition? FromExpression(ColumnExpr? expression)
        {
            var keys = ImmutableArray.CreateBuilder<string>();
            bool hasRange = false;
            return Collect(expression, keys, ref hasRange) ? new JoinCondition(keys.ToImmutable(), hasRange) : null;
        }

        /// <summary>
        /// Reads a condition written in SQL text (<c>Expr("…")</c>, a SQL query's ON clause) with the SQL reader: a
        /// conjunction (AND) of column equalities and time-range comparisons between columns (interval arithmetic and
        /// BETWEEN included); qualifiers are dropped. Any other conjunct (OR, functions, constants) yields null: unknown.
        /// </summary>
        public static JoinCondition? FromSql(SqlExpr? condition)
        {
            if (condition is null)
            {
                return null;
            }

            SqlJoinCondition read = SqlJoinCondition.Read(condition);
            if (!read.IsFullyUnderstood)
            {
                return null;
            }

            var keys = ImmutableArray.CreateBuilder<string>();
            foreach ((SqlColumn left, SqlColumn right) in read.EquiKeys)
            {
                keys.Add(left.Name);
                keys.Add(right.Name);
            }

            return new JoinCondition(keys.ToImmutable(), hasRange: !read.Ranges.IsEmpty);
        }

        private static bool Collect(ColumnExpr? expression, ImmutableArray<string>.Builder keys, ref bool hasRange)
        {
            if (expression is not ComputedColumn computed)
            {
                return false;
            }

            switch (computed.Function)
            {
                case "op_BitwiseAnd" or "And":
                    foreach (ColumnExpr? part in computed.Inputs)
                    {
                        if (!Collect(part, keys, ref hasRange))
                        {
                            return false;
                        }
                    }

                    return true;
                case "op_Equality" or "EqualTo" or "EqNullSafe":
                    foreach (ColumnExpr? side in computed.Inputs)
                    {
                        if (side?.AttributeSource is { } name)
                        {
                            keys.Add(name);
                        }
                    }

                    return computed.Inputs.All(i => i is not null);
                case "op_GreaterThan" or "op_GreaterThanOrEqual" or "op_LessThan" or "op_LessThanOrEqual"
                    or "Gt" or "Geq" or "Lt" or "Leq" or "Between":
                    hasRange = true;
                    return true;
                default:
                    return false;
            }
        }
    }
}
