using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Streamiz.Topology;

namespace StreamLint.Streamiz.Time
{
    /// <summary>
    /// Constant durations in milliseconds: <c>long</c> constants, <c>TimeSpan.FromX(constant)</c>, <c>TimeSpan.Zero</c>,
    /// <c>new TimeSpan(…)</c> with constant parts, sums and differences of those, and locals, fields and parameters that
    /// hold one value (through <see cref="ValueFlow"/>). Null when any part is not constant.
    /// </summary>
    internal static class Millis
    {
        private const long TicksPerMs = TimeSpan.TicksPerMillisecond;

        public static long? Of(IOperation? operation, FlowEnv? env, ValueFlow flow, CancellationToken cancellationToken, int depth = 0)
        {
            if (operation is null || depth > 16)
            {
                return null;
            }

            operation = OperationFacts.Unwrap(operation);
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value switch
                {
                    long l => l,
                    int i => i,
                    short s => s,
                    double d when d == Math.Floor(d) && Math.Abs(d) < long.MaxValue => (long)d,
                    _ => null,
                };
            }

            switch (operation)
            {
                case IConversionOperation conversion when conversion.Type?.SpecialType is SpecialType.System_Int64 or SpecialType.System_Int32:
                    return Of(conversion.Operand, env, flow, cancellationToken, depth + 1);
                case IFieldReferenceOperation { Field: { Name: "Zero", ContainingType: { } zeroType } } when IsTimeSpan(zeroType):
                    return 0;
                case IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType: { } type } method } call when IsTimeSpan(type) && call.Arguments.Length == 1:
                    long? value = Of(call.Arguments[0].Value, env, flow, cancellationToken, depth + 1);
                    double? factor = method.Name switch
                    {
                        "FromMilliseconds" => 1,
                        "FromSeconds" => 1000,
                        "FromMinutes" => 60_000,
                        "FromHours" => 3_600_000,
                        "FromDays" => 86_400_000,
                        "FromTicks" => 1.0 / TicksPerMs,
                        _ => null,
                    };
                    return value is { } v && factor is { } f ? (long)(v * f) : null;
                case IObjectCreationOperation { Type: { } created } creation when IsTimeSpan(created):
                    return FromConstructor(creation, env, flow, cancellationToken, depth);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply } binary:
                    long? left = Of(binary.LeftOperand, env, flow, cancellationToken, depth + 1);
                    long? right = Of(binary.RightOperand, env, flow, cancellationToken, depth + 1);
                    if (left is not { } a || right is not { } b)
                    {
                        return null;
                    }

                    return binary.OperatorKind switch
                    {
                        BinaryOperatorKind.Add => a + b,
                        BinaryOperatorKind.Subtract => a - b,
                        _ => IsTimeSpan(binary.Type) ? null : a * b,
                    };
                case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation:
                    if (flow.Origins(operation, env, cancellationToken) is not { Length: > 0 } origins)
                    {
                        return null;
                    }

                    long? agreed = null;
                    foreach (Origin origin in origins)
                    {
                        if (origin.Operation == operation || Of(origin.Operation, origin.Env, flow, cancellationToken, depth + 1) is not { } one
                            || (agreed is { } previous && previous != one))
                        {
                            return null;
                        }

                        agreed = one;
                    }

                    return agreed;
                default:
                    return null;
            }
        }

        private static long? FromConstructor(IObjectCreationOperation creation, FlowEnv? env, ValueFlow flow, CancellationToken cancellationToken, int depth)
        {
            var parts = new long[creation.Arguments.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (Of(creation.Arguments[i].Value, env, flow, cancellationToken, depth + 1) is not { } part)
                {
                    return null;
                }

                parts[i] = part;
            }

            return parts.Length switch
            {
                1 => parts[0] / TicksPerMs,
                3 => ((parts[0] * 3600) + (parts[1] * 60) + parts[2]) * 1000,
                4 => ((parts[0] * 86400) + (parts[1] * 3600) + (parts[2] * 60) + parts[3]) * 1000,
                5 => (((parts[0] * 86400) + (parts[1] * 3600) + (parts[2] * 60) + parts[3]) * 1000) + parts[4],
                _ => null,
            };
        }

        public static bool IsTimeSpan(ITypeSymbol? type) =>
            type is { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

        /// <summary>A readable duration for messages: <c>23h59m</c>, <c>5m</c>, <c>30s</c>, <c>250ms</c>.</summary>
        public static string Format(long ms)
        {
            if (ms == 0)
            {
                return "0";
            }

            TimeSpan span = TimeSpan.FromMilliseconds(ms);
            string text = string.Empty;
            if (span.Days > 0)
            {
                text += span.Days + "d";
            }

            if (span.Hours > 0)
            {
                text += span.Hours + "h";
            }

            if (span.Minutes > 0)
            {
                text += span.Minutes + "m";
            }

            if (span.Seconds > 0)
            {
                text += span.Seconds + "s";
            }

            if (span.Milliseconds > 0)
            {
                text += span.Milliseconds + "ms";
            }

            return ms < 0 ? "-" + text : text;
        }
    }
}
