using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;

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
        /// Reads the simple SQL conditions people write in <c>Expr("…")</c>: conjunctions (AND) of <c>a = b</c>,
        /// comparisons and BETWEEN over column names (qualifiers dropped) and interval arithmetic. Anything else
        /// (OR, functions, sub-expressions the reader does not know) yields null: unknown.
        /// </summary>
        public static JoinCondition? FromSql(string? sql)
        {
            if (string.IsNullOrWhiteSpace(sql))
            {
                return null;
            }

            var keys = ImmutableArray.CreateBuilder<string>();
            bool hasRange = false;
            foreach (string raw in Conjuncts(sql!))
            {
                string conjunct = raw.Trim().Trim('(', ')').Trim();
                if (Regex.IsMatch(conjunct, @"\sor\s|[()]", RegexOptions.IgnoreCase))
                {
                    return null; // disjunctions and nested expressions are not read
                }

                Match equality = Regex.Match(conjunct, @"^(?<l>[A-Za-z_][\w.]*)\s*(=|==|<=>)\s*(?<r>[A-Za-z_][\w.]*)$");
                if (equality.Success)
                {
                    keys.Add(Unqualified(equality.Groups["l"].Value));
                    keys.Add(Unqualified(equality.Groups["r"].Value));
                    continue;
                }

                if (Regex.IsMatch(conjunct, @"^[A-Za-z_][\w.]*\s*(>=|<=|>|<)\s*[A-Za-z_][\w.]*(\s*[-+]\s*interval\s+[\w\s.'-]+)?$", RegexOptions.IgnoreCase)
                    || Regex.IsMatch(conjunct, @"^[A-Za-z_][\w.]*\s+between\s+.+\s+and\s+.+$", RegexOptions.IgnoreCase))
                {
                    hasRange = true;
                    continue;
                }

                return null;
            }

            return new JoinCondition(keys.ToImmutable(), hasRange);
        }

        /// <summary>Splits on AND, keeping "x BETWEEN a AND b" whole.</summary>
        private static System.Collections.Generic.IEnumerable<string> Conjuncts(string sql)
        {
            string[] parts = Regex.Split(sql, @"\s+and\s+", RegexOptions.IgnoreCase);
            for (int i = 0; i < parts.Length; i++)
            {
                bool between = Regex.IsMatch(parts[i], @"\sbetween\s", RegexOptions.IgnoreCase);
                yield return between && i + 1 < parts.Length ? parts[i] + " and " + parts[++i] : parts[i];
            }
        }

        private static string Unqualified(string name) => name.Substring(name.LastIndexOf('.') + 1);

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
