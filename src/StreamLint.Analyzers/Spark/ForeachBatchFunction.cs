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
        /// True when batchId reaches something other than logging: a write's path, table or option, a filter or
        /// MERGE condition, a helper that does one of those — any use the model cannot prove to be printing only.
        /// Passing it to Console, Debug/Trace or a logger (directly, interpolated or concatenated) does not count.
        /// </summary>
        public bool UsesBatchId(SparkCompilation spark, CancellationToken cancellationToken) =>
            UsesParameter(this.Body, this.BatchId, spark, cancellationToken, depth: 0);

        private static bool UsesParameter(IOperation body, IParameterSymbol parameter, SparkCompilation spark, CancellationToken cancellationToken, int depth)
        {
            foreach (IParameterReferenceOperation reference in body.DescendantsAndSelf().OfType<IParameterReferenceOperation>())
            {
                if (!SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
                {
                    continue;
                }

                IOperation value = reference;
                while (value.Parent is IConversionOperation or IParenthesizedOperation or IInterpolationOperation or IInterpolatedStringOperation
                    || value.Parent is IBinaryOperation { Type.SpecialType: SpecialType.System_String }
                    || value.Parent is IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0 } toString && toString.Instance == value)
                {
                    value = value.Parent;
                }

                if (value.Parent is not IArgumentOperation { Parent: IInvocationOperation call, Parameter: { } target })
                {
                    return true;
                }

                if (IsLogging(call.TargetMethod))
                {
                    continue;
                }

                // Passed as is to a same-compilation helper: used when the helper uses it.
                IMethodSymbol helper = call.TargetMethod.OriginalDefinition;
                if (value == reference && depth + 1 < MaxHelperDepth && !helper.DeclaringSyntaxReferences.IsEmpty
                    && BodyOf(helper, spark, cancellationToken) is { } helperBody
                    && target.OriginalDefinition is IParameterSymbol helperParameter
                    && !UsesParameter(helperBody, helperParameter, spark, cancellationToken, depth + 1))
                {
                    continue;
                }

                return true;
            }

            return false;
        }

        /// <summary>Console, Debug, Trace, Microsoft.Extensions.Logging and Serilog loggers: printing, not processing.</summary>
        public static bool IsLogging(IMethodSymbol method)
        {
            INamedTypeSymbol? type = method.ContainingType;
            string ns = type?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return (ns == "System" && type!.Name == "Console")
                || (ns == "System.Diagnostics" && type!.Name is "Debug" or "Trace")
                || ns == "Microsoft.Extensions.Logging"
                || ns == "Serilog";
        }

        /// <summary>
        /// The actions and writes the function runs on its micro-batch: DataFrame actions (an emptiness guard such as
        /// Count(), IsEmpty() or Head() included) and batch writes whose DataFrame derives from the batch — directly,
        /// through derived locals, or through same-compilation helpers the batch (or a DataFrame derived from it) is
        /// passed to. <paramref name="persisted"/> says a Persist()/Cache() on such a DataFrame was seen.
        /// </summary>
        public int BatchActions(SparkCompilation spark, CancellationToken cancellationToken, out bool persisted)
        {
            persisted = false;
            var batches = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default) { this.Batch };
            SparkSymbols symbols = spark.Symbols;
            var counted = new HashSet<IInvocationOperation>();
            foreach ((IInvocationOperation call, int _) in this.Invocations(spark, cancellationToken))
            {
                IMethodSymbol method = call.TargetMethod;
                string name = method.Name;
                if (symbols.Is(method.ContainingType, symbols.DataFrame))
                {
                    bool action = SparkApi.DataFrameActions.Contains(name);
                    bool persist = name is "Persist" or "Cache";
                    if ((action || persist) && this.DerivesFromBatch(spark.Evaluator.EvaluateDataFrame(call.Instance, cancellationToken), batches))
                    {
                        if (persist)
                        {
                            persisted = true;
                        }
                        else
                        {
                            counted.Add(call);
                        }
                    }
                }
                else if (symbols.Is(method.ContainingType, symbols.DataFrameWriter))
                {
                    if (SparkApi.BatchWrites.Contains(name)
                        && this.DerivesFromBatch(spark.Evaluator.EvaluateBuilder(call.Instance, cancellationToken)?.Input, batches))
                    {
                        counted.Add(call);
                    }
                }
                else if (!method.OriginalDefinition.DeclaringSyntaxReferences.IsEmpty)
                {
                    // A helper of the compilation: its DataFrame parameters given the batch are the batch too.
                    foreach (IArgumentOperation argument in call.Arguments)
                    {
                        if (argument.Parameter is { } parameter && symbols.Is(parameter.Type, symbols.DataFrame)
                            && this.DerivesFromBatch(spark.Evaluator.EvaluateDataFrame(argument.Value, cancellationToken), batches))
                        {
                            batches.Add(parameter.OriginalDefinition);
                        }
                    }
                }
            }

            return counted.Count;
        }

        private bool DerivesFromBatch(PlanNode? plan, HashSet<IParameterSymbol> batches) =>
            plan is not null && PlanQueries.Nodes(plan).Any(n =>
                (n is SourceNode source && source.Syntax == this.Call.Syntax)
                || (n is ParameterNode parameter && batches.Contains(parameter.Parameter.OriginalDefinition)));

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
    }
}
