using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StreamLint.Core;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>
    /// A Column expression as far as the analyzer needs it: which input columns it reads, whether it is a plain
    /// attribute (which keeps Spark's event-time watermark metadata) and whether it reads processing time.
    /// An expression the analyzer cannot follow is represented by <c>null</c>, never by a guess.
    /// </summary>
    internal abstract class ColumnExpr
    {
        /// <summary>
        /// The input column whose metadata this expression carries unchanged: a column reference, an alias of one,
        /// or a time window over one. Null when the expression computes a new value (Spark drops the metadata).
        /// </summary>
        public abstract string? AttributeSource { get; }

        /// <summary>
        /// True when <see cref="AttributeSource"/> is reached through a CAST. The rule catalogue treats a cast as
        /// keeping column identity; Spark itself drops the metadata there (see docs/sql-reader.md), so a watermark
        /// reached this way silences rules that need a watermark to be absent but never makes a rule report.
        /// </summary>
        public virtual bool AttributeThroughCast => false;

        /// <summary>The time window this expression is, under any aliases (<c>Window(…).Alias("w")</c>); null otherwise.</summary>
        public WindowColumn? Window => this switch
        {
            WindowColumn window => window,
            AliasColumn alias => alias.Inner.Window,
            _ => null,
        };
    }

    /// <summary><c>Col("ts")</c>, <c>df["ts"]</c>, or a column named by a string argument.</summary>
    internal sealed class ColumnRef : ColumnExpr
    {
        public ColumnRef(string name) => this.Name = name;

        public string Name { get; }

        public override string? AttributeSource => this.Name;
    }

    /// <summary><c>column.Alias("x")</c> / <c>As</c> / <c>Name</c>: Spark keeps the aliased attribute's metadata.</summary>
    internal sealed class AliasColumn : ColumnExpr
    {
        public AliasColumn(ColumnExpr inner, string name)
        {
            this.Inner = inner;
            this.Name = name;
        }

        public ColumnExpr Inner { get; }

        public string Name { get; }

        public override string? AttributeSource => this.Inner.AttributeSource;

        public override bool AttributeThroughCast => this.Inner.AttributeThroughCast;
    }

    /// <summary>
    /// <c>CAST(x AS type)</c> in SQL text: the catalogue keeps column identity through it, Spark drops the metadata
    /// (<see cref="ColumnExpr.AttributeThroughCast"/> says so). Also a dotted SQL reference <c>a.b</c> outside a
    /// query whose relations are known (<see cref="IsAmbiguous"/>): relation <c>a</c>'s column <c>b</c>, which keeps
    /// its metadata, or struct <c>a</c>'s field <c>b</c>, which has none — identity kept and unproven alike.
    /// </summary>
    internal sealed class CastColumn : ColumnExpr
    {
        public CastColumn(ColumnExpr inner, bool isAmbiguous = false)
        {
            this.Inner = inner;
            this.IsAmbiguous = isAmbiguous;
        }

        public ColumnExpr Inner { get; }

        /// <summary>A dotted reference that may be a struct field: whether it reads processing time is unknown too.</summary>
        public bool IsAmbiguous { get; }

        public override string? AttributeSource => this.Inner.AttributeSource;

        public override bool AttributeThroughCast => this.Inner.AttributeSource is not null;
    }

    /// <summary>
    /// <c>Functions.Window(timeColumn, duration, …)</c> or <c>Functions.Session_Window(timeColumn, gap)</c> (SQL
    /// <c>window(…)</c>, <c>session_window(…)</c>): the window column carries the time column's watermark.
    /// </summary>
    internal sealed class WindowColumn : ColumnExpr
    {
        public WindowColumn(ColumnExpr? timeColumn, string? windowDuration, SyntaxNode syntax, bool isSession = false)
        {
            this.TimeColumn = timeColumn;
            this.WindowDuration = windowDuration;
            this.Syntax = syntax;
            this.IsSession = isSession;
        }

        /// <summary>A session window: its length depends on the data, so <see cref="WindowDuration"/> is null.</summary>
        public bool IsSession { get; }

        /// <summary>The <c>Window(…)</c> call.</summary>
        public SyntaxNode Syntax { get; }

        /// <summary>Null when the time column cannot be followed.</summary>
        public ColumnExpr? TimeColumn { get; }

        public string? WindowDuration { get; }

        public override string? AttributeSource => this.TimeColumn?.AttributeSource;

        public override bool AttributeThroughCast => this.TimeColumn?.AttributeThroughCast == true;
    }

    /// <summary>Any other function or operator over columns.</summary>
    internal sealed class ComputedColumn : ColumnExpr
    {
        public ComputedColumn(string function, ImmutableArray<ColumnExpr?> inputs, bool isProcessingTime, bool isAggregate = false)
        {
            this.Function = function;
            this.Inputs = inputs;
            this.IsProcessingTime = isProcessingTime;
            this.IsAggregate = isAggregate;
        }

        /// <summary>An aggregate function called in SQL text (<c>count(*)</c>, <c>sum(x)</c>), outside OVER.</summary>
        public bool IsAggregate { get; }

        public string Function { get; }

        public ImmutableArray<ColumnExpr?> Inputs { get; }

        /// <summary><c>CurrentTimestamp()</c> and friends: wall-clock time, never event time.</summary>
        public bool IsProcessingTime { get; }

        public override string? AttributeSource => null;
    }
}
