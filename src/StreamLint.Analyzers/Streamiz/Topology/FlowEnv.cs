using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Streamiz.Topology
{
    /// <summary>
    /// Where a helper's body is being read from: the call that entered it, so its parameters take that call's
    /// arguments (read in the caller's own environment). Null outside any helper call.
    /// </summary>
    internal sealed class FlowEnv
    {
        public FlowEnv(IMethodSymbol method, IInvocationOperation call, FlowEnv? outer)
        {
            this.Method = method;
            this.Call = call;
            this.Outer = outer;
            this.Depth = (outer?.Depth ?? 0) + 1;
        }

        public IMethodSymbol Method { get; }

        public IInvocationOperation Call { get; }

        public FlowEnv? Outer { get; }

        public int Depth { get; }
    }

    /// <summary>A value's possible origin: an expression that is not a mere reference, with the environment it is read in.</summary>
    internal sealed class Origin
    {
        public Origin(IOperation operation, FlowEnv? env)
        {
            this.Operation = operation;
            this.Env = env;
        }

        public IOperation Operation { get; }

        public FlowEnv? Env { get; }
    }
}
