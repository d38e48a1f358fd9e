using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>
    /// The columns of a plan that carry event-time watermark metadata, compared case-insensitively as Spark does.
    /// <see cref="Uncertain"/> means an operator between here and the watermark may have renamed or aliased columns.
    /// </summary>
    internal sealed class WatermarkSet
    {
        public static readonly WatermarkSet None = new WatermarkSet(ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase));
        public static readonly WatermarkSet Uncertain = new WatermarkSet(null);

        private WatermarkSet(ImmutableHashSet<string>? columns) => this.Columns = columns;

        /// <summary>Null when uncertain.</summary>
        public ImmutableHashSet<string>? Columns { get; }

        public bool IsCertain => this.Columns is not null;

        public bool IsEmpty => this.Columns is { Count: 0 };

        public static WatermarkSet Of(IEnumerable<string> columns) =>
            new WatermarkSet(ImmutableHashSet.CreateRange(StringComparer.OrdinalIgnoreCase, columns));

        public bool Contains(string column) => this.Columns?.Contains(column) == true;

        public WatermarkSet Add(string column) => this.Columns is null ? this : new WatermarkSet(this.Columns.Add(column));

        public WatermarkSet Remove(string column) => this.Columns is null ? this : new WatermarkSet(this.Columns.Remove(column));

        /// <summary>The facts that hold on every control-flow path; anything else is uncertain.</summary>
        public static WatermarkSet Merge(IEnumerable<WatermarkSet> sets)
        {
            WatermarkSet? result = null;
            foreach (WatermarkSet set in sets)
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
