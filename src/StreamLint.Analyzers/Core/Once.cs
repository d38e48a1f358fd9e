using System;
using System.Threading;

namespace StreamLint.Core
{
    /// <summary>
    /// A fact computed once even when several analyzers ask for it at the same time — a compilation's settings, the
    /// queries of a member: the others wait for the first asker's result instead of computing it again beside it.
    /// As in <see cref="OnceCache{TKey, TValue}"/>, a computation cancelled by its asker's token is forgotten.
    /// </summary>
    internal sealed class Once<T>
    {
        private Lazy<T>? entry;

        public T Get(Func<T> compute, CancellationToken cancellationToken)
        {
            while (true)
            {
                Lazy<T> current = Volatile.Read(ref this.entry)
                    ?? Interlocked.CompareExchange(ref this.entry, new Lazy<T>(compute, LazyThreadSafetyMode.ExecutionAndPublication), null)
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
    }
}
