using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>How messages name plan operators and columns.</summary>
    internal static class Describe
    {
        public static string Operator(PlanNode node) => node switch
        {
            AggregateNode aggregate => $"Streaming aggregation '{aggregate.Function}'",
            DeduplicateNode { Columns: { IsEmpty: true } } deduplicate => deduplicate.Operator + "()",
            DeduplicateNode { Columns: { } columns } => $"DropDuplicates(\"{string.Join("\", \"", columns)}\")",
            DeduplicateNode => "DropDuplicates(…)",
            JoinNode join => $"Stream-stream {JoinTypes.Display(join.JoinType ?? "inner")} join",
            _ => "This operator",
        };

        public static string Column(ColumnExpr? column) => column switch
        {
            ColumnRef reference => reference.Name,
            AliasColumn alias => Column(alias.Inner),
            CastColumn cast => Column(cast.Inner),
            ComputedColumn computed => computed.Function + "()",
            _ => "?",
        };
    }
}
