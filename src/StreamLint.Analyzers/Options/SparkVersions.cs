using System;

namespace StreamLint.Options
{
    /// <summary>The Apache Spark version a project targets (<c>streamlint.spark_version</c>); rules whose checks differ by version read it.</summary>
    internal static class SparkVersions
    {
        public static readonly Version Default = new Version(3, 5);

        /// <summary>Accepts <c>major.minor</c> or <c>major.minor.patch</c> for the Spark lines Microsoft.Spark supports (2.x to 4.x).</summary>
        public static bool TryParse(string? text, out Version version, out string error)
        {
            version = Default;
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
