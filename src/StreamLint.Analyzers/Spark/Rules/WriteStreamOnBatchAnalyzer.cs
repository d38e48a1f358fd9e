using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>SL1009: WriteStream() on a proven batch DataFrame.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WriteStreamOnBatchAnalyzer : SparkAnalyzer
    {
        /// <summary>Property present when Read() can become ReadStream(): additional location [0] is the Read() call.</summary>
        public const string ReadStreamFixProperty = "ReadStreamFix";

        /// <summary>Sources a streaming read accepts without an explicit schema.</summary>
        private static readonly ImmutableHashSet<string> SchemaFreeFormats = ImmutableHashSet.Create("kafka", "delta", "rate", "socket");

        public WriteStreamOnBatchAnalyzer()
            : base(Descriptors.SL1009_WriteStreamOnBatch)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterSparkCalls(
                context,
                spark,
                (c, invocation) =>
                {
                    if (invocation.TargetMethod.Name != "WriteStream" || !spark.Symbols.Is(invocation.TargetMethod.ContainingType, spark.Symbols.DataFrame)
                        || spark.Evaluator.EvaluateBoundDataFrame(invocation.Instance, c.CancellationToken) is not { Kind: Streamingness.Batch } plan)
                    {
                        return;
                    }

                    var sources = PlanQueries.Nodes(plan).OfType<SourceNode>().ToList();
                    string origin = sources.Count == 1 ? SourceName(sources[0]) : "a batch source";
                    var additional = ImmutableArray<Location>.Empty;
                    var properties = ImmutableDictionary<string, string?>.Empty;
                    if (sources.Count == 1 && ReadCallToFix(sources[0], invocation) is { } read)
                    {
                        additional = ImmutableArray.Create(read.GetLocation());
                        properties = properties.Add(ReadStreamFixProperty, "true");
                    }

                    c.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL1009_WriteStreamOnBatch,
                        OperationFacts.NameLocation(invocation.Syntax),
                        additional,
                        properties,
                        origin));
                });

        private static string SourceName(SourceNode source) =>
            source.Reader is not null ? "Read()"
            : source.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } } && name != "ForeachBatch" ? name + "(…)"
            : "ForeachBatch (each micro-batch is a batch DataFrame)";

        /// <summary>
        /// The Read() call, when switching it to ReadStream() is safe: it feeds only this chain, the source method
        /// exists on DataStreamReader, and the format streams without a declared schema (or a schema is given).
        /// </summary>
        private static SyntaxNode? ReadCallToFix(SourceNode source, IInvocationOperation writeStream)
        {
            if (source.Reader is not { Kind: BuilderKind.BatchReader, Complete: true } reader
                || !writeStream.Syntax.Span.Contains(source.Syntax.Span)
                || source.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var method } }
                || !SparkApi.StreamLoadMethods.Contains(method)
                || reader.Origin is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax })
            {
                return null;
            }

            bool hasSchema = reader.Calls.Any(c => c.TargetMethod.Name == "Schema");
            return hasSchema || (reader.Facts.FormatKnown && reader.Facts.Format is { } format && SchemaFreeFormats.Contains(format))
                ? reader.Origin
                : null;
        }
    }
}
