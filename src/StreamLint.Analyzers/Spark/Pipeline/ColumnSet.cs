using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>
    /// A set of column names of a plan (watermarked columns, processing-time columns), compared case-insensitively as Spark does.
    /// <see cref="Uncertain"/> means an operator the model cannot follow may have renamed, aliased or added columns.
    /// A watermarked column may be held only through a CAST (<see cref="IsThroughCast"/>): the rule catalogue keeps
    /// column identity there while Spark drops the metadata, so such a column counts as watermarked for rules that
    /// report a missing watermark and as unknown for rules that report a present one (<see cref="ContainsProven"/>).
    /// </summary>
    internal sealed class ColumnSet
    {
        private static readonly ImmutableHashSet<string> Empty = ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase);

        public static readonly ColumnSet None = new ColumnSet(Empty, Empty);
        public static readonly ColumnSet Uncertain = new ColumnSet(null, Empty);

        private readonly ImmutableHashSet<string> throughCast;

        private ColumnSet(ImmutableHashSet<string>? columns, ImmutableHashSet<string> throughCast)
        {
            this.Columns = columns;
            this.throughCast = throughCast;
        }

        /// <summary>Null when uncertain.</summary>
        public ImmutableHashSet<string>? Columns { get; }

        public bool IsCertain => this.Columns is not null;

        public bool IsEmpty => this.Columns is { Count: 0 };

        /// <summary>True when some column is in the set other than through a CAST.</summary>
        public bool HasProven => this.Columns is { } columns && columns.Any(c => !this.throughCast.Contains(c));

        public static ColumnSet Of(IEnumerable<string> columns) =>
            new ColumnSet(ImmutableHashSet.CreateRange(StringComparer.OrdinalIgnoreCase, columns), Empty);

        /// <summary>Columns, those in <paramref name="throughCast"/> held only through a CAST.</summary>
        public static ColumnSet Of(IEnumerable<string> columns, IEnumerable<string> throughCast) =>
            new ColumnSet(ImmutableHashSet.CreateRange(StringComparer.OrdinalIgnoreCase, columns), ImmutableHashSet.CreateRange(StringComparer.OrdinalIgnoreCase, throughCast));

        /// <summary>
        /// Only WithWatermark creates watermark metadata: below an operator the model cannot follow, a lineage with
        /// no watermark at all still has none. Otherwise <paramref name="otherwise"/> (uncertain by default).
        /// </summary>
        public static ColumnSet NoneIfNoneIn(ColumnSet input, ColumnSet? otherwise = null) =>
            input.IsEmpty ? None : otherwise ?? Uncertain;

        /// <summary>True when the column is in the set (a column held through a CAST included).</summary>
        public bool Contains(string column) => this.Columns?.Contains(column) == true;

        /// <summary>True when the column is in the set other than through a CAST: what a rule may report on.</summary>
        public bool ContainsProven(string column) => this.Contains(column) && !this.throughCast.Contains(column);

        /// <summary>True when the column is held only through a CAST.</summary>
        public bool IsThroughCast(string column) => this.Contains(column) && this.throughCast.Contains(column);

        public ColumnSet Add(string column) => this.Columns is null ? this : new ColumnSet(this.Columns.Add(column), this.throughCast.Remove(column));

        /// <summary>Adds a column, held through a CAST when <paramref name="throughCast"/>.</summary>
        public ColumnSet Add(string column, bool throughCast) =>
            this.Columns is null ? this : new ColumnSet(this.Columns.Add(column), throughCast ? this.throughCast.Add(column) : this.throughCast.Remove(column));

        public ColumnSet Remove(string column) => this.Columns is null ? this : new ColumnSet(this.Columns.Remove(column), this.throughCast.Remove(column));

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
                else if (!result.Columns!.SetEquals(set.Columns) || !result.throughCast.SetEquals(set.throughCast))
                {
                    return Uncertain;
                }
            }

            return result ?? Uncertain;
        }

        public override string ToString() => this.Columns is null ? "?" : "{" + string.Join(",", this.Columns.OrderBy(c => c, StringComparer.OrdinalIgnoreCase).Select(c => this.throughCast.Contains(c) ? c + "(cast)" : c)) + "}";
    }
}
