using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Kafka;
using StreamLint.Spark;
using StreamLint.Streamiz;

namespace StreamLint.Benchmarks
{
    /// <summary>
    /// The work every rule of a family shares, run on its own ahead of the rules so that its cost has a row of its own:
    /// per file, each referenced family's member pass (the members that call the library, bound once, with their
    /// calls) and, for Spark, the started queries of each member (their lineage, evaluated once for every rule).
    /// Without it the analyzer driver charges that work to whichever rule asks first. The rules then read it from
    /// the per-compilation caches, as they do from one another in a build. Benchmark only: not shipped.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class SharedPass : DiagnosticAnalyzer
    {
        public const string Name = "(shared per-file pass)";

        private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor(
            "PASS01", "shared pass", "shared pass", "Probe", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                SparkCompilation? spark = SparkCompilation.For(start.Compilation);
                StreamizCompilation? streamiz = StreamizCompilation.For(start.Compilation);
                KafkaCompilation? kafka = KafkaCompilation.For(start.Compilation);
                if (spark is null && streamiz is null && kafka is null)
                {
                    return;
                }

                start.RegisterSemanticModelAction(c =>
                {
                    if (spark is not null)
                    {
                        foreach (SparkMember member in spark.MembersIn(c.SemanticModel, c.CancellationToken))
                        {
                            _ = member.Queries(spark, c.CancellationToken);
                        }
                    }

                    _ = streamiz?.MembersIn(c.SemanticModel, c.CancellationToken);
                    _ = kafka?.MembersIn(c.SemanticModel, c.CancellationToken);
                });
            });
        }
    }
}
