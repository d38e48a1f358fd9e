using System;
using System.Collections.Immutable;
using StreamLint.Core.Options;

namespace StreamLint.Spark
{
    /// <summary>The Spark family's options, each declared once with the rules that read it.</summary>
    internal static class SparkOptions
    {
        public static readonly Option<Version> SparkVersion = new Option<Version>(
            "spark_version",
            SparkTarget.DefaultVersion,
            SparkTarget.TryParseVersion,
            SparkTarget.DefaultVersion.ToString(),
            readBy: new[] { "SL1005", "SL1007", "SL1008", "SL1014", "SL1015", "SL1019", "SL1021" });

        public static readonly Option<bool> FlagUnwindowedAggregations = new Option<bool>(
            "flag_unwindowed_aggregations",
            false,
            ParseFlag,
            "false",
            readBy: new[] { "SL1002" },
            ruleId: "SL1002");

        /// <summary>In microseconds; null when not set (SL1019 then reports nothing).</summary>
        public static readonly Option<long?> LatencyBudget = new Option<long?>(
            "latency_budget",
            null,
            ParseBudget,
            "(not set: SL1019 off)",
            readBy: new[] { "SL1019" });

        public static readonly Option<string> CheckpointRoot = new Option<string>(
            "checkpoint_root",
            "/checkpoints",
            ParsePath,
            "/checkpoints",
            readBy: new[] { "SL1010" },
            ruleId: "SL1010",
            acceptsGeneralKey: true);

        public static ImmutableArray<OptionDefinition> All { get; } =
            ImmutableArray.Create<OptionDefinition>(SparkVersion, FlagUnwindowedAggregations, LatencyBudget, CheckpointRoot);

        private static bool ParseFlag(string text, out bool value, out string error)
        {
            error = bool.TryParse(text, out value) ? string.Empty : "expected true or false";
            return error.Length == 0;
        }

        private static bool ParseBudget(string text, out long? value, out string error)
        {
            value = null;
            error = string.Empty;
            if (OptionDurations.TryParseMicros(text, out long micros) && micros > 0)
            {
                value = micros;
                return true;
            }

            error = "expected a positive duration such as 500ms, 1s, 2 minutes";
            return false;
        }

        private static bool ParsePath(string text, out string value, out string error)
        {
            (value, error) = (text, string.Empty);
            return true;
        }
    }
}
