using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.CodeFixes.Core;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1016: <c>Trigger.Continuous(x)</c> becomes <c>Trigger.ProcessingTime(x)</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ContinuousTriggerUnsupportedCodeFix))]
    [Shared]
    public sealed class ContinuousTriggerUnsupportedCodeFix : SingleEditCodeFix
    {
        public const string ProcessingTimeKey = "SL1016.ProcessingTime";

        public ContinuousTriggerUnsupportedCodeFix()
            : base(Descriptors.SL1016_ContinuousTriggerUnsupported.Id, ProcessingTimeKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is IdentifierNameSyntax { Identifier.ValueText: "Continuous" } name
                ? ("Use Trigger.ProcessingTime", name, SyntaxFactory.IdentifierName("ProcessingTime").WithTriviaFrom(name))
                : null;
    }
}
