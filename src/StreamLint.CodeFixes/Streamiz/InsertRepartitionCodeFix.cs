using System.Composition;
using Microsoft.CodeAnalysis;
using StreamLint.CodeFixes.Core;
using Microsoft.CodeAnalysis.CodeFixes;

namespace StreamLint.CodeFixes.Streamiz
{
    /// <summary>SL2005: <c>stream.Process(…)</c> becomes <c>stream.Repartition().Process(…)</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertRepartitionCodeFix))]
    [Shared]
    public sealed class InsertRepartitionCodeFix : SingleEditCodeFix
    {
        public const string Key = "SL2005.Repartition";

        public InsertRepartitionCodeFix()
            : base(Descriptors.SL2005_StatefulProcessAfterKeyChange.Id, Key)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic) =>
            SyntaxLocator.InvocationAt(root, diagnostic.Location) is { } call && FluentCalls.InsertBefore(call, "Repartition") is { } fixedCall
                ? ("Insert Repartition() before the stateful processor", call, fixedCall)
                : null;
    }
}
