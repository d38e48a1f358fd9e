using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Kafka.Loops;

namespace StreamLint.Kafka.Rules
{
    /// <summary>
    /// SL3009: <c>await producer.ProduceAsync(…)</c> (directly or through ConfigureAwait) inside a loop of the same
    /// function whose body calls IConsumer.Consume.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AwaitProduceAsyncInLoopAnalyzer : KafkaAnalyzer
    {
        public AwaitProduceAsyncInLoopAnalyzer()
            : base(Descriptors.SL3009_AwaitProduceAsyncInLoop)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KafkaCompilation kafka) =>
            RegisterKafkaCalls(context, kafka, c => kafka.IsProducerCall(c, KafkaApi.ProduceAsync), (member, call) =>
            {
                if (!IsAwaited(call) || ConsumeSite.LoopAround(call) is not { } loop || !KafkaRuleFacts.IsConsumeLoop(loop, kafka))
                {
                    return;
                }

                member.ReportDiagnostic(Diagnostic.Create(Descriptors.SL3009_AwaitProduceAsyncInLoop, OperationFacts.NameLocation(call.Syntax)));
            });

        private static bool IsAwaited(IOperation call)
        {
            IOperation current = call;
            while (current.Parent is IConversionOperation or IParenthesizedOperation
                || (current.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == current))
            {
                current = current.Parent!;
            }

            return current.Parent is IAwaitOperation;
        }
    }
}
