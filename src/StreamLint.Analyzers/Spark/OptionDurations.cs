using System.Globalization;
using System.Text.RegularExpressions;
using StreamLint.Spark.Durations;

namespace StreamLint.Spark
{
    /// <summary>Durations written in options: compact forms (500ms, 1s, 2m, 1h) or Spark interval strings (2 minutes).</summary>
    internal static class OptionDurations
    {
        private static readonly Regex Compact = new Regex(@"^(?<n>\d+(\.\d+)?)\s*(?<u>ms|s|m|h)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static bool TryParseMicros(string? text, out long micros)
        {
            micros = 0;
            string trimmed = (text ?? string.Empty).Trim();
            Match compact = Compact.Match(trimmed);
            if (compact.Success)
            {
                decimal n = decimal.Parse(compact.Groups["n"].Value, CultureInfo.InvariantCulture);
                decimal factor = compact.Groups["u"].Value.ToLowerInvariant() switch
                {
                    "ms" => 1_000m,
                    "s" => SparkInterval.MicrosPerSecond,
                    "m" => SparkInterval.MicrosPerMinute,
                    _ => SparkInterval.MicrosPerHour,
                };
                micros = (long)(n * factor);
                return true;
            }

            SparkInterval? interval = trimmed.Length == 0 ? null : SparkInterval.Parse(trimmed, SparkTarget.DefaultVersion, out _, out _);
            if (interval is null || interval.Months != 0)
            {
                return false;
            }

            micros = interval.TotalMicros;
            return true;
        }
    }
}
