using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using StreamLint.Tests.Infrastructure;
using static StreamLint.Tests.Infrastructure.SparkCode;

namespace StreamLint.Tests.Spark
{
    /// <summary>How many diagnostics of one rule a method body (over <see cref="SparkCode.Body"/>) gets, for bullet tests and their twins.</summary>
    internal static class SilentWhenCount
    {
        public static async Task<int> ReportedAsync(string rule, string body, string members = "", string? sparkVersion = null)
        {
            ImmutableArray<Diagnostic> reported = await Analysis.RunAsync(
                Repository.Analyzers.Single(a => a.SupportedDiagnostics.Any(d => d.Id == rule)),
                Body(body, members),
                sparkVersion);
            return reported.Count(d => d.Id == rule);
        }
    }
}
