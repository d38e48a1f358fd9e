using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>A call of a helper method, or a ForeachBatch that passes the helper as its batch function.</summary>
    internal sealed class HelperCallSite
    {
        public HelperCallSite(IInvocationOperation invocation, bool isForeachBatch)
        {
            this.Invocation = invocation;
            this.IsForeachBatch = isForeachBatch;
        }

        public IInvocationOperation Invocation { get; }

        /// <summary>True for <c>writer.ForeachBatch(Helper)</c>: the helper's first parameter is each micro-batch (a batch DataFrame).</summary>
        public bool IsForeachBatch { get; }
    }
}
