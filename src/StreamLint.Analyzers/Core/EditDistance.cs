using System;

namespace StreamLint.Core
{
    /// <summary>Levenshtein distance, for fixes that correct unambiguous typos.</summary>
    internal static class EditDistance
    {
        public static int Compute(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
