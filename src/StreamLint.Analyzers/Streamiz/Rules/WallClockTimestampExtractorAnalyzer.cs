using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Streamiz.Time;

namespace StreamLint.Streamiz.Rules
{
    /// <summary>
    /// SL2001: an <c>ITimestampExtractor.Extract</c> implementation that returns wall-clock time. Warning when the
    /// wall-clock value is returned on the main path; Info when only the invalid-timestamp fallback returns it
    /// (<see cref="ExtractorPaths"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WallClockTimestampExtractorAnalyzer : StreamizAnalyzer
    {
        public WallClockTimestampExtractorAnalyzer()
            : base(Descriptors.SL2001_WallClockTimestampExtractor)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, StreamizCompilation streamiz)
        {
            if (streamiz.Symbols.TimestampExtractor is not { } extractor
                || extractor.GetMembers(StreamizApi.Extract) is not { Length: 1 } members
                || members[0] is not IMethodSymbol extract)
            {
                return;
            }

            RegisterStreamizFiles(context, c =>
            {
                if (!TreeText.For(c.SemanticModel.SyntaxTree).HasIdentifier(StreamizApi.Extract, c.CancellationToken))
                {
                    return; // no method named Extract in the file: no node walk
                }

                foreach (SyntaxNode node in c.SemanticModel.SyntaxTree.GetRoot(c.CancellationToken).DescendantNodes(n => n is not (BlockSyntax or ArrowExpressionClauseSyntax)))
                {
                    if (node is not MethodDeclarationSyntax { Identifier.ValueText: StreamizApi.Extract } declaration
                        || c.SemanticModel.GetDeclaredSymbol(declaration, c.CancellationToken) is not { ContainingType: { } type } method
                        || !SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(extract), method)
                        || c.SemanticModel.GetOperation(declaration, c.CancellationToken) is not IMethodBodyOperation body)
                    {
                        continue;
                    }

                    foreach (WallClockReturn found in ExtractorPaths.WallClockReturns(body, c.CancellationToken))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SL2001_WallClockTimestampExtractor,
                            found.Read.Syntax.GetLocation(),
                            found.FallbackOnly ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning,
                            additionalLocations: null,
                            properties: null,
                            type.Name + ".Extract",
                            found.Api,
                            found.FallbackOnly ? "in its invalid-timestamp fallback (records without a valid timestamp get processing time)" : "on its main path"));
                    }
                }
            });
        }
    }
}
