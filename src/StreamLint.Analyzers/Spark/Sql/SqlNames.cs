using System;

namespace StreamLint.Spark.Sql
{
    /// <summary>Name comparison as Spark does it by default (<c>spark.sql.caseSensitive=false</c>).</summary>
    internal static class SqlNames
    {
        public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

        public static bool Equal(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
