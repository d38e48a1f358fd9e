using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StreamLint.Options
{
    /// <summary>
    /// StreamLint's options for one syntax tree, parsed once per <see cref="AnalyzerConfigOptions"/> instance
    /// (the compiler shares one instance across trees with the same effective configuration).
    /// </summary>
    internal sealed class StreamLintOptions
    {
        private static readonly ConditionalWeakTable<AnalyzerConfigOptions, StreamLintOptions> Cache =
            new ConditionalWeakTable<AnalyzerConfigOptions, StreamLintOptions>();

        private readonly AnalyzerConfigOptions raw;

        private StreamLintOptions(AnalyzerConfigOptions raw)
        {
            this.raw = raw;
            var problems = ImmutableArray.CreateBuilder<OptionProblem>();

            Version sparkVersion = SparkVersions.Default;
            if (raw.TryGetValue(OptionKeys.SparkVersion, out string? text) && !string.IsNullOrWhiteSpace(text))
            {
                if (SparkVersions.TryParse(text, out Version parsed, out string error))
                {
                    sparkVersion = parsed;
                }
                else
                {
                    problems.Add(new OptionProblem(OptionKeys.SparkVersion, text, error, SparkVersions.Default.ToString()));
                }
            }

            this.SparkVersion = sparkVersion;
            this.LatencyBudgetMicros = ReadBudget(raw, problems);
            this.FlagUnwindowedAggregations = ReadFlag(raw, OptionKeys.ForRule("SL1002", OptionKeys.FlagUnwindowedAggregations), problems);
            this.Problems = problems.ToImmutable();
        }

        /// <summary>Target Spark version (<c>streamlint.spark_version</c>, default 3.5).</summary>
        public Version SparkVersion { get; }

        /// <summary><c>streamlint.SL1002.flag_unwindowed_aggregations</c> (default false).</summary>
        public bool FlagUnwindowedAggregations { get; }

        /// <summary><c>streamlint.latency_budget</c> in microseconds; null when not set (SL1019 then reports nothing).</summary>
        public long? LatencyBudgetMicros { get; }

        /// <summary>The budget as written, for messages.</summary>
        public string? LatencyBudgetText { get; private set; }

        /// <summary>Values that did not parse; SL9001 reports them and the defaults apply.</summary>
        public ImmutableArray<OptionProblem> Problems { get; }

        private long? ReadBudget(AnalyzerConfigOptions raw, ImmutableArray<OptionProblem>.Builder problems)
        {
            if (!raw.TryGetValue(OptionKeys.LatencyBudget, out string? text) || string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (Durations.TryParseMicros(text, out long micros) && micros > 0)
            {
                this.LatencyBudgetText = text.Trim();
                return micros;
            }

            problems.Add(new OptionProblem(OptionKeys.LatencyBudget, text, "expected a positive duration such as 500ms, 1s, 2 minutes", "(not set: SL1019 off)"));
            return null;
        }

        private static bool ReadFlag(AnalyzerConfigOptions raw, string key, ImmutableArray<OptionProblem>.Builder problems)
        {
            if (!raw.TryGetValue(key, out string? text) || string.IsNullOrWhiteSpace(text))
            {
                return false; // an empty value means the default
            }

            if (bool.TryParse(text.Trim(), out bool value))
            {
                return value;
            }

            problems.Add(new OptionProblem(key, text, "expected true or false", "false"));
            return false;
        }

        public static StreamLintOptions For(AnalyzerOptions options, SyntaxTree tree) =>
            Cache.GetValue(options.AnalyzerConfigOptionsProvider.GetOptions(tree), o => new StreamLintOptions(o));

        /// <summary>A rule option: <c>streamlint.&lt;ID&gt;.&lt;option&gt;</c> first, then <c>streamlint.&lt;option&gt;</c>.</summary>
        public string? GetRuleOption(string ruleId, string option)
        {
            if (this.raw.TryGetValue(OptionKeys.ForRule(ruleId, option), out string? specific) && !string.IsNullOrWhiteSpace(specific))
            {
                return specific.Trim();
            }

            return this.raw.TryGetValue(OptionKeys.Prefix + option, out string? general) && !string.IsNullOrWhiteSpace(general)
                ? general.Trim()
                : null;
        }
    }

    internal readonly struct OptionProblem
    {
        public OptionProblem(string key, string value, string error, string defaultValue)
        {
            this.Key = key;
            this.Value = value;
            this.Error = error;
            this.DefaultValue = defaultValue;
        }

        public string Key { get; }

        public string Value { get; }

        public string Error { get; }

        public string DefaultValue { get; }
    }
}
