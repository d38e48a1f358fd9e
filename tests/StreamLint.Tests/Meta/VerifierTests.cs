using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using SL1008 = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Spark.Rules.InvalidOutputModeAnalyzer, StreamLint.CodeFixes.Spark.InvalidOutputModeCodeFix>;
using Wrong = StreamLint.Tests.Infrastructure.Verifier<StreamLint.Tests.Meta.VerifierTests.WrongSeverityAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace StreamLint.Tests.Meta
{
    /// <summary>
    /// The verifier itself can fail: an expectation at the wrong severity (markup or <c>Diagnostic(id)</c>) and a "no fix"
    /// assertion with a key the fixer does not declare are rejected. A test analyzer declares an Error and reports a Warning.
    /// </summary>
    public class VerifierTests
    {
        private const string Source = "class {|#0:A|} { }";

        [Fact]
        public async Task Markup_ExpectsTheDescriptorsDefaultSeverity()
        {
            Exception e = await Assert.ThrowsAnyAsync<Exception>(() => Wrong.VerifyAnalyzerAsync("class {|SLT001:A|} { }"));
            Assert.Contains("severity", e.Message, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public async Task Diagnostic_ExpectsTheDescriptorsDefaultSeverity()
        {
            Assert.Equal(DiagnosticSeverity.Error, Wrong.Diagnostic("SLT001").Severity);
            Exception e = await Assert.ThrowsAnyAsync<Exception>(() => Wrong.VerifyAnalyzerAsync(Source, Wrong.Diagnostic("SLT001").WithLocation(0)));
            Assert.Contains("severity", e.Message, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public Task Diagnostic_WithTheSeverityStated_Passes() =>
            Wrong.VerifyAnalyzerAsync(Source, Wrong.Diagnostic("SLT001").WithSeverity(DiagnosticSeverity.Warning).WithLocation(0));

        [Fact]
        public void Diagnostic_OfARuleTheAnalyzerDoesNotSupport_Throws() =>
            Assert.Throws<ArgumentException>(() => SL1008.Diagnostic("SL1007"));

        [Fact]
        public async Task NoCodeFix_WithAKeyTheFixerDoesNotDeclare_Throws()
        {
            Assert.Contains(StreamLint.CodeFixes.Spark.InvalidOutputModeCodeFix.LegalModeKey, SL1008.FixerKeys);
            await Assert.ThrowsAsync<ArgumentException>(() => SL1008.VerifyNoCodeFixAsync("class A { }", "SL1008.NoSuchFix"));
        }

        /// <summary>Declares SLT001 as an Error, reports it as a Warning on every class.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        public sealed class WrongSeverityAnalyzer : DiagnosticAnalyzer
        {
#pragma warning disable RS2008 // A test-only analyzer: no release tracking.
            private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor(
                "SLT001", "Test", "Test", "Test", DiagnosticSeverity.Error, isEnabledByDefault: true);
#pragma warning restore RS2008

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxNodeAction(
                    c => c.ReportDiagnostic(Diagnostic.Create(Descriptor, ((ClassDeclarationSyntax)c.Node).Identifier.GetLocation(), DiagnosticSeverity.Warning, null, null)),
                    SyntaxKind.ClassDeclaration);
            }
        }
    }
}
