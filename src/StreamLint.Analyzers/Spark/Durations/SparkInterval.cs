using System;
using System.Collections.Generic;
using System.Globalization;

namespace StreamLint.Spark.Durations
{
    /// <summary>
    /// An interval string as Spark parses it: months (from years and months), days (from weeks and days) and
    /// microseconds (hours down to microseconds). Spark 3.x grammar (IntervalUtils.stringToInterval): an optional
    /// "interval " prefix, then "[+|-]value unit[s]" pairs separated by white space, case-insensitive; units are the
    /// full words year, month, week, day, hour, minute, second, millisecond, microsecond; only seconds may have a
    /// fraction. Spark 2.x (CalendarInterval.fromString) accepts the same units in that fixed order, integers only.
    /// </summary>
    internal sealed class SparkInterval
    {
        public const long MicrosPerSecond = 1_000_000L;
        public const long MicrosPerMinute = 60 * MicrosPerSecond;
        public const long MicrosPerHour = 60 * MicrosPerMinute;
        public const long MicrosPerDay = 24 * MicrosPerHour;

        /// <summary>Units in the order Spark 2.x requires, each with its length in its component.</summary>
        public static readonly string[] Units = { "year", "month", "week", "day", "hour", "minute", "second", "millisecond", "microsecond" };

        private SparkInterval(long months, long days, long micros)
        {
            this.Months = months;
            this.Days = days;
            this.Micros = micros;
        }

        public long Months { get; }

        public long Days { get; }

        public long Micros { get; }

        /// <summary>Days and microseconds in microseconds (what TimeWindow and triggers use).</summary>
        public long TotalMicros => (this.Days * MicrosPerDay) + this.Micros;

        /// <summary>Spark's IntervalUtils.isNegative: a month counts as 31 days.</summary>
        public bool IsNegative => (this.Months * 31 * MicrosPerDay) + this.TotalMicros < 0;

        /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why and <paramref name="badUnit"/> names an unknown unit word.</summary>
        public static SparkInterval? Parse(string text, Version sparkVersion, out string error, out string? badUnit)
        {
            error = string.Empty;
            badUnit = null;
            string s = text.Trim().ToLowerInvariant();
            if (s.Length == 0)
            {
                error = "the interval string is empty";
                return null;
            }

            if (s.StartsWith("interval", StringComparison.Ordinal))
            {
                if (s.Length == "interval".Length)
                {
                    error = "the interval string is empty";
                    return null;
                }

                if (!char.IsWhiteSpace(s["interval".Length]))
                {
                    error = $"invalid interval prefix '{s.Split(' ')[0]}'";
                    return null;
                }

                s = s.Substring("interval".Length).Trim();
            }

            List<string> tokens = Words(s);
            long months = 0, days = 0, micros = 0;
            int lastUnit = -1;
            bool legacy = sparkVersion.Major < 3;
            for (int i = 0; i < tokens.Count; i += 2)
            {
                string value = tokens[i];
                if (i + 1 >= tokens.Count)
                {
                    error = $"'{value}' has no unit";
                    return null;
                }

                string word = tokens[i + 1];
                int unit = UnitIndex(word);
                if (unit < 0)
                {
                    badUnit = word;
                    error = $"'{word}' is not a unit Spark accepts (year, month, week, day, hour, minute, second, millisecond, microsecond, each optionally plural)";
                    return null;
                }

                if (!IsNumber(value, legacy))
                {
                    error = $"'{value}' is not a number Spark accepts here";
                    return null;
                }

                if (value.Contains(".") && Units[unit] != "second")
                {
                    error = $"'{value} {word}': only seconds can have a fractional part";
                    return null;
                }

                if (legacy && unit <= lastUnit)
                {
                    error = $"Spark {sparkVersion} expects units in the order year, month, week, day, hour, minute, second, millisecond, microsecond, each once";
                    return null;
                }

                lastUnit = unit;
                decimal amount = decimal.Parse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                try
                {
                    checked
                    {
                        switch (Units[unit])
                        {
                            case "year": months += (long)amount * 12; break;
                            case "month": months += (long)amount; break;
                            case "week": days += (long)amount * 7; break;
                            case "day": days += (long)amount; break;
                            case "hour": micros += (long)amount * MicrosPerHour; break;
                            case "minute": micros += (long)amount * MicrosPerMinute; break;
                            case "second": micros += (long)(amount * MicrosPerSecond); break;
                            case "millisecond": micros += (long)amount * 1000; break;
                            default: micros += (long)amount; break;
                        }
                    }
                }
                catch (OverflowException)
                {
                    error = "the value is out of range";
                    return null;
                }
            }

            return new SparkInterval(months, days, micros);
        }

        /// <summary>The runs of non-white-space characters of <paramref name="s"/>. Plain loops, not regular expressions: a
        /// fresh compiler process would build each expression for the first duration it reads.</summary>
        private static List<string> Words(string s)
        {
            var words = new List<string>();
            for (int i = 0; i < s.Length;)
            {
                int start = i;
                while (i < s.Length && !char.IsWhiteSpace(s[i]))
                {
                    i++;
                }

                if (i > start)
                {
                    words.Add(s.Substring(start, i - start));
                }

                while (i < s.Length && char.IsWhiteSpace(s[i]))
                {
                    i++;
                }
            }

            return words;
        }

        /// <summary>
        /// Whether <paramref name="value"/> is a number Spark's interval parser takes: an optional sign and ASCII digits
        /// with at most nine decimals (seconds down to nanoseconds); Spark 2.x takes an optional minus and an integer.
        /// </summary>
        private static bool IsNumber(string value, bool legacy)
        {
            int i = 0;
            if (i < value.Length && (value[i] == '-' || (!legacy && value[i] == '+')))
            {
                i++;
            }

            int integerDigits = Digits(value, ref i);
            if (legacy)
            {
                return integerDigits > 0 && i == value.Length;
            }

            if (i < value.Length && value[i] == '.')
            {
                i++;
                int decimals = Digits(value, ref i);
                return i == value.Length && decimals <= 9 && (integerDigits > 0 || decimals > 0);
            }

            return integerDigits > 0 && i == value.Length;
        }

        private static int Digits(string value, ref int i)
        {
            int start = i;
            while (i < value.Length && value[i] >= '0' && value[i] <= '9')
            {
                i++;
            }

            return i - start;
        }

        /// <summary>The unit a word names (singular or plural), or -1.</summary>
        public static int UnitIndex(string word)
        {
            string singular = word.EndsWith("s", StringComparison.Ordinal) ? word.Substring(0, word.Length - 1) : word;
            return Array.IndexOf(Units, singular);
        }

        /// <summary>Common spellings Spark does not accept, mapped to the unit they mean.</summary>
        public static readonly IReadOnlyDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sec"] = "second", ["secs"] = "second", ["s"] = "second",
            ["min"] = "minute", ["mins"] = "minute",
            ["hr"] = "hour", ["hrs"] = "hour", ["h"] = "hour",
            ["ms"] = "millisecond", ["msec"] = "millisecond", ["msecs"] = "millisecond", ["millis"] = "millisecond",
            ["us"] = "microsecond", ["micros"] = "microsecond",
            ["d"] = "day", ["yr"] = "year", ["yrs"] = "year", ["wk"] = "week", ["wks"] = "week",
        };
    }
}
