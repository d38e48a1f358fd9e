using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core.Flow;

namespace StreamLint.Kafka.Loops
{
    /// <summary>
    /// A <c>Consume</c> call whose result is kept in a local, and the innermost loop of the same function around it
    /// (a consume loop) when there is one: the unit the loop rules reason about.
    /// </summary>
    internal sealed class ConsumeSite
    {
        private ConsumeSite(IInvocationOperation call, ILocalSymbol result, ILoopOperation? loop)
        {
            this.Call = call;
            this.Result = result;
            this.Loop = loop;
        }

        public IInvocationOperation Call { get; }

        /// <summary>The local that receives the consumed result.</summary>
        public ILocalSymbol Result { get; }

        /// <summary>The innermost loop around the call in the same function; null when it is not in a loop.</summary>
        public ILoopOperation? Loop { get; }

        public static ConsumeSite? TryCreate(IInvocationOperation call)
        {
            IOperation value = call;
            while (value.Parent is IConversionOperation or IParenthesizedOperation)
            {
                value = value.Parent;
            }

            ILocalSymbol? result = value.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == value => local.Local,
                _ => null,
            };
            return result is null ? null : new ConsumeSite(call, result, LoopAround(call));
        }

        /// <summary>The innermost loop of the same function that holds <paramref name="operation"/>.</summary>
        public static ILoopOperation? LoopAround(IOperation operation)
        {
            for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ILoopOperation loop:
                        return loop;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The member body (root operation) holding the call.</summary>
        public IOperation Root => ValueOrigins.RootOf(this.Call);
    }
}
