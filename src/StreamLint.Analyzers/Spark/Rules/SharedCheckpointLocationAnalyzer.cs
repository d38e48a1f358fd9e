using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1013: the same constant checkpoint location (a literal, a const field, nameof, a concatenation of constants)
    /// set on two different streaming writers anywhere in the compilation. A stored writer started twice is one query.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SharedCheckpointLocationAnalyzer : SparkAnalyzer
    {
        public SharedCheckpointLocationAnalyzer()
            : base(Descriptors.SL1013_SharedCheckpointLocation)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterSparkCalls(
                context,
                spark,
                (c, option) =>
                {
                    if (SparkApi.CheckpointOptionPath(option, spark.Symbols)?.TrimEnd('/') is not { } path
                        || OperationFacts.Argument(option, 1) is not { } value)
                    {
                        return;
                    }

                    if (FirstOtherSetting(spark, path, option, c.CancellationToken) is { } shared)
                    {
                        FileLinePositionSpan where = shared.Option.Syntax.GetLocation().GetLineSpan();
                        c.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SL1013_SharedCheckpointLocation,
                            value.Syntax.GetLocation(),
                            path,
                            $"{System.IO.Path.GetFileName(where.Path)} line {where.StartLinePosition.Line + 1}"));
                    }
                });

        /// <summary>
        /// The first other setting of <paramref name="path"/> in the compilation, by file and position. Its own method:
        /// the query's closure would otherwise be allocated for every Spark call the rule is shown.
        /// </summary>
        private static CheckpointSetting? FirstOtherSetting(SparkCompilation spark, string path, IInvocationOperation option, System.Threading.CancellationToken cancellationToken) =>
            spark.CheckpointSettings(cancellationToken)
                .Where(s => s.Path == path && s.Option.Syntax != option.Syntax)
                .OrderBy(s => s.Option.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal)
                .ThenBy(s => s.Option.Syntax.SpanStart)
                .Cast<CheckpointSetting?>()
                .FirstOrDefault();
    }
}
