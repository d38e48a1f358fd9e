using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark
{
    /// <summary>
    /// The function passed to <c>ForeachBatch</c> — a lambda, a method group or a local function of the same
    /// compilation — with its body and its (batch, batchId) parameters.
    /// </summary>
    internal sealed class ForeachBatchFunction
    {
        private const int MaxHelperDepth = 3;

        private ForeachBatchFunction(IInvocationOperation call, IOperation body, IParameterSymbol batch, IParameterSymbol batchId, bool isLambda)
        {
            this.Call = call;
            this.Body = body;
            this.Batch = batch;
            this.BatchId = batchId;
            this.IsLambda = isLambda;
        }

        /// <summary>The ForeachBatch invocation.</summary>
        public IInvocationOperation Call { get; }

        public IOperation Body { get; }

        public IParameterSymbol Batch { get; }

        public IParameterSymbol BatchId { get; }

        /// <summary>True for a lambda written in place (its body is inside the ForeachBatch call).</summary>
        public bool IsLambda { get; }

        public static ForeachBatchFunction? TryCreate(IInvocationOperation call, SparkCompilation spark, CancellationToken cancellationToken)
        {
            if (!SparkApi.IsForeachBatch(call, spark.Symbols))
            {
                return null;
            }

            switch (OperationFacts.Unwrap(call.Arguments[0].Value))
            {
                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } when lambda.Symbol.Parameters.Length == 2:
                    return new ForeachBatchFunction(call, lambda.Body, lambda.Symbol.Parameters[0], lambda.Symbol.Parameters[1], isLambda: true);
                case IDelegateCreationOperation { Target: IMethodReferenceOperation reference } when reference.Method.Parameters.Length == 2
                    && BodyOf(reference.Method, spark, cancellationToken) is { } body:
                    return new ForeachBatchFunction(call, body, reference.Method.Parameters[0], reference.Method.Parameters[1], isLambda: false);
                default:
                    return null;
            }
        }

        /// <summary>The body of a same-compilation method or local function; null for metadata or abstract methods.</summary>
        public static IOperation? BodyOf(IMethodSymbol method, SparkCompilation spark, CancellationToken cancellationToken) =>
            spark.Library.DeclarationOf(method, cancellationToken) switch
            {
                ILocalFunctionOperation local => local.Body,
                var operation => operation,
            };

        /// <summary>
        /// The invocations the function runs, its own and those of same-compilation helpers it calls (a few levels
        /// deep), each with the depth it was found at (0 = the function itself).
        /// </summary>
        public IEnumerable<(IInvocationOperation Invocation, int Depth)> Invocations(SparkCompilation spark, CancellationToken cancellationToken)
        {
            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var pending = new Queue<(IOperation Body, int Depth)>();
            pending.Enqueue((this.Body, 0));
            while (pending.Count > 0)
            {
                (IOperation body, int depth) = pending.Dequeue();
                foreach (IInvocationOperation invocation in body.DescendantsAndSelf().OfType<IInvocationOperation>())
                {
                    yield return (invocation, depth);
                    IMethodSymbol target = invocation.TargetMethod.OriginalDefinition;
                    if (depth + 1 < MaxHelperDepth && !target.DeclaringSyntaxReferences.IsEmpty && visited.Add(target)
                        && BodyOf(target, spark, cancellationToken) is { } helper)
                    {
                        pending.Enqueue((helper, depth + 1));
                    }
                }
            }
        }

        /// <summary>
        /// The first write the function (or a helper it calls) appends to an external target with — Write()…Save,
        /// SaveAsTable, Jdbc, … in append mode, or InsertInto without overwrite — that is not versioned with Delta's
        /// txnVersion; null when there is none. With <see cref="UsesBatchId"/> false, such a write makes a replayed
        /// batch land twice (SL1011, and the delivery guarantee a plan reports).
        /// </summary>
        public (IInvocationOperation Write, int Depth, BuilderValue Writer)? AppendingWrite(SparkCompilation spark, CancellationToken cancellationToken)
        {
            foreach ((IInvocationOperation write, int depth) in this.Invocations(spark, cancellationToken))
            {
                if (this.Writer(write, spark, cancellationToken) is { } writer
                    && Appends(write, writer.Facts)
                    && !writer.Facts.Options.ContainsKey("txnVersion"))
                {
                    return (write, depth, writer);
                }
            }

            return null;
        }

        /// <summary>
        /// True when the function writes somewhere and every write it makes is idempotent on replay: an overwrite, a
        /// Delta write versioned with txnVersion, or a SQL MERGE. False when it cannot be shown (no write the model
        /// can read counts as not shown).
        /// </summary>
        public bool WritesOnlyIdempotently(SparkCompilation spark, CancellationToken cancellationToken)
        {
            bool any = false;
            foreach ((IInvocationOperation call, int _) in this.Invocations(spark, cancellationToken))
            {
                if (call.TargetMethod.Name == "Sql" && spark.Symbols.Is(call.TargetMethod.ContainingType, spark.Symbols.SparkSession))
                {
                    string? sql = OperationFacts.ConstantString(OperationFacts.Argument(call, 0));
                    if (sql is null)
                    {
                        return false;
                    }

                    if (sql.TrimStart().StartsWith("MERGE", StringComparison.OrdinalIgnoreCase))
                    {
                        any = true;
                    }

                    continue;
                }

                if (!SparkApi.BatchWrites.Contains(call.TargetMethod.Name) || !spark.Symbols.Is(call.TargetMethod.ContainingType, spark.Symbols.DataFrameWriter))
                {
                    continue;
                }

                if (spark.Evaluator.EvaluateBuilder(call.Instance, cancellationToken) is not { Kind: BuilderKind.BatchWriter, Complete: true } writer
                    || !(writer.Facts.SaveMode == "overwrite" || writer.Facts.Options.ContainsKey("txnVersion")))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        /// <summary>Append explicitly, or InsertInto (which appends unless the mode is overwrite).</summary>
        private static bool Appends(IInvocationOperation write, BuilderFacts facts) =>
            facts.SaveMode == "append" || (write.TargetMethod.Name == "InsertInto" && !facts.SaveModeKnown);

        private BuilderValue? Writer(IInvocationOperation write, SparkCompilation spark, CancellationToken cancellationToken) =>
            SparkApi.BatchWrites.Contains(write.TargetMethod.Name) && spark.Symbols.Is(write.TargetMethod.ContainingType, spark.Symbols.DataFrameWriter)
            && spark.Evaluator.EvaluateBuilder(write.Instance, cancellationToken) is { Kind: BuilderKind.BatchWriter, Complete: true } writer
                ? writer
                : null;

        /// <summary>True when batchId is read anywhere in the function (passed to a helper counts: the helper may key writes by it).</summary>
        public bool UsesBatchId() =>
            this.Body.DescendantsAndSelf().OfType<IParameterReferenceOperation>()
                .Any(p => SymbolEqualityComparer.Default.Equals(p.Parameter, this.BatchId));
    }
}
