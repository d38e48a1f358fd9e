using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace StreamLint.Spark
{
    /// <summary>
    /// What a rule sees of a member that calls Spark: its body, options, and a reporter that drops a
    /// diagnostic already reported at the same place with the same message and the same fix targets (one writer
    /// started twice proves the same problem twice). Queries that share an aggregation but have their own writers
    /// keep one diagnostic each, so that each one's fix changes its own writer.
    /// </summary>
    internal sealed class BlockContext
    {
        private readonly SemanticModelAnalysisContext inner;
        private readonly SparkMember member;
        private HashSet<(string Id, TextSpan Span, string Message, string Targets)>? reported;

        public BlockContext(SparkMember member, SemanticModelAnalysisContext inner)
        {
            this.member = member;
            this.inner = inner;
        }

        /// <summary>The member's body: a diagnostic inside it is local to the member.</summary>
        public IOperation Body => this.member.Body;

        public ISymbol OwningSymbol => this.member.Owner;

        public AnalyzerOptions Options => this.inner.Options;

        public CancellationToken CancellationToken => this.inner.CancellationToken;

        public void ReportDiagnostic(Diagnostic diagnostic)
        {
            string targets = string.Join(";", diagnostic.AdditionalLocations.Select(l => l.SourceSpan.ToString()));
            this.reported ??= new HashSet<(string, TextSpan, string, string)>();
            if (this.reported.Add((diagnostic.Id, diagnostic.Location.SourceSpan, diagnostic.GetMessage(CultureInfo.InvariantCulture), targets)))
            {
                this.inner.ReportDiagnostic(diagnostic);
            }
        }
    }
}
