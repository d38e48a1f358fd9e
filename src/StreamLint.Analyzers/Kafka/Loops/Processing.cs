using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Core.Flow;

namespace StreamLint.Kafka.Loops
{
    /// <summary>
    /// The processing of a consumed message in a consume loop: work on the result or on values derived from it (its
    /// key, value, headers, what is computed from them) — calls that take them, including same-compilation helpers
    /// whose body does such work with what they receive — and every produce, HTTP, database or file write in the loop
    /// body. Logging (<c>ILogger</c>, <c>Console</c>, <c>Debug</c>/<c>Trace</c>, Serilog/NLog/log4net), waiting
    /// (<c>Thread.Sleep</c>, <c>Task.Delay</c>), the consumer's own calls and side-effect-free reads (string and number
    /// methods, <c>Encoding</c>, <c>Convert</c>, <c>JsonSerializer</c>, the result's own accessors) are not processing.
    /// </summary>
    internal static class Processing
    {
        private const int MaxHelperDepth = 3;

        /// <summary>The processing invocations in the body of the site's loop (the site must be in a loop).</summary>
        public static List<IInvocationOperation> In(ConsumeSite site, KafkaCompilation kafka, CancellationToken cancellationToken)
        {
            var found = new List<IInvocationOperation>();
            if (site.Loop is not { Body: { } body })
            {
                return found;
            }

            var derived = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { site.Result };
            Derive(body, derived);
            foreach (IInvocationOperation call in body.DescendantsAndSelf().OfType<IInvocationOperation>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (call != site.Call && !InsideLogging(call, body) && IsProcessing(call, derived, kafka, 0, cancellationToken))
                {
                    found.Add(call);
                }
            }

            return found;
        }

        /// <summary>Adds the locals computed from the derived values (to a fixed point, in a few passes).</summary>
        private static void Derive(IOperation body, HashSet<ISymbol> derived)
        {
            for (int pass = 0; pass < 3; pass++)
            {
                int before = derived.Count;
                foreach (IOperation operation in body.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { } initializer && References(initializer.Value, derived):
                            derived.Add(declarator.Symbol);
                            break;
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when References(assignment.Value, derived):
                            derived.Add(target.Local);
                            break;
                        case IForEachLoopOperation loop when References(loop.Collection, derived):
                            foreach (ILocalSymbol local in loop.Locals)
                            {
                                derived.Add(local);
                            }

                            break;
                        case IDeclarationPatternOperation { DeclaredSymbol: { } declared } pattern when pattern.Parent is IIsPatternOperation isPattern && References(isPattern.Value, derived):
                            derived.Add(declared);
                            break;
                    }
                }

                if (derived.Count == before)
                {
                    return;
                }
            }
        }

        private static bool References(IOperation operation, HashSet<ISymbol> derived)
        {
            foreach (IOperation node in operation.DescendantsAndSelf())
            {
                ISymbol? symbol = node switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (symbol is not null && derived.Contains(symbol))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsProcessing(IInvocationOperation call, HashSet<ISymbol> derived, KafkaCompilation kafka, int depth, CancellationToken cancellationToken)
        {
            IMethodSymbol method = call.TargetMethod;
            if (kafka.IsProducerCall(call, KafkaApi.Produce) || kafka.IsProducerCall(call, KafkaApi.ProduceAsync))
            {
                return true;
            }

            if (IsLoggingOrWaiting(method) || SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, kafka.Symbols.Assembly))
            {
                return false;
            }

            if (IsIo(method))
            {
                return true;
            }

            bool takesMessage = (call.Instance is { } instance && References(instance, derived))
                || call.Arguments.Any(a => References(a.Value, derived));
            if (!takesMessage || IsPure(method))
            {
                return false;
            }

            if (ValueOrigins.IsSourceHelper(method) && depth < MaxHelperDepth
                && kafka.Library.DeclarationOf(method, cancellationToken) is { } helper)
            {
                var received = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                foreach (IArgumentOperation argument in call.Arguments)
                {
                    if (argument.Parameter is { } parameter && References(argument.Value, derived))
                    {
                        received.Add(parameter.OriginalDefinition);
                        received.Add(parameter);
                    }
                }

                if (call.Instance is { } receiver && References(receiver, derived))
                {
                    return true; // a method of the message's own type: its state is the message
                }

                Derive(helper, received);
                foreach (IInvocationOperation inner in helper.DescendantsAndSelf().OfType<IInvocationOperation>())
                {
                    if (!InsideLogging(inner, helper) && IsProcessing(inner, received, kafka, depth + 1, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            }

            return true;
        }

        private static bool InsideLogging(IOperation operation, IOperation stop)
        {
            for (IOperation? current = operation.Parent; current is not null && current != stop; current = current.Parent)
            {
                if (current is IInvocationOperation outer && IsLoggingOrWaiting(outer.TargetMethod))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Namespace(ISymbol symbol) => symbol.ContainingNamespace?.ToDisplayString() ?? string.Empty;

        private static bool IsLoggingOrWaiting(IMethodSymbol method)
        {
            INamedTypeSymbol type = method.ContainingType;
            string ns = Namespace(type);
            if (ns.StartsWith("Microsoft.Extensions.Logging", System.StringComparison.Ordinal)
                || ns.StartsWith("Serilog", System.StringComparison.Ordinal)
                || ns.StartsWith("NLog", System.StringComparison.Ordinal)
                || ns.StartsWith("log4net", System.StringComparison.Ordinal))
            {
                return true;
            }

            return (ns, type.Name, method.Name) switch
            {
                ("System", "Console", _) => true,
                ("System.Diagnostics", "Debug" or "Trace", _) => true,
                ("System.Threading", "Thread", "Sleep") => true,
                ("System.Threading.Tasks", "Task", "Delay") => true,
                _ => false,
            };
        }

        /// <summary>Calls that are external effects whatever they take: HTTP, databases, files.</summary>
        private static bool IsIo(IMethodSymbol method)
        {
            INamedTypeSymbol type = method.ContainingType;
            string ns = Namespace(type);
            if (ns == "System.Net.Http" && type.Name is "HttpClient" or "HttpMessageInvoker")
            {
                return true;
            }

            if (ns.StartsWith("System.Data", System.StringComparison.Ordinal) && method.Name.StartsWith("Execute", System.StringComparison.Ordinal))
            {
                return true;
            }

            if (method.Name is "SaveChanges" or "SaveChangesAsync")
            {
                return true;
            }

            return ns == "System.IO" && (method.Name.StartsWith("Write", System.StringComparison.Ordinal) || method.Name.StartsWith("Append", System.StringComparison.Ordinal));
        }

        /// <summary>Reads and conversions without effects: the message is looked at, not processed.</summary>
        private static bool IsPure(IMethodSymbol method)
        {
            INamedTypeSymbol type = method.ContainingType;
            if (type.SpecialType != SpecialType.None)
            {
                return true;
            }

            string ns = Namespace(type);
            return (ns, type.Name) switch
            {
                ("System", "Math" or "Convert" or "BitConverter" or "Guid" or "DateTime" or "DateTimeOffset" or "TimeSpan" or "Nullable") => true,
                ("System.Text", "Encoding" or "StringBuilder") => true,
                ("System.Text.Json", "JsonSerializer" or "JsonDocument") => true,
                ("System.Linq", "Enumerable") => true,
                _ => method.Name is "ToString" or "GetHashCode" or "Equals",
            };
        }
    }
}
