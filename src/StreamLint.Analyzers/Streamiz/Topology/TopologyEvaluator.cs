using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Streamiz.Time;

namespace StreamLint.Streamiz.Topology
{
    /// <summary>
    /// Builds the <see cref="TopologyNode"/> of a Streamiz value by following it back to its sources: fluent chains,
    /// locals, branches (every path must agree), lambdas, helpers and their call sites (<see cref="ValueFlow"/>).
    /// Unknown stays null.
    /// </summary>
    internal sealed class TopologyEvaluator
    {
        private readonly StreamizSymbols symbols;
        private readonly ValueFlow flow;
        private readonly Cache<SyntaxNode, TopologyNode?> nodes = Cache<SyntaxNode, TopologyNode?>.Large();

        public TopologyEvaluator(StreamizSymbols symbols, ValueFlow flow)
        {
            this.symbols = symbols;
            this.flow = flow;
        }

        public ValueFlow Flow => this.flow;

        /// <summary>The node of the value <paramref name="operation"/> produces; null when any path is unknown.</summary>
        public TopologyNode? Evaluate(IOperation? operation, FlowEnv? env, CancellationToken cancellationToken)
        {
            if (operation is null || this.flow.Origins(operation, env, cancellationToken) is not { Length: > 0 } origins)
            {
                return null;
            }

            TopologyNode? agreed = null;
            foreach (Origin origin in origins)
            {
                TopologyNode? node = this.EvaluateOrigin(origin, cancellationToken);
                if (node is null || (agreed is not null && agreed.Signature != node.Signature))
                {
                    return null;
                }

                agreed ??= node;
            }

            return agreed;
        }

        /// <summary>The node of a Streamiz operator call (its result, or the sink it is).</summary>
        public TopologyNode? EvaluateCall(IInvocationOperation call, CancellationToken cancellationToken) =>
            this.EvaluateOrigin(new Origin(call, null), cancellationToken);

        /// <summary>The input stream/table of an operator call (its receiver).</summary>
        public TopologyNode? InputOf(IInvocationOperation call, FlowEnv? env, CancellationToken cancellationToken) =>
            this.Evaluate(Receiver(call), env, cancellationToken);

        private TopologyNode? EvaluateOrigin(Origin origin, CancellationToken cancellationToken)
        {
            if (origin.Operation is not IInvocationOperation call)
            {
                if (origin.Operation is IArrayElementReferenceOperation element
                    && this.Evaluate(element.ArrayReference, origin.Env, cancellationToken) is { Kind: StreamKind.Branches } branches)
                {
                    return new TopologyNode(StreamKind.Stream, "Branch[]", branches.Call, ImmutableArray.Create(branches), branches.KeyChanges, null, false, null, branches.Builders);
                }

                return null;
            }

            if (!this.symbols.Scan.IsLibraryCall(call.TargetMethod))
            {
                return null;
            }

            return origin.Env is null
                ? this.nodes.GetOrAdd(call.Syntax, static (_, s) => s.Evaluator.Operator(s.Call, null, s.Token), (Evaluator: this, Call: call, Token: cancellationToken))
                : this.Operator(call, origin.Env, cancellationToken);
        }

        private static IOperation? Receiver(IInvocationOperation call) =>
            call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);

        private TopologyNode? Operator(IInvocationOperation call, FlowEnv? env, CancellationToken cancellationToken)
        {
            IMethodSymbol method = call.TargetMethod;
            string name = method.Name;
            if (this.symbols.Is(method.ContainingType, this.symbols.StreamBuilder))
            {
                return this.Source(call, env, cancellationToken);
            }

            StreamKind? receiverKind = this.KindOf(method.ContainingType);
            if (receiverKind is null || this.Evaluate(Receiver(call), env, cancellationToken) is not { } input)
            {
                return null;
            }

            ImmutableArray<TopologyNode> inputs = ImmutableArray.Create(input);
            TopologyNode Make(StreamKind kind, ImmutableArray<KeyChange> keys, WindowFacts? window = null, bool stateful = false, string? detail = null, ImmutableArray<TopologyNode>? ins = null) =>
                new TopologyNode(kind, name, call, ins ?? inputs, keys, window, stateful, detail, ins is { } all ? Union(all) : input.Builders);

            switch (receiverKind.Value)
            {
                case StreamKind.Stream:
                    if (name == StreamizApi.Repartition)
                    {
                        return Make(StreamKind.Stream, ImmutableArray<KeyChange>.Empty);
                    }

                    if (name == "Transform")
                    {
                        return Make(StreamKind.Stream, input.KeyChanges.Add(new KeyChange(call, false)), stateful: this.HasStateStore(call, env, cancellationToken) == true);
                    }

                    if (StreamizApi.KeyChanging.Contains(name))
                    {
                        return Make(StreamKind.Stream, input.KeyChanges.Add(new KeyChange(call, this.KeepsKey(call))));
                    }

                    if (name == "TransformValues")
                    {
                        return Make(StreamKind.Stream, input.KeyChanges, stateful: this.HasStateStore(call, env, cancellationToken) == true);
                    }

                    if (name == "DropDuplicate")
                    {
                        return Make(StreamKind.Stream, input.KeyChanges, stateful: true);
                    }

                    if (StreamizApi.KeyPreserving.Contains(name))
                    {
                        return Make(StreamKind.Stream, input.KeyChanges);
                    }

                    switch (name)
                    {
                        case "Process":
                            return Make(StreamKind.Sink, input.KeyChanges, stateful: this.HasStateStore(call, env, cancellationToken) == true);
                        case "To":
                            return Make(StreamKind.Sink, input.KeyChanges, detail: Topic(call));
                        case "Foreach" or "ForeachAsync" or "Print":
                            return Make(StreamKind.Sink, input.KeyChanges);
                        case "GroupByKey":
                            return Make(StreamKind.GroupedStream, input.KeyChanges);
                        case "GroupBy":
                            return Make(StreamKind.GroupedStream, input.KeyChanges.Add(new KeyChange(call, false)));
                        case "ToTable":
                            return Make(StreamKind.Table, ImmutableArray<KeyChange>.Empty, stateful: true);
                        case "Branch":
                            return Make(StreamKind.Branches, input.KeyChanges);
                        case "Merge":
                            return this.Evaluate(OperationFacts.Argument(call, 0), env, cancellationToken) is { } other
                                ? Make(StreamKind.Stream, input.KeyChanges.AddRange(other.KeyChanges), ins: ImmutableArray.Create(input, other))
                                : null;
                    }

                    if (StreamizApi.Joins.Contains(name))
                    {
                        WindowFacts? joinWindow = call.TargetMethod.Parameters.FirstOrDefault(p => this.symbols.Is(p.Type, this.symbols.JoinWindowOptions)) is { } windowParameter
                            ? this.Window(OperationFacts.Argument(call, windowParameter.Ordinal), env, cancellationToken)
                            : null;
                        TopologyNode? right = this.Evaluate(OperationFacts.Argument(call, 0), env, cancellationToken);
                        return Make(StreamKind.Stream, ImmutableArray<KeyChange>.Empty, joinWindow, stateful: true, ins: right is null ? inputs : ImmutableArray.Create(input, right));
                    }

                    return null;
                case StreamKind.GroupedStream:
                    if (name == "WindowedBy")
                    {
                        return this.Window(OperationFacts.Argument(call, 0), env, cancellationToken) is { } window
                            ? Make(StreamKind.WindowedStream, input.KeyChanges, window)
                            : null;
                    }

                    return StreamizApi.Aggregations.Contains(name) ? Make(StreamKind.Table, ImmutableArray<KeyChange>.Empty, stateful: true) : null;
                case StreamKind.WindowedStream:
                    return StreamizApi.Aggregations.Contains(name) ? Make(StreamKind.Table, ImmutableArray<KeyChange>.Empty, input.Window, stateful: true) : null;
                case StreamKind.GroupedTable:
                    return StreamizApi.Aggregations.Contains(name) ? Make(StreamKind.Table, ImmutableArray<KeyChange>.Empty, stateful: true) : null;
                case StreamKind.Table:
                    switch (name)
                    {
                        case "Filter" or "FilterNot" or "MapValues":
                            return Make(StreamKind.Table, input.KeyChanges, input.Window);
                        case "Suppress":
                            return Make(StreamKind.Table, input.KeyChanges, input.Window, detail: "suppressed");
                        case "ToStream":
                            return call.Arguments.Length > 0 && OperationFacts.Argument(call, 0) is { Type: { } t } && t.SpecialType != SpecialType.System_String
                                ? Make(StreamKind.Stream, ImmutableArray.Create(new KeyChange(call, false)))
                                : Make(StreamKind.Stream, ImmutableArray<KeyChange>.Empty);
                        case "GroupBy":
                            return Make(StreamKind.GroupedTable, ImmutableArray.Create(new KeyChange(call, false)));
                    }

                    if (StreamizApi.Joins.Contains(name))
                    {
                        TopologyNode? other = this.Evaluate(OperationFacts.Argument(call, 0), env, cancellationToken);
                        return Make(StreamKind.Table, ImmutableArray<KeyChange>.Empty, stateful: true, ins: other is null ? inputs : ImmutableArray.Create(input, other));
                    }

                    return null;
                default:
                    return null;
            }
        }

        private TopologyNode? Source(IInvocationOperation call, FlowEnv? env, CancellationToken cancellationToken)
        {
            StreamKind kind;
            switch (call.TargetMethod.Name)
            {
                case "Stream":
                    kind = StreamKind.Stream;
                    break;
                case "Table":
                    kind = StreamKind.Table;
                    break;
                case "GlobalTable":
                    kind = StreamKind.GlobalTable;
                    break;
                default:
                    return null;
            }

            var builders = ImmutableArray.CreateBuilder<SyntaxNode>();
            if (call.Instance is { } instance && this.flow.Origins(instance, env, cancellationToken) is { } origins
                && origins.All(o => o.Operation is IObjectCreationOperation))
            {
                builders.AddRange(origins.Select(o => o.Operation.Syntax).Distinct());
            }

            return new TopologyNode(kind, call.TargetMethod.Name, call, ImmutableArray<TopologyNode>.Empty, ImmutableArray<KeyChange>.Empty, null, false, Topic(call), builders.ToImmutable());
        }

        private static string? Topic(IInvocationOperation call) =>
            OperationFacts.ConstantString(OperationFacts.Argument(call, 0)) is { } topic ? "\"" + topic + "\"" : null;

        private static ImmutableArray<SyntaxNode> Union(ImmutableArray<TopologyNode> inputs) =>
            inputs.Any(i => i.Builders.IsEmpty) ? ImmutableArray<SyntaxNode>.Empty : inputs.SelectMany(i => i.Builders).Distinct().ToImmutableArray();

        private StreamKind? KindOf(INamedTypeSymbol type)
        {
            if (this.symbols.Is(type, this.symbols.KStream))
            {
                return StreamKind.Stream;
            }

            if (this.symbols.Is(type, this.symbols.KTable))
            {
                return StreamKind.Table;
            }

            if (this.symbols.Is(type, this.symbols.GroupedStream))
            {
                return StreamKind.GroupedStream;
            }

            if (this.symbols.Is(type, this.symbols.TimeWindowedStream))
            {
                return StreamKind.WindowedStream;
            }

            if (this.symbols.Is(type, this.symbols.GroupedTable))
            {
                return StreamKind.GroupedTable;
            }

            return null;
        }

        /// <summary>The window options a value holds, when every path builds the same ones.</summary>
        public WindowFacts? Window(IOperation? operation, FlowEnv? env, CancellationToken cancellationToken)
        {
            if (operation is null || this.flow.Origins(operation, env, cancellationToken) is not { Length: > 0 } origins)
            {
                return null;
            }

            WindowFacts? agreed = null;
            foreach (Origin origin in origins)
            {
                if (origin.Operation is not IInvocationOperation { TargetMethod.Name: "Of" } of
                    || this.WindowOf(of, origin.Env, cancellationToken) is not { } window
                    || (agreed is not null && agreed.Signature != window.Signature))
                {
                    return null;
                }

                agreed ??= window;
            }

            return agreed;
        }

        /// <summary>The facts of a <c>TumblingWindowOptions/HoppingWindowOptions/JoinWindowOptions.Of(…)</c> call.</summary>
        public WindowFacts? WindowOf(IInvocationOperation of, FlowEnv? env, CancellationToken cancellationToken)
        {
            INamedTypeSymbol type = of.TargetMethod.ContainingType;
            int count = of.TargetMethod.Parameters.Length;
            long? Arg(int i) => Millis.Of(OperationFacts.Argument(of, i), env, this.flow, cancellationToken);
            if (this.symbols.Is(type, this.symbols.TumblingWindowOptions))
            {
                return new WindowFacts("TumblingWindowOptions", of, Arg(0), null, count > 1 ? Arg(1) : null, count > 1);
            }

            if (this.symbols.Is(type, this.symbols.HoppingWindowOptions))
            {
                return new WindowFacts("HoppingWindowOptions", of, Arg(0), Arg(1), count > 2 ? Arg(2) : null, count > 2);
            }

            if (this.symbols.Is(type, this.symbols.JoinWindowOptions))
            {
                long? difference = Arg(0);
                return new WindowFacts("JoinWindowOptions", of, difference * 2, null, count > 1 ? Arg(1) : null, count > 1);
            }

            return null;
        }

        /// <summary>
        /// Whether a <c>Process</c>/<c>Transform</c>/<c>TransformValues</c> call's processor keeps a state store: store
        /// names passed, or a supplier built with <c>StateStore(…)</c>. Null when the supplier cannot be followed.
        /// </summary>
        public bool? HasStateStore(IInvocationOperation call, FlowEnv? env, CancellationToken cancellationToken)
        {
            IParameterSymbol? storeNames = call.TargetMethod.Parameters.FirstOrDefault(p => p.IsParams);
            if (storeNames is not null && OperationFacts.ParamsElements(call, storeNames.Ordinal) is { } names)
            {
                if (!names.IsEmpty)
                {
                    return true;
                }
            }
            else if (storeNames is not null)
            {
                return null; // an array passed whole
            }

            return this.SupplierHasStore(OperationFacts.Argument(call, 0), env, cancellationToken, 0);
        }

        private bool? SupplierHasStore(IOperation? supplier, FlowEnv? env, CancellationToken cancellationToken, int depth)
        {
            if (supplier is null || depth > 16 || this.flow.Origins(supplier, env, cancellationToken) is not { Length: > 0 } origins)
            {
                return null;
            }

            bool any = false;
            foreach (Origin origin in origins)
            {
                if (origin.Operation is not IInvocationOperation builderCall
                    || !(this.symbols.Is(builderCall.TargetMethod.ContainingType, this.symbols.ProcessorBuilder)
                        || this.symbols.Is(builderCall.TargetMethod.ContainingType, this.symbols.TransformerBuilder)
                        || builderCall.TargetMethod.Name == "New"))
                {
                    return null;
                }

                if (builderCall.TargetMethod.Name == "StateStore")
                {
                    any = true;
                    continue;
                }

                if (builderCall.TargetMethod.Name == "New")
                {
                    continue;
                }

                switch (this.SupplierHasStore(builderCall.Instance, origin.Env, cancellationToken, depth + 1))
                {
                    case null:
                        return null;
                    case true:
                        any = true;
                        break;
                }
            }

            return any;
        }

        /// <summary>
        /// Whether a <c>Map</c>/<c>FlatMap</c> mapper provably returns its input key: a lambda every <c>KeyValuePair</c>
        /// of which is built from the key parameter itself.
        /// </summary>
        private bool KeepsKey(IInvocationOperation call)
        {
            if (call.TargetMethod.Name is not ("Map" or "FlatMap" or "MapAsync" or "FlatMapAsync")
                || OperationFacts.Argument(call, 0) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                || lambda.Symbol.Parameters.Length == 0)
            {
                return false;
            }

            IParameterSymbol key = lambda.Symbol.Parameters[0];
            int pairs = 0;
            foreach (IOperation operation in lambda.Body.Descendants())
            {
                IOperation? first = operation switch
                {
                    IObjectCreationOperation { Type.Name: "KeyValuePair", Arguments.Length: 2 } creation => creation.Arguments[0].Value,
                    IInvocationOperation { TargetMethod: { Name: "Create", ContainingType.Name: "KeyValuePair" } } create when create.Arguments.Length == 2 => create.Arguments[0].Value,
                    _ => null,
                };
                if (first is null)
                {
                    continue;
                }

                pairs++;
                if (OperationFacts.Unwrap(first) is not IParameterReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Parameter, key))
                {
                    return false;
                }
            }

            return pairs > 0;
        }
    }
}
