using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace StreamLint.Spark
{
    /// <summary>
    /// What a rule sees of a method body once it has been read: the body, options, and a reporter that drops a
    /// diagnostic already reported at the same place with the same message (two queries over one DataFrame, or one
    /// writer started twice, can prove the same problem at the same aggregation).
    /// </summary>
    internal sealed class BlockContext
    {
        private readonly OperationBlockAnalysisContext inner;
        private readonly HashSet<(string Id, TextSpan Span, string Message)> reported = new HashSet<(string, TextSpan, string)>();

        public BlockContext(OperationBlockAnalysisContext inner) => this.inner = inner;

        public ImmutableArray<IOperation> OperationBlocks => this.inner.OperationBlocks;

        public ISymbol OwningSymbol => this.inner.OwningSymbol;

        public AnalyzerOptions Options => this.inner.Options;

        public CancellationToken CancellationToken => this.inner.CancellationToken;

        public void ReportDiagnostic(Diagnostic diagnostic)
        {
            if (this.reported.Add((diagnostic.Id, diagnostic.Location.SourceSpan, diagnostic.GetMessage(CultureInfo.InvariantCulture))))
            {
                this.inner.ReportDiagnostic(diagnostic);
            }
        }
    }
}
