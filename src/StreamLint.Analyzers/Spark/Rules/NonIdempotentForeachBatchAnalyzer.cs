using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1011: a ForeachBatch function (lambda, method group or local function, following same-compilation helpers)
    /// that never reads batchId and appends to an external target: Write()…Save/SaveAsTable/Jdbc/… with
    /// Mode(SaveMode.Append)/Mode("append"), or InsertInto without overwrite. Overwrites, SQL MERGE statements and
    /// Delta writes versioned with txnVersion are idempotent and not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NonIdempotentForeachBatchAnalyzer : SparkAnalyzer
    {
        /// <summary>Properties for the Delta fix: the batchId parameter's name and the txnAppId to use.</summary>
        public const string BatchIdProperty = "BatchId";
        public const string AppIdProperty = "AppId";

        public NonIdempotentForeachBatchAnalyzer()
            : base(Descriptors.SL1011_NonIdempotentForeachBatch)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterSparkCalls(context, spark, (c, invocation) => Analyze(c, invocation, spark));

        private static void Analyze(MemberContext context, IInvocationOperation invocation, SparkCompilation spark)
        {
            if (ForeachBatchFunction.TryCreate(invocation, spark, context.CancellationToken) is not { } function
                || function.UsesBatchId(spark, context.CancellationToken))
            {
                return;
            }

            if (function.AppendingWrite(spark, context.CancellationToken) is not { } found)
            {
                return;
            }

            (IInvocationOperation write, int depth, BuilderValue writer) = found;
            bool inPlace = function.IsLambda && depth == 0;
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (inPlace && writer.Facts.FormatKnown && writer.Facts.Format == "delta")
            {
                properties = properties
                    .Add(BatchIdProperty, function.BatchId.Name)
                    .Add(AppIdProperty, AppId(function, spark, context));
            }

            string target = writer.Facts.FormatKnown && writer.Facts.Format is { } format ? $"a {format} target" : "an external target";
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SL1011_NonIdempotentForeachBatch,
                OperationFacts.NameLocation(inPlace ? write.Syntax : function.Call.Syntax),
                properties,
                target));
        }

        /// <summary>A stable application id for Delta's idempotent writes: the query name, else the enclosing member.</summary>
        private static string AppId(ForeachBatchFunction function, SparkCompilation spark, MemberContext context) =>
            spark.Evaluator.EvaluateBuilder(function.Call, context.CancellationToken)?.Facts.QueryName
            ?? context.OwningSymbol.Name.Trim('<', '>', '$');
    }
}
