using System;
using System.Collections.Generic;

namespace StreamLint.Core
{
    /// <summary>
    /// A memo table shared by the rules for one compilation: a plain dictionary behind a lock. The rules' callbacks
    /// seldom run on the same table at the same moment, and an uncontended lock around a dictionary costs a fraction
    /// of a <c>ConcurrentDictionary</c> insert (a node allocation and a striped lock); the models store an entry per
    /// evaluated expression, so that cost is paid often (docs/performance.md). Values are
    /// computed outside the lock, so a computation may consult the same table; two threads may compute the same
    /// entry, and the first one stored wins, as with <c>ConcurrentDictionary.GetOrAdd</c>.
    /// </summary>
    internal sealed class Cache<TKey, TValue>
        where TKey : notnull
    {
        private readonly Dictionary<TKey, TValue> entries;

        public Cache(IEqualityComparer<TKey>? comparer = null) => this.entries = new Dictionary<TKey, TValue>(comparer);

        public bool TryGetValue(TKey key, out TValue value)
        {
            lock (this.entries)
            {
                return this.entries.TryGetValue(key, out value!);
            }
        }

        /// <summary>Stores <paramref name="value"/> unless an entry exists; returns the stored entry.</summary>
        public TValue GetOrAdd(TKey key, TValue value)
        {
            lock (this.entries)
            {
                if (this.entries.TryGetValue(key, out TValue? existing))
                {
                    return existing;
                }

                this.entries.Add(key, value);
                return value;
            }
        }

        public TValue GetOrAdd(TKey key, Func<TKey, TValue> create) =>
            this.TryGetValue(key, out TValue known) ? known : this.GetOrAdd(key, create(key));
    }
}
