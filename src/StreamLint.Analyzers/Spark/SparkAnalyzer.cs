using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StreamLint.Spark
{
    /// <summary>
    /// Base of every Microsoft.Spark rule: resolves the library once per compilation and registers nothing at all
    /// when it is not referenced.
    /// </summary>
    public abstract class SparkAnalyzer : DiagnosticAnalyzer
    {
        private protected SparkAnalyzer(params DiagnosticDescriptor[] descriptors) =>
            this.SupportedDiagnostics = ImmutableArray.Create(descriptors);

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (SparkCompilation.For(start.Compilation) is { } spark)
                {
                    this.OnSparkCompilationStart(start, spark);
                }
            });
        }

        private protected abstract void OnSparkCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark);
    }
}
