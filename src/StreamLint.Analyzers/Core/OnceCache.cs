using System;
using System.Collections.Generic;
using System.Threading;

namespace StreamLint.Core
{
    /// <summary>
    /// A memo table whose entries are computed once even when several analyzers ask for the same key at the same time:
    /// the first asker computes, the others wait for its result. For expensive per-file work shared by every rule of a
    /// family — the driver runs analyzers concurrently, and without this each rule that arrives first would start the
    /// same work again. A computation cancelled by its asker's token is forgotten, and an asker whose own token is
    /// not cancelled computes it afresh.
    /// </summary>
    internal sealed class OnceCache<TKey, TValue>
        where TKey : notnull
    {
        private readonly Dictionary<TKey, Lazy<TValue>> entries;

        public OnceCache(IEqualityComparer<TKey>? comparer = null) => this.entries = new Dictionary<TKey, Lazy<TValue>>(comparer);

        public TValue GetOrAdd(TKey key, Func<TKey, TValue> create, CancellationToken cancellationToken)
        {
            while (true)
            {
                Lazy<TValue> entry;
                lock (this.entries)
                {
                    if (!this.entries.TryGetValue(key, out entry!))
                    {
                        entry = new Lazy<TValue>(() => create(key), LazyThreadSafetyMode.ExecutionAndPublication);
                        this.entries.Add(key, entry);
                    }
                }

                try
                {
                    return entry.Value;
                }
                catch (OperationCanceledException)
                {
                    lock (this.entries)
                    {
                        if (this.entries.TryGetValue(key, out Lazy<TValue>? stored) && stored == entry)
                        {
                            this.entries.Remove(key);
                        }
                    }

                    cancellationToken.ThrowIfCancellationRequested(); // ours: give up; another asker's: compute afresh
                }
            }
        }
    }
}
