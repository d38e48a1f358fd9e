using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Core.Plans;
using StreamLint.Streamiz.Config;
using StreamLint.Streamiz.Time;
using StreamLint.Streamiz.Topology;

namespace StreamLint.Streamiz.Plans
{
    /// <summary>
    /// The Streamiz family's plans: one report per topology — the operators that end in a sink (<c>To</c>,
    /// <c>Foreach</c>, <c>Process</c>, <c>Print</c>) read back to their sources with the rules' own model
    /// (<see cref="TopologyEvaluator"/>, <see cref="TopologyNode"/>, <see cref="WindowFacts"/>), grouped by the
    /// <c>StreamBuilder</c> they are read from (helpers included), with the guarantee of the StreamConfig the topology
    /// runs with (<see cref="StreamConfigFacts"/>) and the timestamp extractors (<see cref="ExtractorPaths"/>).
    /// A sink whose lineage is unknown is a topology of its own with what is known.
    /// </summary>
    public sealed class StreamizPlanProvider : IPlanProvider
    {
        private static readonly ImmutableHashSet<string> SinkNames = ImmutableHashSet.Create("To", "Foreach", "ForeachAsync", "Print", "Process");

        public IEnumerable<PlanReport> Plans(Compilation compilation, CancellationToken cancellationToken)
        {
            if (StreamizCompilation.For(compilation) is not { } streamiz)
            {
                return Enumerable.Empty<PlanReport>();
            }

            var sinks = new List<(IInvocationOperation Call, TopologyNode? Node)>();
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                SemanticModel model = streamiz.Library.ModelFor(tree);
                foreach (StreamizMember member in streamiz.MembersIn(model, cancellationToken))
                {
                    foreach (IInvocationOperation call in member.Calls)
                    {
                        if (SinkNames.Contains(call.TargetMethod.Name) && streamiz.Symbols.Is(call.TargetMethod.ContainingType, streamiz.Symbols.KStream)
                            && !sinks.Any(s => s.Call.Syntax == call.Syntax))
                        {
                            sinks.Add((call, streamiz.Evaluator.EvaluateCall(call, cancellationToken)));
                        }
                    }
                }
            }

            StreamConfigFacts configs = streamiz.Configs(cancellationToken);
            string? eventTime = EventTime(compilation, streamiz, cancellationToken);
            var reports = new List<(int Order, PlanReport Report)>();
            foreach (var group in sinks.GroupBy(s => s.Node is { Builders.IsEmpty: false } node ? string.Join(",", node.Builders.Select(b => b.SyntaxTree.FilePath + ":" + b.SpanStart)) : "sink:" + s.Call.Syntax.SyntaxTree.FilePath + ":" + s.Call.Syntax.SpanStart))
            {
                var members = group.ToList();
                ImmutableArray<SyntaxNode> builders = members[0].Node?.Builders ?? ImmutableArray<SyntaxNode>.Empty;
                reports.Add((builders.IsEmpty ? members[0].Call.Syntax.SpanStart : builders[0].SpanStart,
                    Report(members, builders, configs, eventTime, streamiz, compilation, cancellationToken)));
            }

            return reports.OrderBy(r => r.Report.Location.File, System.StringComparer.Ordinal).ThenBy(r => r.Order).Select(r => r.Report).ToList();
        }

        private static PlanReport Report(List<(IInvocationOperation Call, TopologyNode? Node)> sinks, ImmutableArray<SyntaxNode> builders, StreamConfigFacts configs, string? eventTime, StreamizCompilation streamiz, Compilation compilation, CancellationToken cancellationToken)
        {
            var nodes = new List<TopologyNode>();
            var seen = new HashSet<SyntaxNode>();
            foreach (var sink in sinks)
            {
                if (sink.Node is { } node)
                {
                    Collect(node, nodes, seen);
                }
            }

            var extent = new List<PlanLocation>();
            extent.AddRange(nodes.Select(n => LocationOf(n.Call.Syntax)));
            extent.AddRange(sinks.Where(s => s.Node is null).Select(s => LocationOf(s.Call.Syntax)));
            IInvocationOperation? build = null;
            foreach (SyntaxNode builder in builders)
            {
                extent.Add(LocationOf(builder));
                build ??= BuildCall(builder, streamiz, cancellationToken);
                extent.AddRange(configs.ConfigsOf(builder).Select(c => LocationOf(c.Creation.Syntax)));
            }

            if (build is not null)
            {
                extent.Add(LocationOf(build.Syntax));
            }

            SyntaxNode anchor = builders.IsEmpty ? sinks[0].Call.Syntax : builders[0];
            string name = Owner(anchor, compilation, cancellationToken) + " topology";

            var sources = nodes.Where(n => n.IsSource).Select(Source).ToList();
            if (sources.Count == 0 || sinks.Any(s => s.Node is null))
            {
                sources.Add(new PlanSource(null, null, null, null));
            }

            TopologyNode? guaranteeNode = sinks.Select(s => s.Node).FirstOrDefault(n => n is not null);
            return new PlanReport(
                "streamiz",
                PlanKinds.Topology,
                name,
                LocationOf(build is not null ? OperationFacts.NameLocation(build.Syntax) : anchor.GetLocation()),
                sources,
                Steps(nodes, streamiz),
                eventTime,
                null,
                Suppression(nodes, streamiz),
                null,
                Sink(sinks.Select(s => s.Call).ToList()),
                "committed consumer offsets and changelog topics of the application id",
                Guarantee(sinks, guaranteeNode is null ? GuaranteeState.Unknown : configs.For(guaranteeNode), guaranteeNode is not null && !guaranteeNode.Builders.IsEmpty && guaranteeNode.Builders.All(configs.IsTied)),
                extent);
        }

        private static void Collect(TopologyNode node, List<TopologyNode> nodes, HashSet<SyntaxNode> seen)
        {
            foreach (TopologyNode input in node.Inputs)
            {
                Collect(input, nodes, seen);
            }

            if (seen.Add(node.Call.Syntax))
            {
                nodes.Add(node);
            }
        }

        private static IInvocationOperation? BuildCall(SyntaxNode builder, StreamizCompilation streamiz, CancellationToken cancellationToken)
        {
            foreach (BoundCall bound in streamiz.Library.CallsNamed("Build", cancellationToken))
            {
                IInvocationOperation call = bound.Invocation;
                if (call.Instance is { } instance && streamiz.Symbols.Is(call.TargetMethod.ContainingType, streamiz.Symbols.StreamBuilder)
                    && streamiz.Flow.Origins(instance, null, cancellationToken) is { Length: > 0 } origins
                    && origins.All(o => o.Operation.Syntax == builder))
                {
                    return call;
                }
            }

            return null;
        }

        private static string Owner(SyntaxNode node, Compilation compilation, CancellationToken cancellationToken)
        {
            SemanticModel model = compilation.GetSemanticModel(node.SyntaxTree);
            ISymbol? symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
            while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                symbol = symbol.ContainingSymbol;
            }

            if (symbol is null || symbol.Name.StartsWith("<", System.StringComparison.Ordinal))
            {
                return "top-level statements";
            }

            return (symbol.ContainingType is { } type ? type.Name + "." : string.Empty) + (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ? "ctor" : symbol.Name);
        }

        private static PlanSource Source(TopologyNode node)
        {
            string? topic = node.Detail?.Trim('"');
            string format = node.Kind switch
            {
                StreamKind.Table => "kafka table",
                StreamKind.GlobalTable => "kafka global table",
                _ => "kafka",
            };
            return new PlanSource(format, topic, null, true);
        }

        private static List<PlanStep> Steps(List<TopologyNode> nodes, StreamizCompilation streamiz)
        {
            var steps = new List<PlanStep>();
            var pending = new List<string>();
            bool keyChanged = false;

            void Flush()
            {
                if (pending.Count > 0)
                {
                    steps.Add(new PlanStep(PlanStepKinds.Transform, string.Join(", ", pending) + (keyChanged ? " (key changed)" : string.Empty)));
                    pending.Clear();
                    keyChanged = false;
                }
            }

            foreach (TopologyNode node in nodes)
            {
                if (node.IsSource || node.Kind == StreamKind.Sink)
                {
                    continue;
                }

                string op = node.Operator;
                if (node.Stateful)
                {
                    Flush();
                    steps.Add(StatefulStep(node));
                    continue;
                }

                switch (op)
                {
                    case "GroupByKey" or "GroupBy" or "WindowedBy" or "Branch[]":
                        continue;
                    case "Suppress":
                        Flush();
                        steps.Add(new PlanStep(PlanStepKinds.Other, "Suppress(" + SuppressionText(node, streamiz) + ")"));
                        continue;
                    case "Merge":
                        Flush();
                        steps.Add(new PlanStep(PlanStepKinds.Union, "Merge"));
                        continue;
                    case "Repartition":
                        Flush();
                        steps.Add(new PlanStep(PlanStepKinds.Other, "Repartition"));
                        continue;
                    case "Branch":
                        Flush();
                        steps.Add(new PlanStep(PlanStepKinds.Other, "Branch"));
                        continue;
                }

                if (pending.Count == 0 || pending[pending.Count - 1] != op)
                {
                    pending.Add(op);
                }

                keyChanged |= node.KeyChanges.Any(k => k.Call.Syntax == node.Call.Syntax && !k.KeepsKey);
            }

            Flush();
            return steps;
        }

        private static PlanStep StatefulStep(TopologyNode node)
        {
            string op = node.Operator;
            string? grouping = node.Inputs.Length == 1 ? GroupingOf(node.Inputs[0]) : null;
            if (StreamizApi.Aggregations.Contains(op))
            {
                string text = "aggregation (" + op + ")" + (grouping is null ? string.Empty : " " + grouping)
                    + (node.Window is { } w ? " over " + WindowText(w) : string.Empty);
                return new PlanStep(PlanStepKinds.Aggregate, text, true, node.Window is { } window
                    ? Bound(window)
                    : "unbounded: an aggregation without a window keeps one entry per key");
            }

            if (StreamizApi.Joins.Contains(op))
            {
                string text = op + (node.Window is { } w ? " within " + WindowText(w) : string.Empty);
                string bound = node.Window is { } window
                    ? Bound(window)
                    : node.Kind == StreamKind.Table || node.Inputs.Any(i => i.Kind is StreamKind.Table or StreamKind.GlobalTable)
                        ? "unbounded: the table side keeps one entry per key"
                        : "unknown";
                return new PlanStep(PlanStepKinds.Join, text, true, bound);
            }

            return op switch
            {
                "ToTable" => new PlanStep(PlanStepKinds.Aggregate, "ToTable", true, "unbounded: a table keeps one entry per key"),
                "DropDuplicate" => new PlanStep(PlanStepKinds.Deduplicate, "DropDuplicate", true, "unknown: the deduplication interval of the store"),
                _ => new PlanStep(PlanStepKinds.Other, op + " with a state store", true, "unknown: the processor's state store"),
            };
        }

        private static string? GroupingOf(TopologyNode node)
        {
            for (TopologyNode? current = node; current is not null; current = current.Inputs.Length == 1 ? current.Inputs[0] : null)
            {
                if (current.Operator is "GroupByKey")
                {
                    return current.KeyChanges.Any(k => !k.KeepsKey) ? "by key (repartitioned: the key changed before)" : "by key";
                }

                if (current.Operator is "GroupBy")
                {
                    return "by a new key (repartitioned)";
                }
            }

            return null;
        }

        private static string WindowText(WindowFacts window)
        {
            string kind = window.Kind.Replace("WindowOptions", string.Empty).ToLowerInvariant();
            string size = window.SizeMs is { } s ? Millis.Format(s) : "?";
            return window.Kind == "JoinWindowOptions"
                ? "join window " + size
                : kind + " window " + size + (window.AdvanceMs is { } a ? " advancing " + Millis.Format(a) : string.Empty);
        }

        private static string Bound(WindowFacts window)
        {
            string size = window.SizeMs is { } s ? Millis.Format(s) : "? (not constant)";
            string grace = window.GraceMs is { } g ? Millis.Format(g) : "? (not constant)";
            return "window " + size + " + grace " + grace + (window.HasExplicitGrace ? string.Empty : " (implicit: 24h retention minus the size)");
        }

        private static string? Suppression(List<TopologyNode> nodes, StreamizCompilation streamiz)
        {
            var suppressed = nodes.Where(n => n.Operator == "Suppress").ToList();
            if (suppressed.Count > 0)
            {
                return "suppressed: " + string.Join("; ", suppressed.Select(n => SuppressionText(n, streamiz)));
            }

            return nodes.Any(n => n.Kind == StreamKind.Table && n.Stateful) ? "every update (no suppression)" : null;
        }

        private static string SuppressionText(TopologyNode node, StreamizCompilation streamiz)
        {
            IOperation? argument = OperationFacts.Argument(node.Call, 0);
            string how = argument is not null && OperationFacts.Unwrap(argument) is IInvocationOperation suppressed ? suppressed.TargetMethod.Name : "unknown";
            bool unbounded = argument is not null && streamiz.Symbols.StrictBufferConfig is { } strict
                && argument.DescendantsAndSelf().OfType<IInvocationOperation>().Any(c => c.TargetMethod.Name == "Unbounded" && streamiz.Symbols.Is(c.TargetMethod.ContainingType, strict));
            return how + (unbounded ? ", unbounded buffer" : string.Empty);
        }

        private static PlanSink Sink(List<IInvocationOperation> sinks)
        {
            var formats = new List<string>();
            var targets = new List<string>();
            foreach (IInvocationOperation call in sinks.OrderBy(c => c.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(c => c.Syntax.SpanStart))
            {
                string format = call.TargetMethod.Name switch
                {
                    "To" => "kafka",
                    "Foreach" or "ForeachAsync" => "foreach",
                    "Print" => "print",
                    _ => "processor",
                };
                if (!formats.Contains(format))
                {
                    formats.Add(format);
                }

                if (call.TargetMethod.Name == "To")
                {
                    targets.Add("topic " + (OperationFacts.ConstantString(OperationFacts.Argument(call, 0)) ?? "?"));
                }
            }

            if (formats.Count > 1)
            {
                return new PlanSink(string.Join(", ", formats.Select(f => f == "kafka" ? "kafka " + string.Join(", ", targets) : f)), null);
            }

            return new PlanSink(formats.FirstOrDefault(), targets.Count == 0 ? null : string.Join(", ", targets));
        }

        private static PlanGuarantee Guarantee(List<(IInvocationOperation Call, TopologyNode? Node)> sinks, GuaranteeState state, bool tied)
        {
            if (sinks.All(s => s.Call.TargetMethod.Name == "Print"))
            {
                return new PlanGuarantee(GuaranteeLevel.NotApplicable, "the topology only prints");
            }

            string config = tied ? "the StreamConfig the topology runs with" : "every StreamConfig of the code";
            bool sideEffects = sinks.Any(s => s.Call.TargetMethod.Name is "Foreach" or "ForeachAsync" or "Process");
            switch (state)
            {
                case GuaranteeState.ExactlyOnce:
                    return sideEffects
                        ? new PlanGuarantee(GuaranteeLevel.AtLeastOnce, $"processing.guarantee EXACTLY_ONCE ({config}) covers Kafka writes and state only: Foreach/Process side effects run again after a failure")
                        : new PlanGuarantee(GuaranteeLevel.ExactlyOnce, $"processing.guarantee EXACTLY_ONCE ({config})");
                case GuaranteeState.AtLeastOnce:
                    return new PlanGuarantee(GuaranteeLevel.AtLeastOnce, $"processing.guarantee AT_LEAST_ONCE ({config}): records may be processed again after a failure");
                case GuaranteeState.NotSet:
                    return new PlanGuarantee(GuaranteeLevel.AtLeastOnce, $"{config} never sets Guarantee: Streamiz's default AT_LEAST_ONCE, records may be processed again after a failure");
                default:
                    return new PlanGuarantee(GuaranteeLevel.Unknown, "the StreamConfig the topology runs with cannot be read from the code");
            }
        }

        private static string? EventTime(Compilation compilation, StreamizCompilation streamiz, CancellationToken cancellationToken)
        {
            if (streamiz.Symbols.TimestampExtractor is not { } extractor
                || extractor.GetMembers(StreamizApi.Extract) is not { Length: 1 } members
                || members[0] is not IMethodSymbol extract)
            {
                return "record timestamp (default extractor)";
            }

            var found = new List<string>();
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                if (!TreeText.For(tree).HasIdentifier(StreamizApi.Extract, cancellationToken))
                {
                    continue;
                }

                SemanticModel model = streamiz.Library.ModelFor(tree);
                foreach (MethodDeclarationSyntax declaration in tree.GetRoot(cancellationToken).DescendantNodes().OfType<MethodDeclarationSyntax>())
                {
                    if (declaration.Identifier.ValueText != StreamizApi.Extract
                        || model.GetDeclaredSymbol(declaration, cancellationToken) is not { ContainingType: { } type } method
                        || !SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(extract), method)
                        || model.GetOperation(declaration, cancellationToken) is not IMethodBodyOperation body)
                    {
                        continue;
                    }

                    List<WallClockReturn> wallClock = ExtractorPaths.WallClockReturns(body, cancellationToken);
                    found.Add(wallClock.Any(w => !w.FallbackOnly)
                        ? $"wall-clock ({type.Name}.Extract returns {wallClock.First(w => !w.FallbackOnly).Api})"
                        : wallClock.Count > 0
                            ? $"event time ({type.Name}.Extract; wall-clock {wallClock[0].Api} for invalid timestamps)"
                            : $"event time ({type.Name}.Extract)");
                }
            }

            return found.Count == 0 ? "record timestamp (default extractor)" : string.Join("; ", found);
        }

        private static PlanLocation LocationOf(SyntaxNode node) => LocationOf(node.GetLocation());

        private static PlanLocation LocationOf(Location location)
        {
            FileLinePositionSpan span = location.GetLineSpan();
            return new PlanLocation(span.Path ?? string.Empty, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, location.SourceSpan.Start, location.SourceSpan.Length);
        }
    }
}
