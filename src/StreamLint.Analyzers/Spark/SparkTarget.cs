using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Core.Options;

namespace StreamLint.Spark
{
    /// <summary>
    /// The Apache Spark version a project targets (<c>streamlint.spark_version</c>) and what differs between versions,
    /// as named facts: rules ask "does this Spark reject X", never compare version numbers themselves.
    /// </summary>
    internal sealed class SparkTarget
    {
        public static readonly Version DefaultVersion = new Version(3, 5);

        private static readonly ConcurrentDictionary<Version, SparkTarget> Targets = new ConcurrentDictionary<Version, SparkTarget>();

        private SparkTarget(Version version) => this.Version = version;

        public Version Version { get; }

        /// <summary>Spark 2.x: the streaming checker's older wording ("GroupingSets …", "Inner join between two streaming …").</summary>
        public bool Spark2Messages => this.Version < new Version(3, 0);

        /// <summary>Spark 4: the newer wording of the window-function rejection.</summary>
        public bool Spark4Messages => this.Version >= new Version(4, 0);

        /// <summary>Spark 2.x: the stream-static join checker before 3.0 (rejects a few combinations 3.0 accepts).</summary>
        public bool LegacyJoinChecker => this.Version < new Version(3, 0);

        /// <summary>Spark before 3.0 rejects <c>kafka.group.id</c> on a Kafka source.</summary>
        public bool RejectsKafkaGroupId => this.Version < new Version(3, 0);

        /// <summary>Spark before 3.1 supports only left and right outer stream-stream joins (no full outer, no left semi).</summary>
        public bool OnlyLeftRightOuterStreamJoins => this.Version < new Version(3, 1);

        /// <summary>From 3.1 the global-watermark correctness check throws (3.0 only logged it).</summary>
        public bool GlobalWatermarkCheckThrows => this.Version >= new Version(3, 1);

        /// <summary>From 3.4 several stateful operators may be chained in Append mode.</summary>
        public bool ChainedStatefulInAppend => this.Version >= new Version(3, 4);

        public static SparkTarget Of(Version version) => Targets.GetOrAdd(version, v => new SparkTarget(v));

        /// <summary>The target for the file <paramref name="tree"/>, from its options.</summary>
        public static SparkTarget For(AnalyzerOptions options, SyntaxTree tree) =>
            Of(StreamLintOptions.For(options, tree).Get(SparkOptions.SparkVersion));

        /// <summary>Accepts <c>major.minor</c> or <c>major.minor.patch</c> for the Spark lines Microsoft.Spark supports (2.x to 4.x).</summary>
        public static bool TryParseVersion(string text, out Version version, out string error)
        {
            version = DefaultVersion;
            error = string.Empty;
            string trimmed = (text ?? string.Empty).Trim();
            if (!Version.TryParse(trimmed, out Version? parsed) || parsed is null || parsed.Revision >= 0)
            {
                error = "expected a Spark version such as 3.5 or 3.4.1";
                return false;
            }

            if (parsed.Major < 2 || parsed.Major > 4)
            {
                error = "Microsoft.Spark runs on Apache Spark 2.x to 4.x";
                return false;
            }

            version = new Version(parsed.Major, parsed.Minor);
            return true;
        }
    }
}
