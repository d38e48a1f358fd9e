using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Core
{
    /// <summary>
    /// Base of every library rule: resolves the family's context once per compilation (<see cref="Resolve"/>) and
    /// registers nothing at all when the library is not referenced, so a project without it pays one lookup.
    /// </summary>
    /// <typeparam name="TContext">The family's per-compilation context (resolved symbols, model caches).</typeparam>
    public abstract class LibraryAnalyzer<TContext> : DiagnosticAnalyzer
        where TContext : class
    {
        private protected LibraryAnalyzer(params DiagnosticDescriptor[] descriptors) =>
            this.SupportedDiagnostics = ImmutableArray.Create(descriptors);

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated files and members are not analysed (no Analyze flag). ReportDiagnostics spares every diagnostic
            // the driver's generated-code test, which on the first diagnostic of a file binds the attributes of every
            // symbol declared in it. The rules only report inside members they analyse, which are not generated.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                if (ReferenceNames.MayReference(start.Compilation, this.LibraryAssembly) && this.Resolve(start.Compilation) is { } library)
                {
                    this.OnCompilationStart(start, library);
                }
            });
        }

        /// <summary>The name of the family's library assembly: a compilation that references nothing so named is left alone before anything is resolved.</summary>
        private protected abstract string LibraryAssembly { get; }

        /// <summary>The family's context for <paramref name="compilation"/>, cached by the family; null when the library is not referenced.</summary>
        private protected abstract TContext? Resolve(Compilation compilation);

        private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, TContext library);

        /// <summary>
        /// Calls <paramref name="analyze"/> for every member of a file that calls the library, as
        /// <paramref name="membersIn"/> finds them. One semantic-model action per file, not an operation-block action
        /// per member: the members are found once per file for all of a family's rules, files that name none of its
        /// API cost one cached check, and diagnostics stay local to the file (live in the IDE and fixable).
        /// </summary>
        private protected static void RegisterMembers<TMember>(
            CompilationStartAnalysisContext context,
            Func<SemanticModel, CancellationToken, ImmutableArray<TMember>> membersIn,
            Action<MemberContext, TMember> analyze)
            where TMember : ILibraryMember =>
            context.RegisterSemanticModelAction(c =>
            {
                ImmutableArray<TMember> members = membersIn(c.SemanticModel, c.CancellationToken);
                FileReporter? file = members.IsEmpty ? null : new FileReporter(c);
                foreach (TMember member in members)
                {
                    analyze(new MemberContext(member.Code, file!), member);
                }
            });

        /// <summary>
        /// Calls <paramref name="analyze"/> for each call to the library that <paramref name="interesting"/> selects (a
        /// cheap test on the bound method), in source order, with its member in view.
        /// </summary>
        private protected static void RegisterCalls<TMember>(
            CompilationStartAnalysisContext context,
            Func<SemanticModel, CancellationToken, ImmutableArray<TMember>> membersIn,
            Func<IInvocationOperation, bool> interesting,
            Action<MemberContext, IInvocationOperation> analyze)
            where TMember : ILibraryMember =>
            RegisterMembers<TMember>(context, membersIn, (member, code) =>
            {
                foreach (IInvocationOperation call in code.Code.Calls)
                {
                    if (interesting(call))
                    {
                        analyze(member, call);
                    }
                }
            });
    }
}
