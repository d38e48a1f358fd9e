using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Options;

namespace StreamLint.Rules
{
    /// <summary>
    /// SL9001: a StreamLint option whose value does not parse. Reported once per compilation for each key and value,
    /// whichever file's configuration carries it, so a bad global setting is one diagnostic, not one per file.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InvalidOptionAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SL9001_InvalidOption);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var reported = new ConcurrentDictionary<(string, string), bool>();
                start.RegisterSyntaxTreeAction(treeContext =>
                {
                    foreach (OptionProblem problem in StreamLintOptions.For(treeContext.Options, treeContext.Tree).Problems)
                    {
                        if (reported.TryAdd((problem.Key, problem.Value), true))
                        {
                            treeContext.ReportDiagnostic(Diagnostic.Create(
                                Descriptors.SL9001_InvalidOption,
                                Location.None,
                                problem.Key,
                                problem.Value,
                                problem.Error,
                                problem.DefaultValue));
                        }
                    }
                });
            });
        }
    }
}
