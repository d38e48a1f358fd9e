using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamLint.Spark.Rules;

using StreamLint.CodeFixes.Core;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>
    /// SL1002: watermark the window column before GroupBy (Update-mode windowed aggregation), or add the watermarked
    /// event-time column to DropDuplicates' columns.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnboundedStreamingStateCodeFix))]
    [Shared]
    public sealed class UnboundedStreamingStateCodeFix : SingleEditCodeFix
    {
        public const string AddWatermarkKey = "SL1002.AddWatermark";
        public const string AddDedupColumnKey = "SL1002.AddDedupColumn";

        public UnboundedStreamingStateCodeFix()
            : base(Descriptors.SL1002_UnboundedStreamingState.Id, AddWatermarkKey, AddDedupColumnKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(UnboundedStreamingStateAnalyzer.ColumnProperty, out string? column) || column is null)
            {
                return null;
            }

            if (FixKind(diagnostic) == "AddWatermark")
            {
                return diagnostic.AdditionalLocations.Count == 1
                    && SyntaxLocator.InvocationAt(root, diagnostic.AdditionalLocations[0]) is { } groupBy
                    && FluentCalls.InsertBefore(groupBy, "WithWatermark", FluentCalls.String(column), FluentCalls.String(AppendAggregationWithoutWatermarkCodeFix.DefaultWatermarkDelay)) is { } watermarked
                        ? ($"Add WithWatermark(\"{column}\", \"{AppendAggregationWithoutWatermarkCodeFix.DefaultWatermarkDelay}\") before GroupBy", groupBy, watermarked)
                        : null;
            }

            return SyntaxLocator.InvocationAt(root, diagnostic.Location) is { ArgumentList.Arguments.Count: > 0 } dedup
                ? ($"Add the event-time column '{column}' to the deduplication columns", dedup, dedup.WithArgumentList(dedup.ArgumentList.AddArguments(SyntaxFactory.Argument(FluentCalls.String(column)))))
                : null;
        }

        protected override string KeyFor(Diagnostic diagnostic) => FixKind(diagnostic) == "AddWatermark" ? AddWatermarkKey : AddDedupColumnKey;

        private static string? FixKind(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(UnboundedStreamingStateAnalyzer.FixProperty, out string? fix) ? fix : null;
    }
}
