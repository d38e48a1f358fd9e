using System;
using System.Collections.Generic;

namespace StreamLint.Spark.Sql
{
    /// <summary>Spark SQL function names by role. Names are lower case; look-ups ignore case.</summary>
    internal static class SqlFunctions
    {
        /// <summary>
        /// Aggregate functions of Spark 3.5's FunctionRegistry ("aggregate functions" block, the bit_*/bitmap_*
        /// aggregates, grouping/grouping_id and the try_avg/try_sum builders), plus the 4.0 additions
        /// percentile_cont/percentile_disc/listagg/string_agg. <c>sum_distinct</c> and <c>countDistinct</c> exist only
        /// in the DataFrame API, not in SQL.
        /// </summary>
        private static readonly HashSet<string> Aggregates = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "approx_count_distinct", "avg", "corr", "count", "count_if", "covar_pop", "covar_samp", "first", "first_value",
            "any_value", "kurtosis", "last", "last_value", "max", "max_by", "mean", "min", "min_by", "percentile", "median",
            "skewness", "percentile_approx", "approx_percentile", "histogram_numeric", "std", "stddev", "stddev_pop",
            "stddev_samp", "sum", "variance", "var_pop", "var_samp", "collect_list", "array_agg", "collect_set",
            "count_min_sketch", "every", "bool_and", "any", "some", "bool_or", "regr_count", "regr_avgx", "regr_avgy",
            "regr_r2", "regr_sxx", "regr_sxy", "regr_syy", "regr_slope", "regr_intercept", "mode", "hll_sketch_agg",
            "hll_union_agg", "try_avg", "try_sum", "bit_and", "bit_or", "bit_xor", "bitmap_construct_agg", "bitmap_or_agg",
            "grouping", "grouping_id", "percentile_cont", "percentile_disc", "listagg", "string_agg",
        };

        /// <summary>Functions that exist only as window functions (Spark rejects them without OVER).</summary>
        private static readonly HashSet<string> WindowOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "nth_value",
        };

        /// <summary>Functions that read the clock at query time (processing time).</summary>
        private static readonly HashSet<string> CurrentTime = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "current_timestamp", "now", "current_date", "curdate", "localtimestamp",
        };

        public static bool IsAggregate(string name) => Aggregates.Contains(Unqualified(name));

        public static bool IsWindowOnly(string name) => WindowOnly.Contains(Unqualified(name));

        /// <summary>A call that reads the clock: the current-time functions, and unix_timestamp() without arguments.</summary>
        public static bool ReadsCurrentTime(SqlFunctionCall call)
        {
            string name = Unqualified(call.Name);
            return CurrentTime.Contains(name)
                || (name.Equals("unix_timestamp", StringComparison.OrdinalIgnoreCase) && call.Arguments.IsEmpty && !call.IsStar);
        }

        /// <summary>Built-in names are unqualified; <c>system.builtin.count</c> (Spark 4) names the same function.</summary>
        private static string Unqualified(string name)
        {
            const string Builtin = "system.builtin.";
            return name.StartsWith(Builtin, StringComparison.OrdinalIgnoreCase) ? name.Substring(Builtin.Length) : name;
        }
    }
}
