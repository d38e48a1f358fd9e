using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>
    /// What a projection (Select, WithColumn, WithColumnRenamed, Drop) does to column facts. Spark keeps a column's
    /// watermark metadata when the column is passed through or aliased and drops it on any computed expression;
    /// processing time, by contrast, flows into every expression computed from it. Stored on the plan node so the
    /// facts can be recomputed when a helper method's plan is applied to a caller's DataFrame.
    /// </summary>
    internal abstract class Projection
    {
        /// <summary>An operator whose effect on columns the model cannot follow.</summary>
        public static readonly Projection Unknown = new UnknownProjection();

        public abstract ColumnSet Watermarks(ColumnSet input);

        public abstract ColumnSet ProcessingTime(ColumnSet input);

        /// <summary>True when a computed column calls a current-time function (CurrentTimestamp, …); null when unknown.</summary>
        public virtual bool? CallsCurrentTime => null;

        /// <summary>True when <paramref name="expr"/> contains a current-time function call; null when part of it is unknown.</summary>
        public static bool? ContainsCurrentTime(ColumnExpr? expr)
        {
            switch (expr)
            {
                case null:
                    return null;
                case ColumnRef:
                    return false;
                case AliasColumn alias:
                    return ContainsCurrentTime(alias.Inner);
                case CastColumn cast:
                    return ContainsCurrentTime(cast.Inner);
                case WindowColumn window:
                    return ContainsCurrentTime(window.TimeColumn);
                case ComputedColumn computed:
                    return computed.IsProcessingTime ? true : AnyOf(computed.Inputs, ContainsCurrentTime);
                default:
                    return null;
            }
        }

        /// <summary>True when <paramref name="expr"/> reads wall-clock time; null when that cannot be known.</summary>
        public static bool? ReadsProcessingTime(ColumnExpr? expr, ColumnSet processingTime)
        {
            switch (expr)
            {
                case null:
                    return null;
                case ColumnRef reference:
                    return processingTime.IsCertain ? processingTime.Contains(reference.Name) : null;
                case AliasColumn alias:
                    return ReadsProcessingTime(alias.Inner, processingTime);
                case CastColumn cast:
                    return cast.IsAmbiguous ? null : ReadsProcessingTime(cast.Inner, processingTime);
                case WindowColumn window:
                    return ReadsProcessingTime(window.TimeColumn, processingTime);
                case ComputedColumn computed:
                    return computed.IsProcessingTime ? true : AnyOf(computed.Inputs, static (input, time) => ReadsProcessingTime(input, time), processingTime);
                default:
                    return null;
            }
        }

        /// <summary>Three-valued "any": true if some item is true, else null if some item is unknown, else false.</summary>
        protected static bool? AnyOf<T>(ImmutableArray<T> items, System.Func<T, bool?> test) =>
            AnyOf(items, static (item, t) => t(item), test);

        /// <summary>As <see cref="AnyOf{T}"/>, with the test's state passed rather than captured: no closure per call.</summary>
        protected static bool? AnyOf<T, TState>(ImmutableArray<T> items, System.Func<T, TState, bool?> test, TState state)
        {
            bool? result = false;
            foreach (T item in items)
            {
                bool? value = test(item, state);
                if (value == true)
                {
                    return true;
                }

                result = value is null ? null : result;
            }

            return result;
        }

        private sealed class UnknownProjection : Projection
        {
            public override ColumnSet Watermarks(ColumnSet input) => ColumnSet.Uncertain;

            public override ColumnSet ProcessingTime(ColumnSet input) => ColumnSet.Uncertain;
        }
    }

    /// <summary><c>WithColumnRenamed(existing, renamed)</c>.</summary>
    internal sealed class RenameProjection : Projection
    {
        private readonly string existing;
        private readonly string renamed;

        public RenameProjection(string existing, string renamed)
        {
            this.existing = existing;
            this.renamed = renamed;
        }

        public override ColumnSet Watermarks(ColumnSet input) => this.Apply(input);

        public override ColumnSet ProcessingTime(ColumnSet input) => this.Apply(input);

        private ColumnSet Apply(ColumnSet input) =>
            input.Contains(this.existing) ? input.Remove(this.existing).Add(this.renamed, input.IsThroughCast(this.existing)) : input.Remove(this.renamed);
    }

    /// <summary><c>WithColumn(name, value)</c>: replaces or adds one column.</summary>
    internal sealed class WithColumnProjection : Projection
    {
        private readonly string name;
        private readonly ColumnExpr value;

        public WithColumnProjection(string name, ColumnExpr value)
        {
            this.name = name;
            this.value = value;
        }

        public override ColumnSet Watermarks(ColumnSet input)
        {
            if (this.value.Window is not null)
            {
                return ColumnSet.Uncertain; // a window struct: its metadata is not tracked
            }

            ColumnSet without = input.Remove(this.name);
            return this.value.AttributeSource is { } source && input.Contains(source)
                ? without.Add(this.name, this.value.AttributeThroughCast || input.IsThroughCast(source))
                : without;
        }

        public override bool? CallsCurrentTime => ContainsCurrentTime(this.value);

        public override ColumnSet ProcessingTime(ColumnSet input) =>
            ReadsProcessingTime(this.value, input) switch
            {
                true => input.Add(this.name),
                false => input.Remove(this.name),
                null => ColumnSet.Uncertain,
            };
    }

    /// <summary>
    /// <c>Filter</c> / <c>Where</c>: rows are kept or dropped, columns pass through unchanged (watermark and
    /// processing-time facts carry over); the condition matters only for whether it calls a current-time function.
    /// </summary>
    internal sealed class ConditionProjection : Projection
    {
        private readonly bool? callsCurrentTime;

        public ConditionProjection(bool? callsCurrentTime) => this.callsCurrentTime = callsCurrentTime;

        public override bool? CallsCurrentTime => this.callsCurrentTime;

        public override ColumnSet Watermarks(ColumnSet input) => input;

        public override ColumnSet ProcessingTime(ColumnSet input) => input;
    }

    /// <summary><c>Drop(columns)</c>.</summary>
    internal sealed class DropProjection : Projection
    {
        private readonly ImmutableArray<string> columns;

        public DropProjection(ImmutableArray<string> columns) => this.columns = columns;

        public override ColumnSet Watermarks(ColumnSet input) => this.Apply(input);

        public override ColumnSet ProcessingTime(ColumnSet input) => this.Apply(input);

        private ColumnSet Apply(ColumnSet input) => this.columns.Aggregate(input, (set, column) => set.Remove(column));
    }

    /// <summary><c>Select(columns)</c>: the output is exactly the selected columns.</summary>
    internal sealed class SelectProjection : Projection
    {
        private readonly ImmutableArray<ColumnExpr> columns;

        public SelectProjection(ImmutableArray<ColumnExpr> columns) => this.columns = columns;

        public override bool? CallsCurrentTime => AnyOf(this.columns, ContainsCurrentTime);

        public override ColumnSet Watermarks(ColumnSet input)
        {
            if (!input.IsCertain)
            {
                return input;
            }

            var kept = new List<string>();
            var throughCast = new List<string>();
            foreach (ColumnExpr column in this.columns)
            {
                if (column.Window is not null)
                {
                    return ColumnSet.Uncertain;
                }

                if (column is ColumnRef { Name: "*" })
                {
                    kept.AddRange(input.Columns!);
                    throughCast.AddRange(input.Columns!.Where(input.IsThroughCast));
                }
                else if (column.AttributeSource is { } source && input.Contains(source))
                {
                    string name = OutputName(column) ?? source;
                    kept.Add(name);
                    if (column.AttributeThroughCast || input.IsThroughCast(source))
                    {
                        throughCast.Add(name);
                    }
                }
            }

            return ColumnSet.Of(kept, throughCast);
        }

        public override ColumnSet ProcessingTime(ColumnSet input)
        {
            if (!input.IsCertain)
            {
                return input;
            }

            var kept = new List<string>();
            foreach (ColumnExpr column in this.columns)
            {
                if (column is ColumnRef { Name: "*" })
                {
                    kept.AddRange(input.Columns!);
                    continue;
                }

                bool? reads = ReadsProcessingTime(column, input);
                if (reads is null || (reads == true && OutputName(column) is null))
                {
                    return ColumnSet.Uncertain; // processing time under a name Spark derives: not tracked
                }

                if (reads == true)
                {
                    kept.Add(OutputName(column)!);
                }
            }

            return ColumnSet.Of(kept);
        }

        private static string? OutputName(ColumnExpr column) => column switch
        {
            AliasColumn alias => alias.Name,
            ColumnRef reference => reference.Name,
            CastColumn { Inner: ColumnRef reference } => reference.Name, // Spark names an unaliased CAST(x AS T) x
            _ => null,
        };
    }
}
