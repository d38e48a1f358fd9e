using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;

namespace StreamLint.Kafka
{
    /// <summary>Base of every Confluent.Kafka rule: the family's context and the ways a rule sees client code.</summary>
    public abstract class KafkaAnalyzer : LibraryAnalyzer<KafkaCompilation>
    {
        private protected KafkaAnalyzer(params DiagnosticDescriptor[] descriptors)
            : base(descriptors)
        {
        }

        private protected sealed override string LibraryAssembly => KafkaSymbols.AssemblyName;

        private protected sealed override KafkaCompilation? Resolve(Compilation compilation) => KafkaCompilation.For(compilation);

        /// <summary>Calls <paramref name="analyze"/> for every member of a file that calls Confluent.Kafka.</summary>
        private protected static void RegisterKafkaMembers(
            CompilationStartAnalysisContext context,
            KafkaCompilation kafka,
            Action<MemberContext, KafkaMember> analyze) =>
            RegisterMembers(context, kafka.MembersIn, analyze);

        /// <summary>Calls <paramref name="analyze"/> for each Confluent.Kafka call <paramref name="interesting"/> selects, with its member in view.</summary>
        private protected static void RegisterKafkaCalls(
            CompilationStartAnalysisContext context,
            KafkaCompilation kafka,
            Func<IInvocationOperation, bool> interesting,
            Action<MemberContext, IInvocationOperation> analyze) =>
            RegisterCalls<KafkaMember>(context, kafka.MembersIn, interesting, analyze);
    }
}
