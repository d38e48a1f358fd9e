using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Streamiz.Rules
{
    /// <summary>
    /// The calls SL2007 counts as external side effects, matched by the containing type's metadata name (its bases and
    /// interfaces included) and the member: HttpClient requests, ADO.NET command execution, EF Core SaveChanges, a
    /// Confluent.Kafka producer's Produce, System.IO.File writes, and any call on a type listed in
    /// <c>streamlint.SL2007.side_effect_types</c>. Logging is not among them.
    /// </summary>
    internal static class SideEffects
    {
        public static string? Describe(IMethodSymbol method, ImmutableArray<string> extraTypes)
        {
            foreach (INamedTypeSymbol type in TypeAndSupertypes(method.ContainingType))
            {
                string name = MetadataName(type);
                string member = method.Name;
                bool matches = name switch
                {
                    "System.Net.Http.HttpClient" or "System.Net.Http.HttpMessageInvoker" => member is not ("Dispose" or "CancelPendingRequests"),
                    "System.Data.Common.DbCommand" or "System.Data.IDbCommand" => member.StartsWith("Execute", System.StringComparison.Ordinal),
                    "Microsoft.EntityFrameworkCore.DbContext" => member.StartsWith("SaveChanges", System.StringComparison.Ordinal),
                    "Confluent.Kafka.IProducer`2" => member.StartsWith("Produce", System.StringComparison.Ordinal),
                    "System.IO.File" => member.StartsWith("Write", System.StringComparison.Ordinal) || member.StartsWith("Append", System.StringComparison.Ordinal),
                    _ => extraTypes.Contains(name),
                };
                if (matches)
                {
                    return method.ContainingType.Name + "." + member;
                }
            }

            return null;
        }

        private static IEnumerable<INamedTypeSymbol> TypeAndSupertypes(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                yield return current.OriginalDefinition;
            }

            foreach (INamedTypeSymbol item in type.AllInterfaces)
            {
                yield return item.OriginalDefinition;
            }
        }

        /// <summary>Names made once per type: every call of a processor's body asks for its type and all its supertypes.</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<INamedTypeSymbol, string> MetadataNames =
            new System.Runtime.CompilerServices.ConditionalWeakTable<INamedTypeSymbol, string>();

        private static string MetadataName(INamedTypeSymbol type) =>
            MetadataNames.GetValue(type, static t => MakeMetadataName(t));

        private static string MakeMetadataName(INamedTypeSymbol type)
        {
            if (type.ContainingType is { } outer)
            {
                return MetadataName(outer) + "+" + type.MetadataName;
            }

            string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
            return ns + type.MetadataName;
        }

        /// <summary>
        /// The side-effect calls in <paramref name="body"/> and in the same-compilation methods it calls (a few levels).
        /// </summary>
        public static IEnumerable<(IInvocationOperation Call, string Api)> In(IOperation body, StreamizCompilation streamiz, ImmutableArray<string> extraTypes, System.Threading.CancellationToken cancellationToken, int depth = 0)
        {
            foreach (IInvocationOperation invocation in body.DescendantsAndSelf().OfType<IInvocationOperation>())
            {
                if (Describe(invocation.TargetMethod, extraTypes) is { } api)
                {
                    yield return (invocation, api);
                }
                else if (depth < 2 && !invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty
                    && streamiz.Library.DeclarationOf(invocation.TargetMethod, cancellationToken) is { } helper)
                {
                    foreach ((IInvocationOperation _, string inner) in In(helper, streamiz, extraTypes, cancellationToken, depth + 1))
                    {
                        yield return (invocation, inner);
                    }
                }
            }
        }
    }
}
