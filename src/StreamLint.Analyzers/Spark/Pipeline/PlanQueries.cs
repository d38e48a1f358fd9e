namespace StreamLint.Spark.Pipeline
{
    /// <summary>Questions the rules ask of a plan.</summary>
    internal static class PlanQueries
    {
        /// <summary>
        /// The aggregation closest to the sink on every control-flow path (one per path that merges into the plan).
        /// Default when a path has an operator the model does not interpret, or paths disagree on having one.
        /// </summary>
        public static System.Collections.Immutable.ImmutableArray<AggregateNode> TopmostAggregates(PlanNode plan)
        {
            for (PlanNode? node = plan; node is not null; node = node.Child)
            {
                switch (node)
                {
                    case AggregateNode aggregate:
                        return System.Collections.Immutable.ImmutableArray.Create(aggregate);
                    case MergeNode merge:
                        var all = System.Collections.Immutable.ImmutableArray.CreateBuilder<AggregateNode>();
                        foreach (PlanNode alternative in merge.Alternatives)
                        {
                            var found = TopmostAggregates(alternative);
                            if (found.IsDefaultOrEmpty)
                            {
                                return default;
                            }

                            all.AddRange(found);
                        }

                        return all.ToImmutable();
                    case OpaqueNode or CombineNode:
                        return default;
                }
            }

            return System.Collections.Immutable.ImmutableArray<AggregateNode>.Empty;
        }
    }
}
