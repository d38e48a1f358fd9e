using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.Spark;
using StreamLint.Spark.Rules;

using StreamLint.CodeFixes.Core;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1010: insert <c>.Option("checkpointLocation", "&lt;root&gt;/&lt;query&gt;")</c> before Start/ToTable.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingCheckpointLocationCodeFix))]
    [Shared]
    public sealed class MissingCheckpointLocationCodeFix : SingleEditCodeFix
    {
        public const string EquivalenceKey = "SL1010.AddCheckpointLocation";

        public MissingCheckpointLocationCodeFix()
            : base(Descriptors.SL1010_MissingCheckpointLocation.Id, EquivalenceKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic) =>
            SyntaxLocator.InvocationAt(root, diagnostic.Location) is { } start
            && diagnostic.Properties.TryGetValue(MissingCheckpointLocationAnalyzer.CheckpointPathProperty, out string? path) && path is not null
            && FluentCalls.InsertBefore(start, "Option", FluentCalls.String(SparkApi.CheckpointOption), FluentCalls.String(path)) is { } fixedCall
                ? ($"Add Option(\"checkpointLocation\", \"{path}\")", start, fixedCall)
                : null;
    }
}
