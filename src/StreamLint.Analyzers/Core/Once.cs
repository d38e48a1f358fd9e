using System;
using System.Threading;

namespace StreamLint.Core
{
    /// <summary>
    /// A fact computed once even when several analyzers ask for it at the same time — a compilation's settings, the
    /// queries of a member: the others wait for the first asker's result instead of computing it again beside it.
    /// A computation cancelled by its asker's token is forgotten, and an asker whose own token is not cancelled
    /// computes it afresh (<see cref="OnceCache{TKey, TValue}"/> keeps one per key).
    /// </summary>
    internal sealed class Once<T>
    {
        private Lazy<T>? entry;

        public T Get(Func<T> compute, CancellationToken cancellationToken) =>
            this.Get(static f => f(), compute, cancellationToken);

        /// <summary>As <see cref="Get(Func{T}, CancellationToken)"/>; the computation is built only when none is stored, so a hit allocates nothing.</summary>
        public T Get<TState>(Func<TState, T> compute, TState state, CancellationToken cancellationToken)
        {
            while (true)
            {
                Lazy<T> current = Volatile.Read(ref this.entry)
                    ?? Interlocked.CompareExchange(ref this.entry, Computation(compute, state), null)
                    ?? Volatile.Read(ref this.entry)!;
                try
                {
                    return current.Value;
                }
                catch (OperationCanceledException)
                {
                    Interlocked.CompareExchange(ref this.entry, null, current);
                    cancellationToken.ThrowIfCancellationRequested(); // ours: give up; another asker's: compute afresh
                }
            }
        }

        // Its own method: a lambda over the parameters in Get would allocate its closure on every call, hits included.
        private static Lazy<T> Computation<TState>(Func<TState, T> compute, TState state) =>
            new Lazy<T>(() => compute(state), LazyThreadSafetyMode.ExecutionAndPublication);
    }
}
