using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace StreamLint.Core
{
    /// <summary>
    /// What a rule sees of a member that calls its library: the member, options, and a reporter that drops a
    /// diagnostic already reported at the same place with the same message and the same fix targets (one value
    /// proven twice is one problem). Diagnostics about different fix targets keep one each, so each fix changes its own.
    /// A value: a rule sees one per member of every file it analyses, and they share their file's reporter.
    /// </summary>
    internal readonly struct MemberContext
    {
        private readonly FileReporter file;

        public MemberContext(CodeMember member, FileReporter file)
        {
            this.Member = member;
            this.file = file;
        }

        public CodeMember Member { get; }

        /// <summary>The member's body: a diagnostic inside it is local to the member.</summary>
        public IOperation Body => this.Member.Body;

        public ISymbol OwningSymbol => this.Member.Owner;

        public AnalyzerOptions Options => this.file.Context.Options;

        public CancellationToken CancellationToken => this.file.Context.CancellationToken;

        /// <summary>Whether <paramref name="node"/> is inside the member, so a diagnostic there is local to it.</summary>
        public bool Contains(SyntaxNode node) => this.Member.Contains(node);

        /// <summary>
        /// <paramref name="node"/> when it is inside the member, else <paramref name="fallback"/> (a place in the
        /// member that the fact concerns): a diagnostic is always reported in the member being analysed.
        /// </summary>
        public SyntaxNode LocalOr(SyntaxNode node, SyntaxNode fallback) => this.Contains(node) ? node : fallback;

        public void ReportDiagnostic(Diagnostic diagnostic) => this.file.Report(diagnostic);
    }

    /// <summary>One rule's reporting in one file: the driver's context, and what was reported there so far.</summary>
    internal sealed class FileReporter
    {
        private HashSet<(string Id, TextSpan Span, string Message, string Targets)>? reported;

        public FileReporter(SemanticModelAnalysisContext context) => this.Context = context;

        public SemanticModelAnalysisContext Context { get; }

        public void Report(Diagnostic diagnostic)
        {
            string targets = string.Join(";", diagnostic.AdditionalLocations.Select(l => l.SourceSpan.ToString()));
            this.reported ??= new HashSet<(string, TextSpan, string, string)>();
            if (this.reported.Add((diagnostic.Id, diagnostic.Location.SourceSpan, diagnostic.GetMessage(CultureInfo.InvariantCulture), targets)))
            {
                this.Context.ReportDiagnostic(diagnostic);
            }
        }
    }
}
