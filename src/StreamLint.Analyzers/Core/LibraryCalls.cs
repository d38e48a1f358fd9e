using System.Collections.Generic;
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
        /// <summary>Source order; of two calls that start at the same place (a fluent chain), the outer one first.</summary>
        private static readonly Comparer<IInvocationOperation> SourceOrder = Comparer<IInvocationOperation>.Create((a, b) =>
        {
            int byStart = a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart);
            return byStart != 0 ? byStart : b.Syntax.Span.Length.CompareTo(a.Syntax.Span.Length);
        });

        public static ImmutableArray<IInvocationOperation> In(IOperation body, LibraryScan scan, CancellationToken cancellationToken)
        {
            // A loop over the children rather than a visitor: every operation of every member that calls the library is
            // visited, and the visitor's double dispatch and stack checks cost more than the test made at each one.
            // An explicit stack also copes with expressions nested deeper than the thread's stack would allow.
            ImmutableArray<IInvocationOperation>.Builder? calls = null;
            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                IOperation operation = pending.Pop();
                switch (operation)
                {
                    case IInvocationOperation invocation when scan.IsLibraryCall(invocation.TargetMethod):
                        (calls ??= ImmutableArray.CreateBuilder<IInvocationOperation>()).Add(invocation);
                        break;
                    case IBlockOperation:
                        cancellationToken.ThrowIfCancellationRequested();
                        break;
                }

                foreach (IOperation child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }

            if (calls is null)
            {
                return ImmutableArray<IInvocationOperation>.Empty;
            }

            calls.Sort(SourceOrder);
            return calls.ToImmutable();
        }
    }
}
