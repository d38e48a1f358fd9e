using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Core.Flow;
using StreamLint.Kafka.Clients;

namespace StreamLint.Kafka.Rules
{
    /// <summary>
    /// SL3010: a consumer built in the member whose lifetime ends (using, Dispose()) with no Close() on it in its
    /// scope: the member and the helpers it is passed to, or every member of the type when it is kept in the type's
    /// field. A consumer handed to code outside the compilation (which might close it) is silent. Reported at each
    /// lifetime end; fix target: the same place.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConsumerNotClosedAnalyzer : KafkaAnalyzer
    {
        public ConsumerNotClosedAnalyzer()
            : base(Descriptors.SL3010_ConsumerNotClosed)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KafkaCompilation kafka) =>
            RegisterKafkaCalls(
                context,
                kafka,
                c => c.TargetMethod.Name == KafkaApi.Build && kafka.Symbols.Is(c.TargetMethod.ContainingType, kafka.Symbols.ConsumerBuilder),
                (member, build) =>
                {
                    System.Threading.CancellationToken token = member.CancellationToken;
                    if (kafka.ClientOf(build, token) is not { Kind: ClientKind.Consumer } consumer || HolderOf(build) is not { } holder)
                    {
                        return;
                    }

                    ImmutableArray<IOperation> scope = kafka.ScopeOf(holder, member.Body, consumer, token);
                    if (kafka.CallsOn(consumer, scope, token, KafkaApi.Close).Any() || PassedOutside(kafka, consumer, scope, token))
                    {
                        return;
                    }

                    foreach (SyntaxNode end in kafka.LifetimeEnds(consumer, scope, token).Distinct())
                    {
                        Location location = end switch
                        {
                            InvocationExpressionSyntax invocation => OperationFacts.NameLocation(invocation),
                            LocalDeclarationStatementSyntax declaration => declaration.Declaration.Variables[0].Identifier.GetLocation(),
                            UsingStatementSyntax { Declaration: { } declaration } => declaration.Variables[0].Identifier.GetLocation(),
                            UsingStatementSyntax { Expression: { } expression } => expression.GetLocation(),
                            _ => end.GetLocation(),
                        };
                        if (!member.Contains(end))
                        {
                            location = OperationFacts.NameLocation(build.Syntax);
                        }

                        member.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SL3010_ConsumerNotClosed,
                            location,
                            KafkaRuleFacts.Locations(end.SyntaxTree == build.Syntax.SyntaxTree ? end.GetLocation() : null),
                            KafkaRuleFacts.Properties(KafkaApi.Close, NameOf(build, holder)),
                            NameOf(build, holder),
                            end is InvocationExpressionSyntax ? "Dispose()" : "using"));
                    }
                });

        /// <summary>The local, field or property reference the built consumer is stored in (a read of it), or the Build() call when held by a using.</summary>
        private static IOperation? HolderOf(IInvocationOperation build)
        {
            IOperation value = build;
            while (value.Parent is IConversionOperation or IParenthesizedOperation)
            {
                value = value.Parent;
            }

            return value.Parent switch
            {
                IVariableInitializerOperation => build,
                ISimpleAssignmentOperation { Target: IFieldReferenceOperation or IPropertyReferenceOperation } assignment => assignment.Target,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation } => build,
                _ => null,
            };
        }

        private static string NameOf(IInvocationOperation build, IOperation holder)
        {
            IOperation value = build;
            while (value.Parent is IConversionOperation or IParenthesizedOperation)
            {
                value = value.Parent;
            }

            return value.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local.Name,
                _ => KafkaRuleFacts.NameOf(holder),
            };
        }

        /// <summary>Whether the consumer is passed to a method outside the compilation (which may close it).</summary>
        private static bool PassedOutside(KafkaCompilation kafka, KafkaClient consumer, ImmutableArray<IOperation> scope, System.Threading.CancellationToken token)
        {
            IEnumerable<IArgumentOperation> arguments = scope.SelectMany(b => b.Descendants().OfType<IArgumentOperation>());
            foreach (IArgumentOperation argument in arguments)
            {
                if (kafka.IsClientType(argument.Value.Type)
                    && argument.Parent is IInvocationOperation { TargetMethod: var method } && !ValueOrigins.IsSourceHelper(method)
                    && kafka.Origins.SingleOf(argument.Value, token) == consumer.Build)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
