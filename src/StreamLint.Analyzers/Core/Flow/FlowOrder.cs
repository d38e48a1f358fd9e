using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Core.Flow
{
    /// <summary>
    /// Control-flow order inside one member, read from Roslyn's control-flow graph of its body: whether a piece of code
    /// can run after another. Branches, loops (the back edge of <c>while</c>/<c>for</c>/<c>foreach</c>), <c>finally</c>
    /// blocks (entered by every branch that leaves their <c>try</c>) and <c>using</c> are followed; exceptional edges into
    /// a <c>catch</c> are not, so code in a catch that runs only when a call failed is not "after" that call.
    /// Lambdas and local functions have graphs of their own: two places are ordered only within one graph.
    /// Names no library.
    /// </summary>
    internal sealed class FlowOrder
    {
        private readonly ControlFlowGraph graph;
        private FlowOrder(ControlFlowGraph graph) => this.graph = graph;

        /// <summary>The order of a member's body (the root operation of a method, constructor, initializer or top-level statements); null when no graph can be built.</summary>
        public static FlowOrder? Create(IOperation root)
        {
            try
            {
                ControlFlowGraph? graph = root switch
                {
                    IMethodBodyOperation body => ControlFlowGraph.Create(body),
                    IConstructorBodyOperation body => ControlFlowGraph.Create(body),
                    IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block),
                    IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer),
                    IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer),
                    _ => null,
                };
                return graph is null ? null : new FlowOrder(graph);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        /// <summary>
        /// Where <paramref name="node"/> runs: the innermost graph (the member's, or a lambda's or local function's)
        /// and the block operation that holds it; null when the graph does not contain it.
        /// </summary>
        public FlowPoint? Locate(SyntaxNode node) => this.Locate(this.graph, node, 0);

        /// <summary>
        /// Whether <paramref name="to"/> can run after <paramref name="from"/> on some path that does not pass through
        /// any of <paramref name="barriers"/> first (a barrier at the same operation as the target blocks it).
        /// Places in different graphs are not ordered (false).
        /// </summary>
        public static bool MayReach(FlowPoint from, FlowPoint to, IReadOnlyCollection<FlowPoint> barriers)
        {
            if (from.Graph != to.Graph)
            {
                return false;
            }

            var visited = new HashSet<int>();
            var pending = new Stack<(BasicBlock Block, int Start)>();
            pending.Push((from.Block, from.Index + 1));
            while (pending.Count > 0)
            {
                (BasicBlock block, int start) = pending.Pop();
                int barrier = int.MaxValue;
                foreach (FlowPoint b in barriers)
                {
                    if (b.Graph == from.Graph && b.Block == block && b.Index >= start && b.Index < barrier)
                    {
                        barrier = b.Index;
                    }
                }

                if (to.Block == block && to.Index >= start && to.Index < barrier)
                {
                    return true;
                }

                if (barrier != int.MaxValue)
                {
                    continue;
                }

                foreach (ControlFlowBranch? branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
                {
                    if (branch is null)
                    {
                        continue;
                    }

                    foreach (ControlFlowRegion region in branch.FinallyRegions)
                    {
                        BasicBlock entry = from.Graph.Blocks[region.FirstBlockOrdinal];
                        if (visited.Add(entry.Ordinal))
                        {
                            pending.Push((entry, 0));
                        }
                    }

                    if (branch.Destination is { } destination && visited.Add(destination.Ordinal))
                    {
                        pending.Push((destination, 0));
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Where <paramref name="node"/> runs as seen from <paramref name="graph"/>: the block operation of that graph that
        /// holds it, even when the node itself is inside a lambda or local function there (the place the lambda is
        /// created or the local function called stands for it); null when the graph does not hold it.
        /// </summary>
        public static FlowPoint? LocateIn(ControlFlowGraph graph, SyntaxNode node)
        {
            foreach (BasicBlock block in graph.Blocks)
            {
                int count = block.Operations.Length;
                for (int i = 0; i <= count; i++)
                {
                    IOperation? operation = i < count ? block.Operations[i] : block.BranchValue;
                    if (operation is not null && operation.Syntax.SyntaxTree == node.SyntaxTree && operation.Syntax.Span.Contains(node.Span))
                    {
                        return new FlowPoint(graph, block, i);
                    }
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="point"/> sits in a region the graph enters only on failure (a catch or filter).</summary>
        public static bool InCatch(FlowPoint point)
        {
            for (ControlFlowRegion? region = point.Block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
            {
                if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter)
                {
                    return true;
                }
            }

            return false;
        }

        private FlowPoint? Locate(ControlFlowGraph graph, SyntaxNode node, int depth)
        {
            foreach (BasicBlock block in graph.Blocks)
            {
                int count = block.Operations.Length;
                for (int i = 0; i <= count; i++)
                {
                    IOperation? operation = i < count ? block.Operations[i] : block.BranchValue;
                    if (operation is null || operation.Syntax.SyntaxTree != node.SyntaxTree || !operation.Syntax.Span.Contains(node.Span))
                    {
                        continue;
                    }

                    if (depth < 8)
                    {
                        foreach (IOperation inner in operation.DescendantsAndSelf())
                        {
                            if (inner is IFlowAnonymousFunctionOperation function && function.Syntax.Span.Contains(node.Span)
                                && this.Locate(graph.GetAnonymousFunctionControlFlowGraph(function), node, depth + 1) is { } nested)
                            {
                                return nested;
                            }
                        }
                    }

                    return new FlowPoint(graph, block, i);
                }
            }

            if (depth < 8)
            {
                foreach (IMethodSymbol local in graph.LocalFunctions)
                {
                    foreach (SyntaxReference reference in local.DeclaringSyntaxReferences)
                    {
                        if (reference.SyntaxTree == node.SyntaxTree && reference.Span.Contains(node.Span))
                        {
                            return this.Locate(graph.GetLocalFunctionControlFlowGraph(local), node, depth + 1);
                        }
                    }
                }
            }

            return null;
        }
    }

    /// <summary>A place in a control-flow graph: a block and the index of its operation (the branch value is last).</summary>
    internal readonly struct FlowPoint : IEquatable<FlowPoint>
    {
        public FlowPoint(ControlFlowGraph graph, BasicBlock block, int index)
        {
            this.Graph = graph;
            this.Block = block;
            this.Index = index;
        }

        public ControlFlowGraph Graph { get; }

        public BasicBlock Block { get; }

        public int Index { get; }

        public bool Equals(FlowPoint other) => this.Graph == other.Graph && this.Block == other.Block && this.Index == other.Index;

        public override bool Equals(object? obj) => obj is FlowPoint other && this.Equals(other);

        public override int GetHashCode() => (this.Block.Ordinal * 397) ^ this.Index;
    }
}
