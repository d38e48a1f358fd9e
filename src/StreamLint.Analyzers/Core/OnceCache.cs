using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace StreamLint.Core
{
    /// <summary>
    /// A memo table whose entries are computed once even when several analyzers ask for the same key at the same time:
    /// the first asker computes, the others wait for its result. For expensive per-file work shared by every rule of a
    /// family — the driver runs analyzers concurrently, and without this each rule that arrives first would start the
    /// same work again. Finding an entry takes no lock (see <see cref="Cache{TKey, TValue}"/>); each entry is a
    /// <see cref="Once{T}"/>, so a computation cancelled by its asker's token is forgotten, and an asker whose own token
    /// is not cancelled computes it afresh.
    /// </summary>
    internal sealed class OnceCache<TKey, TValue>
        where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, Once<TValue>> entries;

        public OnceCache(IEqualityComparer<TKey>? comparer = null) =>
            this.entries = new ConcurrentDictionary<TKey, Once<TValue>>(comparer ?? EqualityComparer<TKey>.Default);

        public TValue GetOrAdd(TKey key, Func<TKey, TValue> create, CancellationToken cancellationToken) =>
            this.GetOrAdd(key, static (k, c) => c(k), create, cancellationToken);

        /// <summary>As <see cref="GetOrAdd(TKey, Func{TKey, TValue}, CancellationToken)"/>, with the computation's state passed rather than captured, so a hit allocates nothing.</summary>
        public TValue GetOrAdd<TState>(TKey key, Func<TKey, TState, TValue> create, TState state, CancellationToken cancellationToken)
        {
            if (!this.entries.TryGetValue(key, out Once<TValue>? entry))
            {
                entry = this.entries.GetOrAdd(key, new Once<TValue>());
            }

            return entry.Get(static s => s.Create(s.Key, s.State), (Create: create, Key: key, State: state), cancellationToken);
        }
    }
}
