using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core.Flow;

namespace StreamLint.Kafka.Loops
{
    /// <summary>Control-flow order inside one iteration of a consume loop.</summary>
    internal static class LoopOrder
    {
        /// <summary>
        /// The operations of <paramref name="candidates"/> that can run after <paramref name="from"/> before the loop
        /// consumes the next message (a path that passes the site's Consume again belongs to the next message).
        /// </summary>
        public static List<IInvocationOperation> After(ConsumeSite site, SyntaxNode from, IEnumerable<IInvocationOperation> candidates, KafkaCompilation kafka)
        {
            var after = new List<IInvocationOperation>();
            if (kafka.OrderOf(site.Root) is not { } order
                || order.Locate(site.Call.Syntax) is not { } consume
                || FlowOrder.LocateIn(consume.Graph, from) is not { } start)
            {
                return after;
            }

            var barriers = new[] { consume };
            foreach (IInvocationOperation candidate in candidates)
            {
                if (FlowOrder.LocateIn(consume.Graph, candidate.Syntax) is { } point && !point.Equals(start) && FlowOrder.MayReach(start, point, barriers))
                {
                    after.Add(candidate);
                }
            }

            return after;
        }
    }
}
