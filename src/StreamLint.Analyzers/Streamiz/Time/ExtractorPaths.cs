using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;

namespace StreamLint.Streamiz.Time
{
    /// <summary>A wall-clock read whose value an extractor returns, and whether only the invalid-timestamp fallback reaches it.</summary>
    internal sealed class WallClockReturn
    {
        public WallClockReturn(IOperation read, string api, bool fallbackOnly)
        {
            this.Read = read;
            this.Api = api;
            this.FallbackOnly = fallbackOnly;
        }

        public IOperation Read { get; }

        public string Api { get; }

        public bool FallbackOnly { get; }
    }

    /// <summary>
    /// The main and fallback paths of an <c>ITimestampExtractor.Extract</c> body, read from its control-flow graph.
    /// A block is on the fallback path when every path from the entry to it takes the "invalid" side of an
    /// invalid-timestamp test: a comparison of a value with a constant ≤ 0 (<c>ts &lt; 0</c>, <c>ts &lt;= 0</c>,
    /// <c>ts == -1</c>, and their negations on the false side) or a null test (<c>x == null</c>, <c>x is null</c>, <c>??</c>).
    /// A wall-clock value counts when it is returned: inside the returned expression, or in a local that it reads.
    /// </summary>
    internal static class ExtractorPaths
    {
        public static List<WallClockReturn> WallClockReturns(IMethodBodyOperation body, CancellationToken cancellationToken)
        {
            var found = new List<WallClockReturn>();
            var reads = ReturnedWallClockReads(body).ToList();
            if (reads.Count == 0)
            {
                return found;
            }

            ControlFlowGraph graph = ControlFlowGraph.Create(body, cancellationToken);
            bool[] fallback = FallbackBlocks(graph);
            foreach ((IOperation read, string api) in reads)
            {
                int block = BlockOf(graph, read.Syntax);
                found.Add(new WallClockReturn(read, api, block >= 0 && fallback[block]));
            }

            return found;
        }

        /// <summary>Wall-clock reads inside returned values, or in the values of locals that a returned value reads.</summary>
        private static IEnumerable<(IOperation Read, string Api)> ReturnedWallClockReads(IOperation body)
        {
            var returnedLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            var results = new List<(IOperation, string)>();
            foreach (IReturnOperation ret in body.Descendants().OfType<IReturnOperation>())
            {
                if (ret.ReturnedValue is not { } value)
                {
                    continue;
                }

                foreach (IOperation operation in value.DescendantsAndSelf())
                {
                    if (WallClock(operation) is { } api)
                    {
                        results.Add((operation, api));
                    }
                    else if (operation is ILocalReferenceOperation local)
                    {
                        returnedLocals.Add(local.Local);
                    }
                }
            }

            if (returnedLocals.Count > 0)
            {
                foreach (IOperation operation in body.Descendants())
                {
                    IOperation? value = operation switch
                    {
                        IVariableDeclaratorOperation { Initializer.Value: { } init } declarator when returnedLocals.Contains(declarator.Symbol) => init,
                        ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when returnedLocals.Contains(target.Local) => assignment.Value,
                        _ => null,
                    };
                    if (value is null)
                    {
                        continue;
                    }

                    foreach (IOperation inner in value.DescendantsAndSelf())
                    {
                        if (WallClock(inner) is { } api)
                        {
                            results.Add((inner, api));
                        }
                    }
                }
            }

            return results;
        }

        /// <summary>The wall-clock API an operation reads: <c>DateTime.Now/UtcNow</c>, <c>DateTimeOffset.Now/UtcNow</c>, <c>Environment.TickCount(64)</c>.</summary>
        public static string? WallClock(IOperation operation)
        {
            if (operation is IPropertyReferenceOperation { Instance: null, Property: { } property }
                && property.ContainingType is { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } type)
            {
                switch (type.Name, property.Name)
                {
                    case ("DateTime", "Now" or "UtcNow" or "Today"):
                    case ("DateTimeOffset", "Now" or "UtcNow"):
                    case ("Environment", "TickCount" or "TickCount64"):
                        return type.Name + "." + property.Name;
                }
            }

            return null;
        }

        private static int BlockOf(ControlFlowGraph graph, SyntaxNode syntax)
        {
            foreach (BasicBlock block in graph.Blocks)
            {
                foreach (IOperation operation in block.Operations.Concat(block.BranchValue is { } branch ? new[] { branch } : Enumerable.Empty<IOperation>()))
                {
                    if (operation.Syntax.Span.Contains(syntax.Span) && operation.DescendantsAndSelf().Any(o => o.Syntax == syntax))
                    {
                        return block.Ordinal;
                    }
                }
            }

            return -1;
        }

        /// <summary>
        /// Greatest fixed point of "every incoming edge comes from a fallback block or is the invalid side of an
        /// invalid-timestamp test"; the entry block is never on the fallback path.
        /// </summary>
        private static bool[] FallbackBlocks(ControlFlowGraph graph)
        {
            int count = graph.Blocks.Length;
            bool[] fallback = Enumerable.Repeat(true, count).ToArray();
            fallback[0] = false;
            bool changed = true;
            while (changed)
            {
                changed = false;
                for (int i = 1; i < count; i++)
                {
                    BasicBlock block = graph.Blocks[i];
                    if (!fallback[i])
                    {
                        continue;
                    }

                    bool all = block.Predecessors.Length > 0;
                    foreach (ControlFlowBranch edge in block.Predecessors)
                    {
                        if (!fallback[edge.Source.Ordinal] && !IsInvalidEdge(edge))
                        {
                            all = false;
                            break;
                        }
                    }

                    if (!all)
                    {
                        fallback[i] = false;
                        changed = true;
                    }
                }
            }

            return fallback;
        }

        /// <summary>Whether taking <paramref name="edge"/> means the tested timestamp or value is invalid.</summary>
        private static bool IsInvalidEdge(ControlFlowBranch edge)
        {
            BasicBlock source = edge.Source;
            if (source.BranchValue is not { } condition || source.ConditionKind == ControlFlowConditionKind.None)
            {
                return false;
            }

            bool? invalidWhenTrue = InvalidWhenTrue(OperationFacts.Unwrap(condition));
            if (invalidWhenTrue is not { } whenTrue)
            {
                return false;
            }

            bool conditionalTaken = edge == source.ConditionalSuccessor;
            // The conditional successor is taken when the value equals the condition kind (WhenTrue / WhenFalse).
            bool valueOnEdge = conditionalTaken == (source.ConditionKind == ControlFlowConditionKind.WhenTrue);
            return valueOnEdge == whenTrue;
        }

        /// <summary>True: the condition holds when the value is invalid; false: when it is valid; null: not such a test.</summary>
        private static bool? InvalidWhenTrue(IOperation condition)
        {
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return InvalidWhenTrue(OperationFacts.Unwrap(not.Operand)) is { } inner ? !inner : null;
                case IIsNullOperation:
                    return true;
                case IIsPatternOperation { Pattern: IConstantPatternOperation { Value: { ConstantValue: { HasValue: true, Value: null } } } }:
                    return true;
                case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation { Value: { ConstantValue: { HasValue: true, Value: null } } } } }:
                    return false;
                case IIsPatternOperation { Pattern: IRelationalPatternOperation relational } when NonPositive(relational.Value):
                    return relational.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual ? true : null;
                case IBinaryOperation binary:
                    IOperation left = OperationFacts.Unwrap(binary.LeftOperand);
                    IOperation right = OperationFacts.Unwrap(binary.RightOperand);
                    bool nullRight = right.ConstantValue is { HasValue: true, Value: null };
                    bool nullLeft = left.ConstantValue is { HasValue: true, Value: null };
                    if (nullLeft || nullRight)
                    {
                        return binary.OperatorKind switch
                        {
                            BinaryOperatorKind.Equals => true,
                            BinaryOperatorKind.NotEquals => false,
                            _ => null,
                        };
                    }

                    BinaryOperatorKind kind = binary.OperatorKind;
                    if (NonPositive(left) && !NonPositive(right))
                    {
                        kind = Mirror(kind); // 0 > ts is ts < 0
                    }
                    else if (!NonPositive(right))
                    {
                        return null;
                    }

                    return kind switch
                    {
                        BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.Equals => true,
                        BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.NotEquals => false,
                        _ => null,
                    };
                default:
                    return null;
            }
        }

        private static BinaryOperatorKind Mirror(BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
            BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
            BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
            BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
            _ => kind,
        };

        private static bool NonPositive(IOperation operation) =>
            operation.ConstantValue is { HasValue: true, Value: { } value } && value switch
            {
                int i => i <= 0,
                long l => l <= 0,
                _ => false,
            };
    }
}
