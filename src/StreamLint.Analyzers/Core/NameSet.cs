using System;
using System.Collections.Generic;

namespace StreamLint.Core
{
    /// <summary>
    /// A set of identifiers that answers for a slice of a larger text without cutting it out: scanning a file for
    /// calls asks about every identifier followed by '(', and allocating a string for each cost more than the scan.
    /// </summary>
    internal sealed class NameSet
    {
        // One bit per (length, first character) of the names, for lengths under 64 and ASCII first characters: most
        // words of a file are answered by it, without a dictionary lookup (a file has ~10 words per line, asked for
        // each family).
        private const int MaxShortLength = 64;
        private readonly ulong[] shortKeys = new ulong[MaxShortLength * 128 / 64];
        private readonly HashSet<string> names;
        private readonly Dictionary<int, string[]> byLengthAndFirst;

        // A plain loop: a library's set holds every public member name it declares (thousands for Streamiz.Kafka.Net)
        // and is built in a fresh compiler process too.
        public NameSet(IEnumerable<string> names)
        {
            this.names = new HashSet<string>(StringComparer.Ordinal);
            var groups = new Dictionary<int, List<string>>();
            foreach (string name in names)
            {
                if (name.Length == 0 || !this.names.Add(name))
                {
                    continue;
                }

                if (IsShort(name.Length, name[0]))
                {
                    int bit = ShortKey(name.Length, name[0]);
                    this.shortKeys[bit >> 6] |= 1UL << (bit & 63);
                }

                int key = Key(name.Length, name[0]);
                if (!groups.TryGetValue(key, out List<string>? group))
                {
                    groups[key] = group = new List<string>();
                }

                group.Add(name);
            }

            this.byLengthAndFirst = new Dictionary<int, string[]>(groups.Count);
            foreach (KeyValuePair<int, List<string>> group in groups)
            {
                this.byLengthAndFirst[group.Key] = group.Value.ToArray();
            }
        }

        public bool Contains(string name) => this.names.Contains(name);

        /// <summary>Whether <paramref name="text"/>[<paramref name="start"/>..+<paramref name="length"/>] is one of the names.</summary>
        public bool Contains(string text, int start, int length)
        {
            if (length == 0)
            {
                return false;
            }

            char first = text[start];
            if (IsShort(length, first))
            {
                int bit = ShortKey(length, first);
                if ((this.shortKeys[bit >> 6] & (1UL << (bit & 63))) == 0)
                {
                    return false;
                }
            }

            if (!this.byLengthAndFirst.TryGetValue(Key(length, first), out string[]? candidates))
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

        private static bool IsShort(int length, char first) => length < MaxShortLength && first < 128;

        private static int ShortKey(int length, char first) => (length << 7) | first;
    }
}
