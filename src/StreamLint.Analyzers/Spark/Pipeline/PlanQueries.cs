namespace StreamLint.Spark.Pipeline
{
    /// <summary>Questions the rules ask of a plan.</summary>
    internal static class PlanQueries
    {
        /// <summary>
        /// Every node of the plan, each once, sink first. Listed once per node and kept on it: several rules walk each
        /// started query's plan.
        /// </summary>
        public static System.Collections.Immutable.ImmutableArray<PlanNode> Nodes(PlanNode plan)
        {
            System.Collections.Immutable.ImmutableArray<PlanNode> nodes = plan.ListedNodes;
            if (nodes.IsDefault)
            {
                plan.ListedNodes = nodes = ListNodes(plan);
            }

            return nodes;
        }

        private static System.Collections.Immutable.ImmutableArray<PlanNode> ListNodes(PlanNode plan)
        {
            var listed = System.Collections.Immutable.ImmutableArray.CreateBuilder<PlanNode>();

            // Most plans are one chain of unary operators down to a source: no node can be reached twice.
            for (PlanNode? node = plan; node is not CombineNode and not MergeNode; node = node.Child)
            {
                if (node is null)
                {
                    return listed.ToImmutable();
                }

                listed.Add(node);
            }

            listed.Clear();
            var seen = new System.Collections.Generic.HashSet<PlanNode>();
            var pending = new System.Collections.Generic.Stack<PlanNode>();
            pending.Push(plan);
            while (pending.Count > 0)
            {
                PlanNode node = pending.Pop();
                if (!seen.Add(node))
                {
                    continue;
                }

                listed.Add(node);
                switch (node)
                {
                    case CombineNode combine:
                        if (combine.Right is not null)
                        {
                            pending.Push(combine.Right);
                        }

                        pending.Push(combine.Left);
                        break;
                    case MergeNode merge:
                        foreach (PlanNode alternative in merge.Alternatives)
                        {
                            pending.Push(alternative);
                        }

                        break;
                    default:
                        if (node.Child is { } child)
                        {
                            pending.Push(child);
                        }

                        break;
                }
            }

            return listed.ToImmutable();
        }

        /// <summary>The streaming aggregation nearest below <paramref name="node"/> (not the node itself), if any.</summary>
        public static AggregateNode? StreamingAggregateBelow(PlanNode node)
        {
            foreach (PlanNode below in Nodes(node))
            {
                if (below != node && below is AggregateNode { Kind: Streamingness.Streaming } aggregate)
                {
                    return aggregate;
                }
            }

            return null;
        }

        /// <summary>True for a join of two proven streaming inputs.</summary>
        public static bool IsStreamStreamJoin(PlanNode node) =>
            node is JoinNode { Left.Kind: Streamingness.Streaming, Right.Kind: Streamingness.Streaming };

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
