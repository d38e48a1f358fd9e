using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace StreamLint.Core
{
    /// <summary>
    /// A memo table shared by the rules for one compilation. Reads take no lock: in a real build the analyzers of a
    /// family run on several threads at once and ask the same tables the same questions, and a dictionary behind one
    /// lock made them queue (docs/performance.md). Values are computed outside the table, so a computation may
    /// consult the same table; two threads may compute the same entry, and the first one stored wins.
    /// </summary>
    internal sealed class Cache<TKey, TValue>
        where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, TValue> entries;

        public Cache(IEqualityComparer<TKey>? comparer = null) =>
            this.entries = new ConcurrentDictionary<TKey, TValue>(comparer ?? EqualityComparer<TKey>.Default);

        public bool TryGetValue(TKey key, out TValue value) => this.entries.TryGetValue(key, out value!);

        /// <summary>Stores <paramref name="value"/> unless an entry exists; returns the stored entry.</summary>
        public TValue GetOrAdd(TKey key, TValue value) => this.entries.GetOrAdd(key, value);

        public TValue GetOrAdd(TKey key, Func<TKey, TValue> create) => this.entries.GetOrAdd(key, create);
    }
}
