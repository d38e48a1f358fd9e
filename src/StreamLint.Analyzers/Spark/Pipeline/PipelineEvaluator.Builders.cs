using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using StreamLint.Core.Flow;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>Readers and writers: mutable builders configured fluently or through statements on a stored builder.</summary>
    internal sealed partial class PipelineEvaluator
    {
        private SparkValue? EvalBuilderMethod(IInvocationOperation invocation, Walk walk)
        {
            IMethodSymbol method = invocation.TargetMethod;
            INamedTypeSymbol builderType = method.ContainingType;
            // A configuration call returns the same builder. Its receiver, a link of the chain, is reached from the
            // next link only; the chain's last value (the receiver of Load, Start, Save …) is kept, as the rules ask for it.
            bool configuration = SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, builderType.OriginalDefinition);
            BuilderValue? receiver = this.Eval(invocation.Instance, walk, store: !configuration) as BuilderValue;

            if (configuration)
            {
                return receiver?.With(invocation); // configuration call: returns the same builder
            }

            if (this.Symbols.Is(method.ReturnType, this.Symbols.DataFrame) && SparkApi.LoadMethods.Contains(method.Name))
            {
                // The reader's type alone proves streaming-ness, even when its configuration is unknown.
                Streamingness kind = this.Symbols.Is(builderType, this.Symbols.DataStreamReader) ? Streamingness.Streaming : Streamingness.Batch;
                return new DataFrameValue(new SourceNode(invocation.Syntax, kind, receiver));
            }

            return null;
        }

        /// <summary>
        /// Adds what statements on a stored builder did to it before <paramref name="read"/>: every configuration call
        /// in a chain rooted at another read of the same local. Any other use of the local (passed to a method, stored,
        /// captured) may configure it invisibly, so the builder is then marked incomplete.
        /// </summary>
        private BuilderValue WithSideConfiguration(BuilderValue builder, ILocalReferenceOperation read, IOperation definitionValue, LocalDefinitions definitions)
        {
            var calls = ImmutableArray.CreateBuilder<IInvocationOperation>();
            bool complete = true;
            int from = definitionValue.Syntax.Span.End;
            int to = read.Syntax.SpanStart;
            SyntaxNode? function = LocalDefinitions.EnclosingFunction(read.Syntax);

            foreach (ILocalReferenceOperation other in definitions.ReadsOf(read.Local))
            {
                int position = other.Syntax.SpanStart;
                if (LocalDefinitions.EnclosingFunction(other.Syntax) != function)
                {
                    // Used from a lambda or local function, which runs at an unknown time: a use that may configure
                    // the builder makes it incomplete; a terminal call on it (another Start()) configures nothing.
                    if (!(other.Parent is IInvocationOperation used && used.Instance == other
                        && !SymbolEqualityComparer.Default.Equals(used.TargetMethod.ReturnType.OriginalDefinition, used.TargetMethod.ContainingType.OriginalDefinition)))
                    {
                        complete = false;
                    }

                    continue;
                }

                if (other == read || position < from || position >= to)
                {
                    continue;
                }

                IOperation current = other;
                while (current.Parent is IInvocationOperation call && call.Instance == current
                    && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ReturnType.OriginalDefinition, call.TargetMethod.ContainingType.OriginalDefinition))
                {
                    calls.Add(call);
                    current = call;
                }

                bool consumed = current.Parent is IExpressionStatementOperation
                    || (current.Parent is IInvocationOperation terminal && terminal.Instance == current);
                if (!consumed)
                {
                    complete = false;
                }
            }

            return calls.Count == 0 && complete ? builder : builder.WithCalls(calls.ToImmutable(), complete);
        }
    }
}
