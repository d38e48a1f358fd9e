using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using StreamLint.Tests.Infrastructure;
using Xunit;
using static StreamLint.Tests.Infrastructure.SparkCode;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The "silent when" bullets of docs/rules/SL1017.md about connections made on the driver, one test each, named after
    /// the bullet: every silent case next to its positive twin, which differs only in the point the bullet is about.
    /// Every writer is [Serializable], so only the connection-at-construction case is in play.
    /// </summary>
    public class SL1017SilentWhenTests
    {
        private static async Task<int> ReportedAsync(string members)
        {
            string source = Usings + @"
[System.Serializable]
class AuditWriter : IForeachWriter
{
" + members + @"
    public void Process(Row row) { }
    public void Close(System.Exception errorOrNull) { }
}";
            ImmutableArray<Diagnostic> reported = await Analysis.RunAsync(
                Repository.Analyzers.Single(a => a.SupportedDiagnostics.Any(d => d.Id == "SL1017")),
                source,
                "3.5");
            return reported.Count(d => d.Id == "SL1017");
        }

        // The connection is created in Open, Process or any other method.
        [Fact]
        public async Task ConnectionCreatedInOpen_Silent() =>
            Assert.Equal(0, await ReportedAsync(@"    private System.IO.Stream buffer;
    public bool Open(long partitionId, long epochId) { this.buffer = new System.IO.MemoryStream(); return true; }"));

        [Fact]
        public async Task ConnectionCreatedInOpen_Twin_ConstructorReported() =>
            Assert.Equal(1, await ReportedAsync(@"    private System.IO.Stream buffer;
    public AuditWriter() { this.buffer = new System.IO.MemoryStream(); }
    public bool Open(long partitionId, long epochId) => true;"));

        // The connection is passed in from outside: what a constructor receives is not created there.
        [Fact]
        public async Task ConnectionPassedIn_Silent() =>
            Assert.Equal(0, await ReportedAsync(@"    private System.IO.Stream buffer;
    public AuditWriter(System.IO.Stream buffer) { this.buffer = buffer; }
    public bool Open(long partitionId, long epochId) => true;"));

        [Fact]
        public async Task ConnectionPassedIn_Twin_CreatedReported() =>
            Assert.Equal(1, await ReportedAsync(@"    private System.IO.Stream buffer;
    public AuditWriter(System.IO.Stream buffer) { this.buffer = new System.IO.MemoryStream(); }
    public bool Open(long partitionId, long epochId) => true;"));

        // The object is created in a static constructor or a static field.
        [Fact]
        public async Task StaticField_Silent() =>
            Assert.Equal(0, await ReportedAsync(@"    private static readonly System.IO.Stream Buffer = new System.IO.MemoryStream();
    public bool Open(long partitionId, long epochId) => true;"));

        [Fact]
        public async Task StaticField_Twin_InstanceFieldReported() =>
            Assert.Equal(1, await ReportedAsync(@"    private readonly System.IO.Stream buffer = new System.IO.MemoryStream();
    public bool Open(long partitionId, long epochId) => true;"));
    }
}
