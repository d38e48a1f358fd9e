using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Streamiz.Config;
using StreamLint.Streamiz.Topology;

namespace StreamLint.Streamiz.Rules
{
    /// <summary>
    /// SL2007: an external side effect (<see cref="SideEffects"/>) in the function of a per-record operator
    /// (<c>Foreach</c>, <c>Peek</c>, <c>MapValues</c>, <c>Process</c>, …) of a topology proven to run with
    /// <c>Guarantee = EXACTLY_ONCE</c>: the config it is started with, or every StreamConfig of the compilation.
    /// Processor classes given to <c>ProcessorBuilder.Processor&lt;T&gt;()</c> are read through their <c>Process</c> method.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SideEffectUnderExactlyOnceAnalyzer : StreamizAnalyzer
    {
        public SideEffectUnderExactlyOnceAnalyzer()
            : base(Descriptors.SL2007_SideEffectUnderExactlyOnce)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, StreamizCompilation streamiz) =>
            RegisterStreamizCalls(
                context,
                streamiz,
                call => StreamizApi.RecordFunctions.Contains(call.TargetMethod.Name) && streamiz.Symbols.Is(call.TargetMethod.ContainingType, streamiz.Symbols.KStream),
                (member, call) =>
                {
                    CancellationToken cancellationToken = member.CancellationToken;
                    // The functions first: most have no side effect, and then the compilation's StreamConfig facts,
                    // which another rule may be computing at this moment, are not needed.
                    ImmutableArray<string> extra = StreamizOptions.SideEffectTypesFor(member.Options, call.Syntax.SyntaxTree);
                    List<(IInvocationOperation Call, string Api)> effects = Functions(call, streamiz, cancellationToken)
                        .SelectMany(function => SideEffects.In(function, streamiz, extra, cancellationToken))
                        .ToList();
                    if (effects.Count == 0)
                    {
                        return;
                    }

                    TopologyNode? input = streamiz.Evaluator.InputOf(call, null, cancellationToken);
                    if (streamiz.Configs(cancellationToken).For(input) != GuaranteeState.ExactlyOnce)
                    {
                        return;
                    }

                    foreach ((IInvocationOperation effect, string api) in effects)
                    {
                        member.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SL2007_SideEffectUnderExactlyOnce,
                            OperationFacts.NameLocation(member.LocalOr(effect.Syntax, call.Syntax)),
                            api,
                            call.TargetMethod.Name));
                    }
                });

        /// <summary>The bodies that run per record: lambdas and method groups passed to the operator, and processors.</summary>
        private static IEnumerable<IOperation> Functions(IInvocationOperation call, StreamizCompilation streamiz, CancellationToken cancellationToken)
        {
            foreach (IArgumentOperation argument in call.Arguments)
            {
                switch (OperationFacts.Unwrap(argument.Value))
                {
                    case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                        yield return lambda.Body;
                        break;
                    case IDelegateCreationOperation { Target: IMethodReferenceOperation reference }
                        when streamiz.Library.DeclarationOf(reference.Method, cancellationToken) is { } declaration:
                        yield return declaration;
                        break;
                }
            }

            if (call.TargetMethod.Name == "Process" && OperationFacts.Argument(call, 0) is { } supplier)
            {
                foreach (IOperation body in ProcessorBodies(supplier, null, streamiz, cancellationToken, 0))
                {
                    yield return body;
                }
            }
        }

        private static IEnumerable<IOperation> ProcessorBodies(IOperation supplier, FlowEnv? env, StreamizCompilation streamiz, CancellationToken cancellationToken, int depth)
        {
            if (depth > 16 || streamiz.Flow.Origins(supplier, env, cancellationToken) is not { } origins)
            {
                yield break;
            }

            foreach (Origin origin in origins)
            {
                if (origin.Operation is not IInvocationOperation builderCall || !streamiz.Symbols.Is(builderCall.TargetMethod.ContainingType, streamiz.Symbols.ProcessorBuilder))
                {
                    continue;
                }

                if (builderCall.TargetMethod.Name == "Processor")
                {
                    if (builderCall.TargetMethod.TypeArguments.FirstOrDefault() is INamedTypeSymbol processorType)
                    {
                        foreach (IMethodSymbol process in processorType.GetMembers("Process").OfType<IMethodSymbol>())
                        {
                            if (streamiz.Library.DeclarationOf(process, cancellationToken) is { } body)
                            {
                                yield return body;
                            }
                        }
                    }
                    else if (OperationFacts.Argument(builderCall, 0) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                    {
                        yield return lambda.Body;
                    }
                }

                if (builderCall.Instance is { } inner)
                {
                    foreach (IOperation body in ProcessorBodies(inner, origin.Env, streamiz, cancellationToken, depth + 1))
                    {
                        yield return body;
                    }
                }
            }
        }
    }
}
