namespace StreamLint.Spark.Pipeline
{
    /// <summary>Questions the rules ask of a plan.</summary>
    internal static class PlanQueries
    {
        /// <summary>
        /// The aggregation closest to the sink — the one Spark's checker inspects for output-mode rules — following
        /// single-input operators only. <paramref name="known"/> is false when an operator the model does not
        /// interpret (or a join or merge of paths) stands in the way.
        /// </summary>
        public static AggregateNode? TopmostAggregate(PlanNode plan, out bool known)
        {
            for (PlanNode? node = plan; node is not null; node = node.Child)
            {
                switch (node)
                {
                    case AggregateNode aggregate:
                        known = true;
                        return aggregate;
                    case OpaqueNode or CombineNode or MergeNode:
                        known = false;
                        return null;
                }
            }

            known = true;
            return null;
        }
    }
}
