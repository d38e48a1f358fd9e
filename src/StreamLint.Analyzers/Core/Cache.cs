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

        /// <summary>
        /// A table that grows to thousands of entries written by every analysis thread (one per syntax node or
        /// operation of the compilation): 32 locks rather than the default one per processor, so that two threads adding
        /// entries rarely wait for each other, and room to start with, so that it is resized (all locks held) fewer times.
        /// </summary>
        public static Cache<TKey, TValue> Large(IEqualityComparer<TKey>? comparer = null) =>
            new Cache<TKey, TValue>(new ConcurrentDictionary<TKey, TValue>(
                concurrencyLevel: 32,
                capacity: 1024,
                comparer ?? EqualityComparer<TKey>.Default));

        private Cache(ConcurrentDictionary<TKey, TValue> entries) => this.entries = entries;

        public bool TryGetValue(TKey key, out TValue value) => this.entries.TryGetValue(key, out value!);

        /// <summary>Stores <paramref name="value"/> unless an entry exists; returns the stored entry.</summary>
        public TValue GetOrAdd(TKey key, TValue value) => this.entries.GetOrAdd(key, value);

        public TValue GetOrAdd(TKey key, Func<TKey, TValue> create) => this.entries.GetOrAdd(key, create);

        /// <summary>
        /// As <see cref="GetOrAdd(TKey, Func{TKey, TValue})"/>, with the computation's state passed rather than captured:
        /// a lambda over the caller's locals allocates its closure on every call, hits included; this allocates nothing on a hit.
        /// </summary>
        public TValue GetOrAdd<TState>(TKey key, Func<TKey, TState, TValue> create, TState state) =>
            this.entries.TryGetValue(key, out TValue? value) ? value : this.entries.GetOrAdd(key, create(key, state));
    }
}
