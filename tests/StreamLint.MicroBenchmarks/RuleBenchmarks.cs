using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StreamLint.MicroBenchmarks
{
    /// <summary>
    /// Each public StreamLint analyzer, alone, through <see cref="CompilationWithAnalyzers"/> on a fixed small
    /// compilation: its family's input (Spark, Streamiz, Kafka; the options rule on the Spark input), code that names no
    /// streaming library with every library referenced (the relevance scan: nothing should be admitted), and the same
    /// code with no library referenced (nothing should be registered). Every invocation analyses a compilation with a
    /// freshly parsed tree (references stay bound), so no per-tree or per-compilation cache of an earlier invocation is
    /// reused; "(driver only)" is the same work with a do-nothing per-file analyzer, the floor to subtract.
    /// </summary>
    [MemoryDiagnoser]
    public class RuleBenchmarks
    {
        public const string All = "(all)";
        public const string DriverOnly = "(driver only)";

        private static readonly Lazy<Compilation> SparkInput = new Lazy<Compilation>(() => Inputs.Create("Spark", Inputs.Spark, Inputs.SparkReference));
        private static readonly Lazy<Compilation> StreamizInput = new Lazy<Compilation>(() => Inputs.Create("Streamiz", Inputs.Streamiz, Inputs.StreamizReference));
        private static readonly Lazy<Compilation> KafkaInput = new Lazy<Compilation>(() => Inputs.Create("Kafka", Inputs.Kafka, Inputs.ConfluentReference));
        private static readonly Lazy<Compilation> RelevanceInput = new Lazy<Compilation>(() => Inputs.Create("Business", Inputs.Business, Inputs.SparkReference, Inputs.StreamizReference, Inputs.ConfluentReference));
        private static readonly Lazy<Compilation> NoReferenceInput = new Lazy<Compilation>(() => Inputs.Create("Business", Inputs.Business));

        private static readonly AnalyzerOptions EmptyOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

        private ImmutableArray<DiagnosticAnalyzer> analyzers;
        private Compilation family = null!;

        /// <summary>The analyzer's type name, <see cref="All"/> or <see cref="DriverOnly"/>.</summary>
        [ParamsSource(nameof(AnalyzerNames))]
        public string Analyzer { get; set; } = DriverOnly;

        public static IEnumerable<string> AnalyzerNames() =>
            new[] { DriverOnly, All }.Concat(StreamLintAnalyzers().Select(a => a.GetType().Name));

        /// <summary>Every non-abstract DiagnosticAnalyzer with [DiagnosticAnalyzer] in the analyzer assembly, so new rules are measured too.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> StreamLintAnalyzers() =>
            typeof(global::StreamLint.Options.InvalidOptionAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        [GlobalSetup]
        public void Setup()
        {
            this.analyzers = this.Analyzer switch
            {
                DriverOnly => ImmutableArray.Create<DiagnosticAnalyzer>(new PerFileProbe()),
                All => StreamLintAnalyzers(),
                _ => StreamLintAnalyzers().Where(a => a.GetType().Name == this.Analyzer).ToImmutableArray(),
            };
            string? ns = this.analyzers.Length == 1 ? this.analyzers[0].GetType().Namespace : null;
            this.family = ns is not null && ns.StartsWith("StreamLint.Streamiz", StringComparison.Ordinal) ? StreamizInput.Value
                : ns is not null && ns.StartsWith("StreamLint.Kafka", StringComparison.Ordinal) ? KafkaInput.Value
                : SparkInput.Value;
            _ = RelevanceInput.Value;
            _ = NoReferenceInput.Value;
        }

        /// <summary>The analyzer on its family's fixed input (the Spark input for the options rule, "(all)" and the floor).</summary>
        [Benchmark]
        public int OwnFamily() => Run(this.family, this.analyzers);

        /// <summary>Ordinary code with every streaming library referenced: the relevance scan admits nothing.</summary>
        [Benchmark]
        public int Relevance() => Run(RelevanceInput.Value, this.analyzers);

        /// <summary>Ordinary code with no streaming library referenced: the analyzer should register nothing.</summary>
        [Benchmark]
        public int NoReference() => Run(NoReferenceInput.Value, this.analyzers);

        private static int Run(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            SyntaxTree old = compilation.SyntaxTrees.First();
            SyntaxTree fresh = CSharpSyntaxTree.ParseText(old.GetText(), (CSharpParseOptions)old.Options, old.FilePath);
            Compilation input = compilation.ReplaceSyntaxTree(old, fresh);
            var withAnalyzers = input.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(EmptyOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            return withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
        }

        /// <summary>The registration shape of StreamLint's rules (one semantic-model action per file) doing nothing.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class PerFileProbe : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("PROBE01", "probe", "probe", "probe", DiagnosticSeverity.Warning, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterSemanticModelAction(_ => { });
            }
        }
    }
}
