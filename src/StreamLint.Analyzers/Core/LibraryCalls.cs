using System;
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

        // Reused by each thread's walks (one per member of every file that names the library): only the result is allocated.
        [ThreadStatic]
        private static Stack<IOperation>? pendingOfThread;
        [ThreadStatic]
        private static List<IInvocationOperation>? callsOfThread;

        public static ImmutableArray<IInvocationOperation> In(IOperation body, LibraryScan scan, CancellationToken cancellationToken)
        {
            // A loop over the children rather than a visitor: every operation of every member that calls the library is
            // visited, and the visitor's double dispatch and stack checks cost more than the test made at each one.
            // An explicit stack also copes with expressions nested deeper than the thread's stack would allow.
            Stack<IOperation> pending = pendingOfThread ??= new Stack<IOperation>();
            List<IInvocationOperation> calls = callsOfThread ??= new List<IInvocationOperation>();
            try
            {
                pending.Push(body);
                while (pending.Count > 0)
                {
                    IOperation operation = pending.Pop();
                    switch (operation)
                    {
                        case IInvocationOperation invocation when scan.IsLibraryCall(invocation.TargetMethod):
                            calls.Add(invocation);
                            break;
                        case IBlockOperation:
                            cancellationToken.ThrowIfCancellationRequested();
                            break;
                    }

                    // Pushed last to first, so that children are walked in order: the calls come out in pre-order,
                    // which is source order (an outer call before the calls in its receiver and arguments) nearly always.
                    foreach (IOperation child in operation.ChildOperations.Reverse())
                    {
                        pending.Push(child);
                    }
                }

                if (calls.Count == 0)
                {
                    return ImmutableArray<IInvocationOperation>.Empty;
                }

                if (!InSourceOrder(calls))
                {
                    calls.Sort(SourceOrder); // e.g. a for loop's increments, which its operation lists after the body
                }

                return ImmutableArray.CreateRange(calls);
            }
            finally
            {
                // Hold no operation of this compilation once the walk is over, cancelled or not.
                pending.Clear();
                calls.Clear();
            }
        }

        private static bool InSourceOrder(List<IInvocationOperation> calls)
        {
            for (int i = 1; i < calls.Count; i++)
            {
                if (SourceOrder.Compare(calls[i - 1], calls[i]) > 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
