using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace StreamLint.Core
{
    /// <summary>
    /// A set of identifiers that answers for a slice of a larger text without cutting it out: scanning a file for
    /// calls asks about every identifier followed by '(', and allocating a string for each cost more than the scan.
    /// </summary>
    internal sealed class NameSet
    {
        private readonly HashSet<string> names;
        private readonly Dictionary<int, string[]> byLengthAndFirst;

        public NameSet(IEnumerable<string> names)
        {
            this.names = new HashSet<string>(names.Where(n => n.Length > 0), StringComparer.Ordinal);
            this.byLengthAndFirst = this.names.GroupBy(n => Key(n.Length, n[0])).ToDictionary(g => g.Key, g => g.ToArray());
        }

        public bool Contains(string name) => this.names.Contains(name);

        /// <summary>Whether <paramref name="text"/>[<paramref name="start"/>..+<paramref name="length"/>] is one of the names.</summary>
        [MethodImpl(Jit.Optimized)]
        public bool Contains(string text, int start, int length)
        {
            if (length == 0 || !this.byLengthAndFirst.TryGetValue(Key(length, text[start]), out string[]? candidates))
            {
                return false;
            }

            foreach (string candidate in candidates)
            {
                if (string.CompareOrdinal(text, start, candidate, 0, length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static int Key(int length, char first) => (length << 16) | first;
    }
}
