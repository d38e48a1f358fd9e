using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Core
{
    /// <summary>
    /// The calls to a library in one member's body, in source order, found in one walk of its operations and shared
    /// by every rule of the family: without it each rule would walk the same body again.
    /// </summary>
    internal static class LibraryCalls
    {
        public static ImmutableArray<IInvocationOperation> In(IOperation body, LibraryScan scan, CancellationToken cancellationToken)
        {
            var walker = new Walker(scan, cancellationToken);
            walker.Visit(body);
            if (walker.Calls.Count == 0)
            {
                return ImmutableArray<IInvocationOperation>.Empty;
            }

            // The walker visits a call's receiver and arguments before finishing the call itself, so order by position.
            walker.Calls.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
            return walker.Calls.ToImmutable();
        }

        private sealed class Walker : OperationWalker
        {
            private readonly LibraryScan scan;
            private readonly CancellationToken cancellationToken;

            public Walker(LibraryScan scan, CancellationToken cancellationToken)
            {
                this.scan = scan;
                this.cancellationToken = cancellationToken;
            }

            public ImmutableArray<IInvocationOperation>.Builder Calls { get; } = ImmutableArray.CreateBuilder<IInvocationOperation>();

            public override void VisitInvocation(IInvocationOperation operation)
            {
                if (this.scan.IsLibraryCall(operation.TargetMethod))
                {
                    this.Calls.Add(operation);
                }

                base.VisitInvocation(operation);
            }

            public override void VisitBlock(IBlockOperation operation)
            {
                this.cancellationToken.ThrowIfCancellationRequested();
                base.VisitBlock(operation);
            }
        }
    }
}
