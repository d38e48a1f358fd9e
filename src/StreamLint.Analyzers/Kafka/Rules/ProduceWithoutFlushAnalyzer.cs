using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Kafka.Clients;

namespace StreamLint.Kafka.Rules
{
    /// <summary>
    /// SL3008: Produce(…) on a producer whose lifetime ends in its scope — a using declaration or statement, or a
    /// Dispose() call, whether or not control reaches it — while nothing in that scope calls Flush or
    /// CommitTransaction (which flushes) on it. Reported once per producer, at its first Produce; fix target: the
    /// lifetime end.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProduceWithoutFlushAnalyzer : KafkaAnalyzer
    {
        public ProduceWithoutFlushAnalyzer()
            : base(Descriptors.SL3008_ProduceWithoutFlush)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KafkaCompilation kafka) =>
            RegisterKafkaMembers(context, kafka, (member, code) =>
            {
                var seen = new HashSet<IOperation>();
                foreach (IInvocationOperation produce in code.Calls)
                {
                    if (!kafka.IsProducerCall(produce, KafkaApi.Produce)
                        || produce.Instance is not { } receiver
                        || kafka.ClientOf(receiver, member.CancellationToken) is not { Kind: ClientKind.Producer } producer
                        || !seen.Add(producer.Build))
                    {
                        continue;
                    }

                    ImmutableArray<IOperation> scope = kafka.ScopeOf(receiver, member.Body, producer, member.CancellationToken);
                    if (kafka.CallsOn(producer, scope, member.CancellationToken, KafkaApi.Flush, KafkaApi.CommitTransaction).Any())
                    {
                        continue;
                    }

                    SyntaxNode? end = kafka.LifetimeEnds(producer, scope, member.CancellationToken).FirstOrDefault();
                    if (end is null)
                    {
                        continue;
                    }

                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL3008_ProduceWithoutFlush,
                        OperationFacts.NameLocation(produce.Syntax),
                        KafkaRuleFacts.Locations(end.SyntaxTree == produce.Syntax.SyntaxTree ? end.GetLocation() : null),
                        KafkaRuleFacts.Properties(KafkaApi.Flush, StreamLint.Core.Flow.ValueOrigins.Strip(receiver).Syntax.ToString()),
                        KafkaRuleFacts.NameOf(receiver),
                        end is InvocationExpressionSyntax ? "Dispose()" : "using"));
                }
            });
    }
}
