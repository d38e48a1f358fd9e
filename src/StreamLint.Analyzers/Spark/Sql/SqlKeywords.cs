using System;
using System.Collections.Generic;

namespace StreamLint.Spark.Sql
{
    /// <summary>Word lists the parser needs; all comparisons ignore case, as Spark's keywords do.</summary>
    internal static class SqlKeywords
    {
        private static readonly HashSet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "SELECT", "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "MINUS",
            "JOIN", "ON", "USING", "INNER", "OUTER", "CROSS", "FULL", "NATURAL", "SEMI", "ANTI", "LEFT", "RIGHT", "LATERAL",
            "AND", "OR", "NOT", "IS", "IN", "BETWEEN", "LIKE", "ILIKE", "RLIKE", "REGEXP", "ESCAPE",
            "WHEN", "THEN", "ELSE", "END", "AS", "DISTINCT", "BY", "OVER", "DIV", "WITH",
        };

        /// <summary>Reserved words that are also function names when a parenthesis follows: left(s, n), like(a, b)…</summary>
        private static readonly HashSet<string> ReservedFunctionNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "LEFT", "RIGHT", "LIKE", "ILIKE", "RLIKE", "REGEXP",
        };

        /// <summary>Words that end an expression instead of naming it: <c>SELECT a FROM t</c> is not "a aliased FROM".</summary>
        private static readonly HashSet<string> AliasTerminators = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "WINDOW", "SORT", "CLUSTER", "DISTRIBUTE", "QUALIFY", "ASC", "DESC", "NULLS", "TABLESAMPLE", "PIVOT", "UNPIVOT",
            "FILTER", "WITHIN", "IGNORE", "RESPECT", "FOR", "PLACING", "TO",
        };

        /// <summary>Spark's current-like functions that may be written without parentheses (SqlBaseParser #currentLike).</summary>
        private static readonly HashSet<string> ParenthesisLessFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "current_date", "current_timestamp", "current_user", "session_user", "localtimestamp",
        };

        /// <summary>Interval unit words, singular and plural (Spark's unitToUtf8 / interval grammar).</summary>
        private static readonly string[] Units =
        {
            "year", "month", "week", "day", "hour", "minute", "second", "millisecond", "microsecond",
        };

        public static bool IsReserved(string word) => Reserved.Contains(word);

        public static bool IsReservedFunctionName(string word) => ReservedFunctionNames.Contains(word);

        public static bool EndsImplicitAlias(string word) => Reserved.Contains(word) || AliasTerminators.Contains(word);

        public static bool IsParenthesisLessFunction(string word) => ParenthesisLessFunctions.Contains(word);

        /// <summary>Words that open the body of an OVER (…) clause rather than naming a base window.</summary>
        public static bool StartsWindowClause(string word) =>
            word.Equals("PARTITION", StringComparison.OrdinalIgnoreCase) || word.Equals("DISTRIBUTE", StringComparison.OrdinalIgnoreCase)
            || word.Equals("ORDER", StringComparison.OrdinalIgnoreCase) || word.Equals("SORT", StringComparison.OrdinalIgnoreCase)
            || word.Equals("ROWS", StringComparison.OrdinalIgnoreCase) || word.Equals("RANGE", StringComparison.OrdinalIgnoreCase);

        public static bool IsIntervalUnit(SqlToken token) => token.Kind == SqlTokenKind.Identifier && IntervalUnitIndex(token.Text) >= 0;

        /// <summary>The singular lower-case unit of a unit word (MINUTES → minute).</summary>
        public static string IntervalUnit(string word) => Units[IntervalUnitIndex(word)];

        private static int IntervalUnitIndex(string word)
        {
            string lower = word.ToLowerInvariant();
            string singular = lower.EndsWith("s", StringComparison.Ordinal) ? lower.Substring(0, lower.Length - 1) : lower;
            return Array.IndexOf(Units, singular);
        }
    }
}
