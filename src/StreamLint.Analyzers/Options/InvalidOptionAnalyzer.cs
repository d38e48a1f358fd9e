using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Core.Options;

namespace StreamLint.Options
{
    /// <summary>
    /// SL9001: a StreamLint option whose value does not parse. Only the options of families whose library the project
    /// references are read (an option no rule can read needs no validation), so a project without any streaming library
    /// registers nothing. Reported once per compilation for each key and value, whichever file's configuration carries
    /// it, and each distinct configuration is read once, not once per file.
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
                if (Families.AnyLibraryIn(start.Compilation))
                {
                    ValidateOptions(start);
                }
            });
        }

        /// <summary>Registers the check of the options of every family whose library the compilation references.</summary>
        private static void ValidateOptions(CompilationStartAnalysisContext start)
        {
            var options = new List<OptionDefinition>();
            foreach (Family family in Families.All)
            {
                if (family.IsReferencedBy(start.Compilation))
                {
                    options.AddRange(family.Options);
                }
            }

            if (options.Count == 0)
            {
                return;
            }

            var seenConfigurations = new ConcurrentDictionary<StreamLintOptions, bool>();
            var reported = new ConcurrentDictionary<(string, string), bool>();
            start.RegisterSyntaxTreeAction(treeContext =>
            {
                StreamLintOptions values = StreamLintOptions.For(treeContext.Options, treeContext.Tree);
                if (!seenConfigurations.TryAdd(values, true))
                {
                    return;
                }

                foreach (OptionDefinition option in options)
                {
                    if (values.ProblemWith(option) is { } problem && reported.TryAdd((problem.Key, problem.Value), true))
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
        }
    }
}
