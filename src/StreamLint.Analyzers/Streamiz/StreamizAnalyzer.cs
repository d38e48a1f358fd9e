using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;

namespace StreamLint.Streamiz
{
    /// <summary>Base of every Streamiz.Kafka.Net rule: the family's context and the ways a rule sees Streamiz code.</summary>
    public abstract class StreamizAnalyzer : LibraryAnalyzer<StreamizCompilation>
    {
        private protected StreamizAnalyzer(params DiagnosticDescriptor[] descriptors)
            : base(descriptors)
        {
        }

        private protected sealed override string LibraryAssembly => StreamizSymbols.AssemblyName;

        private protected sealed override StreamizCompilation? Resolve(Compilation compilation) => StreamizCompilation.For(compilation);

        /// <summary>Calls <paramref name="analyze"/> for every member of a file that calls Streamiz.Kafka.Net.</summary>
        private protected static void RegisterStreamizMembers(
            CompilationStartAnalysisContext context,
            StreamizCompilation streamiz,
            Action<MemberContext, StreamizMember> analyze) =>
            RegisterMembers(context, streamiz.MembersIn, analyze);

        /// <summary>Calls <paramref name="analyze"/> for each Streamiz call <paramref name="interesting"/> selects, in source order.</summary>
        private protected static void RegisterStreamizCalls(
            CompilationStartAnalysisContext context,
            StreamizCompilation streamiz,
            Func<IInvocationOperation, bool> interesting,
            Action<MemberContext, IInvocationOperation> analyze) =>
            RegisterCalls<StreamizMember>(context, streamiz.MembersIn, interesting, analyze);

        /// <summary>
        /// Calls <paramref name="analyze"/> once per file that names Streamiz, with its semantic model: for rules about
        /// code that need not call the library (config initialisers, extractors).
        /// </summary>
        private protected static void RegisterStreamizFiles(
            CompilationStartAnalysisContext context,
            Action<SemanticModelAnalysisContext> analyze) =>
            context.RegisterSemanticModelAction(c =>
            {
                if (TreeText.For(c.SemanticModel.SyntaxTree).IsRelevant(StreamizApi.Words, c.CancellationToken))
                {
                    analyze(c);
                }
            });
    }
}
