using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StreamLint.Benchmarks
{
    /// <summary>
    /// Analyzers that do no work, for <c>--profile</c>: what the analyzer driver charges to an analyzer for the shape
    /// of its registrations alone (the floor under any rule written that way).
    /// </summary>
    internal static class Probes
    {
        private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor(
            "PROBE01", "probe", "probe", "Probe", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        /// <summary>Registers an operation block action that does nothing: the floor for the IDE latency run.</summary>
        public static DiagnosticAnalyzer OperationBlockProbe { get; } = new BlockAction();

        public static ImmutableArray<(string Name, DiagnosticAnalyzer Analyzer)> All { get; } = ImmutableArray.Create<(string, DiagnosticAnalyzer)>(
            ("empty (registers nothing)", new Empty()),
            ("operation block start + invocation + block end, no work", new BlockStart()),
            ("operation action on invocations, no work", new InvocationAction()),
            ("operation block action, no work", new BlockAction()));

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class Empty : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class BlockStart : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(start => start.RegisterOperationBlockStartAction(block =>
                {
                    block.RegisterOperationAction(_ => { }, OperationKind.Invocation);
                    block.RegisterOperationBlockEndAction(_ => { });
                }));
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class InvocationAction : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(start => start.RegisterOperationAction(_ => { }, OperationKind.Invocation));
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class BlockAction : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(start => start.RegisterOperationBlockAction(_ => { }));
            }
        }
    }
}
