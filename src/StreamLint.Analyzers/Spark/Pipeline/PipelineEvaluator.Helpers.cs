using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>
    /// Lineage across methods of the same compilation. A helper's effect is summarised once — its returned value
    /// with its own DataFrame parameters left as placeholders — and applied at each call by substituting the
    /// caller's arguments. A parameter of the method being analysed takes what its callers pass when they all
    /// agree; a method nobody calls keeps it unknown. ForeachBatch functions receive batch DataFrames.
    /// </summary>
    internal sealed partial class PipelineEvaluator
    {
        private const int MaxCallerDepth = 4;

        private readonly Cache<PlanNode, PlanNode?> bound = Cache<PlanNode, PlanNode?>.Large();

        private readonly Cache<IParameterSymbol, PlanNode?> boundParameters =
            new Cache<IParameterSymbol, PlanNode?>(SymbolEqualityComparer.Default);

        private readonly Cache<IMethodSymbol, SparkValue?> summaries =
            new Cache<IMethodSymbol, SparkValue?>(SymbolEqualityComparer.Default);

        /// <summary>The DataFrame <paramref name="operation"/> evaluates to, with the enclosing method's parameters bound from its callers.</summary>
        public PlanNode? EvaluateBoundDataFrame(IOperation? operation, CancellationToken cancellationToken) =>
            this.EvaluateDataFrame(operation, cancellationToken) is { } plan ? this.BindFromCallers(plan, cancellationToken) : null;

        /// <summary>The grouped dataset <paramref name="operation"/> evaluates to, its input bound from callers.</summary>
        public GroupedValue? EvaluateBoundGrouped(IOperation? operation, CancellationToken cancellationToken)
        {
            if (this.Evaluate(operation, cancellationToken) is not GroupedValue grouped)
            {
                return null;
            }

            if (!grouped.Child.HasParameters)
            {
                return grouped;
            }

            return this.BindFromCallers(grouped.Child, cancellationToken) is { } child ? new GroupedValue(child, grouped.Keys, grouped.GroupingCall) : null;
        }

        /// <summary>Replaces the parameters of the method a plan lives in by what its callers pass; null when they cannot be known. Cached per plan.</summary>
        public PlanNode? BindFromCallers(PlanNode plan, CancellationToken cancellationToken)
        {
            if (!plan.HasParameters)
            {
                return plan;
            }

            if (this.bound.TryGetValue(plan, out PlanNode? known))
            {
                return known;
            }

            return this.bound.GetOrAdd(plan, this.BindFromCallers(plan, new Walk(cancellationToken), depth: 0));
        }

        private PlanNode? BindFromCallers(PlanNode plan, Walk walk, int depth)
        {
            if (!plan.HasParameters)
            {
                return plan;
            }

            if (depth >= MaxCallerDepth)
            {
                return null;
            }

            return plan.Rebase(parameter => this.ArgumentFromCallers(parameter, walk, depth));
        }

        /// <summary>
        /// What the callers pass for <paramref name="parameter"/>. At depth 0 (a fresh walk, nothing in progress) the
        /// answer depends on the parameter alone, so it is computed once per parameter: every DataFrame call in a
        /// helper binds the same parameters, and SL1007 asks for each of them.
        /// </summary>
        private PlanNode? ArgumentFromCallers(ParameterNode parameter, Walk walk, int depth) =>
            depth == 0
                ? this.boundParameters.GetOrAdd(parameter.Parameter, static (_, s) => s.Evaluator.ArgumentFromCallersCore(s.Parameter, s.Walk, 0), (Evaluator: this, Parameter: parameter, Walk: walk))
                : this.ArgumentFromCallersCore(parameter, walk, depth);

        private PlanNode? ArgumentFromCallersCore(ParameterNode parameter, Walk walk, int depth)
        {
            if (parameter.Parameter.ContainingSymbol is not IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } method)
            {
                return null;
            }

            ImmutableArray<HelperCallSite> sites = this.spark.CallSitesOf(method, walk.CancellationToken);
            if (sites.IsEmpty)
            {
                return null; // nobody in the compilation calls it: unknown
            }

            var plans = ImmutableArray.CreateBuilder<PlanNode>(sites.Length);
            foreach (HelperCallSite site in sites)
            {
                PlanNode? argument;
                if (site.IsForeachBatch)
                {
                    argument = parameter.Parameter.Ordinal == 0 ? new SourceNode(site.Invocation.Syntax, Streamingness.Batch, reader: null) : null;
                }
                else
                {
                    argument = (this.Eval(OperationFacts.Argument(site.Invocation, parameter.Parameter.Ordinal), walk) as DataFrameValue)?.Plan;
                    argument = argument is null ? null : this.BindFromCallers(argument, walk, depth + 1);
                }

                if (argument is null)
                {
                    return null;
                }

                plans.Add(argument);
            }

            return plans.Count == 1 ? plans[0] : new MergeNode(parameter.Syntax, plans.MoveToImmutable());
        }

        private SparkValue? EvalParameter(IParameterReferenceOperation reference)
        {
            IParameterSymbol parameter = reference.Parameter;
            if (!this.Symbols.Is(parameter.Type, this.Symbols.DataFrame) || parameter.RefKind != RefKind.None
                || parameter.ContainingSymbol is not IMethodSymbol method)
            {
                return null;
            }

            if (method.MethodKind == MethodKind.AnonymousFunction)
            {
                // (batch, batchId) => … passed to ForeachBatch: each micro-batch is a batch DataFrame.
                if (parameter.Ordinal == 0 && this.ForeachBatchOf(reference, method) is { } foreachBatch)
                {
                    return new DataFrameValue(new SourceNode(foreachBatch.Syntax, Streamingness.Batch, reader: null));
                }

                // df => … passed to DataFrame.Transform: a placeholder the Transform call binds to its receiver.
                return parameter.Ordinal == 0 && this.TransformOf(reference, method) is not null
                    && parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is { } lambdaParameter
                    ? new DataFrameValue(new ParameterNode(lambdaParameter, parameter))
                    : null;
            }

            SyntaxNode? declaration = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
            return declaration is null ? null : new DataFrameValue(new ParameterNode(declaration, parameter));
        }

        /// <summary>The ForeachBatch call a lambda is passed to directly, if any.</summary>
        private IInvocationOperation? ForeachBatchOf(IOperation inside, IMethodSymbol lambda) =>
            this.CallTaking(inside, lambda) is { } invocation && SparkApi.IsForeachBatch(invocation, this.Symbols) ? invocation : null;

        /// <summary>The DataFrame.Transform call a lambda is passed to directly, if any.</summary>
        private IInvocationOperation? TransformOf(IOperation inside, IMethodSymbol lambda) =>
            this.CallTaking(inside, lambda) is { TargetMethod.Name: "Transform" } invocation
            && this.Symbols.Is(invocation.TargetMethod.ContainingType, this.Symbols.DataFrame)
                ? invocation
                : null;

        /// <summary>
        /// <c>df.Transform(f)</c> applied like a helper call: f's returned DataFrame (a lambda, a method group or a
        /// local function of the compilation) with its parameter bound to <paramref name="receiver"/>; null when f
        /// cannot be followed.
        /// </summary>
        private PlanNode? Transform(IInvocationOperation invocation, PlanNode receiver, Walk walk)
        {
            IOperation? function = OperationFacts.Unwrap(OperationFacts.Argument(invocation, 0) ?? invocation);
            SparkValue? result;
            IMethodSymbol? target;
            switch (function)
            {
                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } when lambda.Symbol.Parameters.Length == 1:
                    target = lambda.Symbol;
                    var values = new List<SparkValue?>();
                    foreach (IReturnOperation ret in lambda.Body.Descendants().OfType<IReturnOperation>())
                    {
                        if (ret.ReturnedValue is not null && OwningFunction(ret) == lambda)
                        {
                            values.Add(this.Eval(ret.ReturnedValue, walk));
                        }
                    }

                    result = values.Count == 0 ? null : this.Merge(lambda.Syntax, values);
                    break;
                case IDelegateCreationOperation { Target: IMethodReferenceOperation reference } when reference.Method.Parameters.Length == 1
                    && !reference.Method.DeclaringSyntaxReferences.IsEmpty:
                    target = reference.Method.OriginalDefinition;
                    result = this.Summary(target, walk);
                    break;
                default:
                    return null;
            }

            if (result is not DataFrameValue { Plan: var plan })
            {
                return null;
            }

            return plan.Rebase(parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol.OriginalDefinition, target)
                ? receiver
                : null);
        }

        private IInvocationOperation? CallTaking(IOperation inside, IMethodSymbol lambda)
        {
            IOperation? function = inside;
            while (function is not null && !(function is IAnonymousFunctionOperation anonymous && SymbolEqualityComparer.Default.Equals(anonymous.Symbol, lambda)))
            {
                function = function.Parent;
            }

            IOperation? parent = function?.Parent;
            while (parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            return parent is IArgumentOperation { Parent: IInvocationOperation invocation } ? invocation : null;
        }

        /// <summary>A call of a same-compilation method that returns a Spark value: its summary applied to the arguments.</summary>
        private SparkValue? EvalHelperCall(IInvocationOperation invocation, Walk walk)
        {
            IMethodSymbol method = invocation.TargetMethod.OriginalDefinition;
            if (method.IsAbstract || method.IsExtern || (method.IsVirtual && !method.IsSealed) || (method.IsOverride && !method.IsSealed)
                || method.DeclaringSyntaxReferences.IsEmpty || !this.IsSparkType(method.ReturnType))
            {
                return null;
            }

            SparkValue? summary = this.Summary(method, walk);
            return summary switch
            {
                DataFrameValue frame when frame.Plan.HasParameters =>
                    this.Bind(frame.Plan, invocation, method, walk) is { } plan ? new DataFrameValue(plan) : null,
                BuilderValue builder when builder.Input?.HasParameters == true =>
                    this.Bind(builder.Input, invocation, method, walk) is { } input
                        ? new BuilderValue(builder.Kind, builder.Origin, input, builder.Calls, builder.Complete)
                        : null,
                GroupedValue grouped when grouped.Child.HasParameters =>
                    this.Bind(grouped.Child, invocation, method, walk) is { } child ? new GroupedValue(child, grouped.Keys, grouped.GroupingCall) : null,
                _ => summary,
            };
        }

        private PlanNode? Bind(PlanNode plan, IInvocationOperation invocation, IMethodSymbol method, Walk walk) =>
            plan.Rebase(parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol.OriginalDefinition, method)
                ? (this.Eval(OperationFacts.Argument(invocation, parameter.Parameter.Ordinal), walk) as DataFrameValue)?.Plan
                : null);

        /// <summary>What a helper returns, with its parameters as placeholders; every return must agree.</summary>
        private SparkValue? Summary(IMethodSymbol method, Walk walk)
        {
            if (this.summaries.TryGetValue(method, out SparkValue? known))
            {
                return known;
            }

            // The declaration's operation, not the local function's inner block: returns are matched to it below.
            IOperation? body = this.spark.Library.DeclarationOf(method, walk.CancellationToken);
            if (body is null)
            {
                return null;
            }

            var values = new List<SparkValue?>();
            foreach (IReturnOperation ret in body.Descendants().OfType<IReturnOperation>())
            {
                if (ret.ReturnedValue is not null && OwningFunction(ret) == body)
                {
                    values.Add(this.Eval(ret.ReturnedValue, walk));
                }
            }

            SparkValue? summary = values.Count == 0 ? null : this.Merge(body.Syntax, values);
            return this.summaries.GetOrAdd(method, summary);
        }

        /// <summary>The method body, local function or lambda whose code contains <paramref name="operation"/>.</summary>
        private static IOperation? OwningFunction(IOperation operation)
        {
            for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation or IConstructorBodyOperation
                    || current.Parent is null)
                {
                    return current;
                }
            }

            return null;
        }

        private bool IsSparkType(ITypeSymbol type)
        {
            SparkSymbols s = this.Symbols;
            return s.Is(type, s.DataFrame) || s.Is(type, s.Column) || s.Is(type, s.RelationalGroupedDataset)
                || s.Is(type, s.DataStreamWriter) || s.Is(type, s.DataStreamReader) || s.Is(type, s.DataFrameReader) || s.Is(type, s.DataFrameWriter);
        }
    }
}
