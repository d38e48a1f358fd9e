using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamLint.Spark.Rules;

using StreamLint.CodeFixes.Core;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1004: move the watermark onto the column the windowed aggregation groups on.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IneffectiveWatermarkCodeFix))]
    [Shared]
    public sealed class IneffectiveWatermarkCodeFix : SingleEditCodeFix
    {
        public const string UseGroupedColumnKey = "SL1004.UseGroupedColumn";

        public IneffectiveWatermarkCodeFix()
            : base(Descriptors.SL1004_IneffectiveWatermark.Id, UseGroupedColumnKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(IneffectiveWatermarkAnalyzer.GroupedColumnProperty, out string? column) || column is null
                || SyntaxLocator.InvocationAt(root, diagnostic.Location) is not { ArgumentList.Arguments.Count: 2 } watermark)
            {
                return null;
            }

            ExpressionSyntax eventTime = watermark.ArgumentList.Arguments[0].Expression;
            return ($"Watermark '{column}', the column the aggregation windows on", eventTime, FluentCalls.String(column).WithTriviaFrom(eventTime));
        }
    }
}
