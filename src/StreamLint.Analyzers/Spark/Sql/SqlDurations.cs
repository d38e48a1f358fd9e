using System;
using System.Text.RegularExpressions;

namespace StreamLint.Spark.Sql
{
    /// <summary>
    /// Interval text in the form Spark duration strings take ("10 minutes", "1 hour 30 minutes"). Whether the
    /// duration is valid (units, signs, fractions) is for the caller's duration checker; this only normalises.
    /// </summary>
    internal static class SqlDurations
    {
        private static readonly Regex WhiteSpace = new Regex(@"\s+", RegexOptions.CultureInvariant);

        /// <summary>"&lt;value&gt; &lt;unit&gt;" with the unit singular for 1 and plural otherwise.</summary>
        public static string Pair(string value, string singularUnit)
        {
            string number = value.StartsWith("+", StringComparison.Ordinal) ? value.Substring(1) : value;
            return number + " " + singularUnit + (number is "1" or "-1" ? string.Empty : "s");
        }

        /// <summary>
        /// The content of <c>INTERVAL '…'</c> or of a duration string argument: lower case, single spaces, without a
        /// leading "interval" word. Null for empty text.
        /// </summary>
        public static string? NormalizeString(string text)
        {
            string s = WhiteSpace.Replace(text.Trim(), " ").ToLowerInvariant();
            if (s.StartsWith("interval ", StringComparison.Ordinal))
            {
                s = s.Substring("interval ".Length);
            }

            return s.Length == 0 ? null : s;
        }
    }
}
