using System.Collections.Immutable;
using System.Linq;

namespace StreamLint.Spark.Sql
{
    /// <summary>
    /// A time window call: <c>window(timeCol, windowDuration[, slideDuration[, startTime]])</c> or
    /// <c>session_window(timeCol, gapDuration)</c>. Durations are the string literal's value as written (for the
    /// caller's duration checker) or an interval literal's normalised <see cref="SqlInterval.Duration"/>; null when
    /// absent or not constant (a dynamic session gap, e.g. a CASE expression).
    /// </summary>
    internal sealed class SqlTimeWindow
    {
        private SqlTimeWindow(SqlFunctionCall call, bool isSession, SqlExpr timeColumn, string? duration, string? slide, string? start)
        {
            this.Call = call;
            this.IsSession = isSession;
            this.TimeColumn = timeColumn;
            this.Duration = duration;
            this.Slide = slide;
            this.StartTime = start;
        }

        public SqlFunctionCall Call { get; }

        /// <summary>session_window rather than window.</summary>
        public bool IsSession { get; }

        /// <summary>The time column expression (first argument).</summary>
        public SqlExpr TimeColumn { get; }

        /// <summary>
        /// The time column when it is a column reference: only then does the window carry its watermark (Spark's
        /// TimeWindowing takes the metadata of an Attribute time column only).
        /// </summary>
        public SqlColumn? TimeColumnReference => this.TimeColumn as SqlColumn;

        /// <summary>The window duration, or for a session window the gap duration.</summary>
        public string? Duration { get; }

        public string? Slide { get; }

        public string? StartTime { get; }

        /// <summary>The window call the expression is (under aliases), or null.</summary>
        public static SqlTimeWindow? From(SqlExpr expression)
        {
            if (SqlSemantics.Unaliased(expression) is not SqlFunctionCall { Over: null, IsStar: false } call)
            {
                return null;
            }

            ImmutableArray<SqlExpr> args = call.Arguments;
            if (call.Is("window") && args.Length is >= 2 and <= 4)
            {
                return new SqlTimeWindow(call, false, args[0], DurationOf(args[1]), args.Length > 2 ? DurationOf(args[2]) : null, args.Length > 3 ? DurationOf(args[3]) : null);
            }

            if (call.Is("session_window") && args.Length == 2)
            {
                return new SqlTimeWindow(call, true, args[0], DurationOf(args[1]), null, null);
            }

            return null;
        }

        /// <summary>Every window call inside the expression (e.g. a GROUP BY item, or a select list item).</summary>
        public static ImmutableArray<SqlTimeWindow> FindAll(SqlExpr expression) =>
            SqlSemantics.DescendantsAndSelf(expression).Select(From).Where(w => w is not null).Select(w => w!).ToImmutableArray();

        private static string? DurationOf(SqlExpr argument) => argument switch
        {
            SqlLiteral { Kind: SqlLiteralKind.String } literal => literal.Value,
            SqlInterval interval => interval.Duration,
            _ => null,
        };
    }
}
