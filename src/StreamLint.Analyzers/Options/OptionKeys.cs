namespace StreamLint.Options
{
    /// <summary>The .editorconfig keys StreamLint reads. General keys are <c>streamlint.&lt;option&gt;</c>; rule keys <c>streamlint.&lt;ID&gt;.&lt;option&gt;</c>.</summary>
    internal static class OptionKeys
    {
        public const string Prefix = "streamlint.";
        public const string SparkVersion = Prefix + "spark_version";
        public const string CheckpointRoot = "checkpoint_root";
        public const string LatencyBudget = Prefix + "latency_budget";
        public const string FlagUnwindowedAggregations = "flag_unwindowed_aggregations";

        public static string ForRule(string ruleId, string option) => Prefix + ruleId + "." + option;
    }
}
