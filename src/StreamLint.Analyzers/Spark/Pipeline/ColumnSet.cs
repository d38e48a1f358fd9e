using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>
    /// A set of column names of a plan (watermarked columns, processing-time columns), compared case-insensitively as Spark does.
    /// <see cref="Uncertain"/> means an operator the model cannot follow may have renamed, aliased or added columns.
    /// </summary>
    internal sealed class ColumnSet
    {
        public static readonly ColumnSet None = new ColumnSet(ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase));
        public static readonly ColumnSet Uncertain = new ColumnSet(null);

        private ColumnSet(ImmutableHashSet<string>? columns) => this.Columns = columns;

        /// <summary>Null when uncertain.</summary>
        public ImmutableHashSet<string>? Columns { get; }

        public bool IsCertain => this.Columns is not null;

        public bool IsEmpty => this.Columns is { Count: 0 };

        public static ColumnSet Of(IEnumerable<string> columns) =>
            new ColumnSet(ImmutableHashSet.CreateRange(StringComparer.OrdinalIgnoreCase, columns));

        /// <summary>
        /// Only WithWatermark creates watermark metadata: below an operator the model cannot follow, a lineage with
        /// no watermark at all still has none. Otherwise <paramref name="otherwise"/> (uncertain by default).
        /// </summary>
        public static ColumnSet NoneIfNoneIn(ColumnSet input, ColumnSet? otherwise = null) =>
            input.IsEmpty ? None : otherwise ?? Uncertain;

        public bool Contains(string column) => this.Columns?.Contains(column) == true;

        public ColumnSet Add(string column) => this.Columns is null ? this : new ColumnSet(this.Columns.Add(column));

        public ColumnSet Remove(string column) => this.Columns is null ? this : new ColumnSet(this.Columns.Remove(column));

        /// <summary>The facts that hold on every control-flow path; anything else is uncertain.</summary>
        public static ColumnSet Merge(IEnumerable<ColumnSet> sets)
        {
            ColumnSet? result = null;
            foreach (ColumnSet set in sets)
            {
                if (set.Columns is null)
                {
                    return Uncertain;
                }

                if (result is null)
                {
                    result = set;
                }
                else if (!result.Columns!.SetEquals(set.Columns))
                {
                    return Uncertain;
                }
            }

            return result ?? Uncertain;
        }

        public override string ToString() => this.Columns is null ? "?" : "{" + string.Join(",", this.Columns.OrderBy(c => c, StringComparer.OrdinalIgnoreCase)) + "}";
    }
}
