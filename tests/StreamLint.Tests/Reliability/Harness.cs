using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Reliability
{
    /// <summary>The result of running analyzers over a compilation, with every analyzer exception the host saw.</summary>
    internal sealed class AnalysisRun
    {
        public AnalysisRun(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<string> exceptions)
        {
            this.Diagnostics = diagnostics;
            this.Exceptions = exceptions;
        }

        /// <summary>Diagnostics of the StreamLint rules (analyzer-exception diagnostics are in <see cref="Exceptions"/>).</summary>
        public ImmutableArray<Diagnostic> Diagnostics { get; }

        /// <summary>onAnalyzerException callbacks and AD* diagnostics, as text; must be empty.</summary>
        public ImmutableArray<string> Exceptions { get; }
    }

    /// <summary>Compiles programs against the libraries StreamLint covers and runs every StreamLint analyzer and code fix on them.</summary>
    internal static class Harness
    {
        public const string SourcePath = "/src/Program.cs";

        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        private static readonly ConcurrentDictionary<OutputKind, CSharpCompilation> BaseCompilations = new ConcurrentDictionary<OutputKind, CSharpCompilation>();

        /// <summary>The runtime plus every library StreamLint has rules for (the Spark stub, Streamiz.Kafka.Net, Confluent.Kafka).</summary>
        public static ImmutableArray<MetadataReference> References { get; } = LibraryReferences.For(Libraries.Spark | Libraries.Streamiz | Libraries.Kafka);

        /// <summary>Every rule ID the shipped analyzers can report.</summary>
        public static ImmutableHashSet<string> RuleIds { get; } = Repository.Descriptors.Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>
        /// Every equivalence key the shipped fixers can offer: their public string constants named <c>…Key</c> (the
        /// convention RuleCatalogueTests enforces), e.g. <c>SL1010.AddCheckpointLocation</c>.
        /// </summary>
        public static ImmutableSortedSet<string> FixEquivalenceKeys { get; } =
            Repository.CodeFixes
                .SelectMany(f => f.GetType().GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Key", StringComparison.Ordinal))
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToImmutableSortedSet(StringComparer.Ordinal);

        public static CSharpCompilationOptions CompilationOptions(OutputKind kind) =>
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable);

        public static SyntaxTree Parse(string text, string path = SourcePath) =>
            CSharpSyntaxTree.ParseText(SourceText.From(text, System.Text.Encoding.UTF8), ParseOptions, path);

        /// <summary>A compilation of one file; the references are bound once per output kind and shared.</summary>
        public static Compilation Compile(SourceCase source) =>
            BaseCompilation(source.Kind).AddSyntaxTrees(Parse(source.Text));

        /// <summary>
        /// A new compilation of several files: a new Compilation object (so no analyzer state keyed by the compilation
        /// carries over), sharing only the bound references with earlier ones.
        /// </summary>
        public static Compilation Compile(IEnumerable<SyntaxTree> trees, OutputKind kind) =>
            BaseCompilation(kind).AddSyntaxTrees(trees);

        public static ImmutableArray<Diagnostic> Errors(Compilation compilation, CancellationToken cancellationToken = default) =>
            compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

        public static async Task<AnalysisRun> AnalyzeAsync(
            Compilation compilation,
            bool concurrent,
            AnalyzerOptions? options = null,
            ImmutableArray<DiagnosticAnalyzer> analyzers = default,
            CancellationToken cancellationToken = default)
        {
            var exceptions = new ConcurrentQueue<string>();
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers.IsDefault ? Repository.Analyzers : analyzers,
                new CompilationWithAnalyzersOptions(
                    options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
                    concurrentAnalysis: concurrent,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false));
            ImmutableArray<Diagnostic> all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in all.Where(d => !RuleIds.Contains(d.Id)))
            {
                // AD0001 (analyzer exception) and anything else that is not a StreamLint rule.
                exceptions.Enqueue($"{diagnostic.Id}: {diagnostic.GetMessage()}");
            }

            return new AnalysisRun(all.Where(d => RuleIds.Contains(d.Id)).ToImmutableArray(), exceptions.ToImmutableArray());
        }

        /// <summary>A workspace solution with one project per source (the same options and references as <see cref="Compile"/>).</summary>
        public static (Solution Solution, ImmutableArray<DocumentId> Documents) CreateSolution(AdhocWorkspace workspace, IReadOnlyList<SourceCase> sources)
        {
            Solution solution = workspace.CurrentSolution;
            var documents = ImmutableArray.CreateBuilder<DocumentId>();
            for (int i = 0; i < sources.Count; i++)
            {
                var projectId = ProjectId.CreateNewId("Project" + i);
                string name = "Project" + i;
                solution = solution.AddProject(ProjectInfo.Create(
                    projectId,
                    VersionStamp.Default,
                    name,
                    name,
                    LanguageNames.CSharp,
                    compilationOptions: CompilationOptions(sources[i].Kind),
                    parseOptions: ParseOptions,
                    metadataReferences: References));
                var documentId = DocumentId.CreateNewId(projectId, sources[i].Name);
                solution = solution.AddDocument(documentId, "Program.cs", SourceText.From(sources[i].Text, System.Text.Encoding.UTF8), filePath: $"/src/{name}/Program.cs");
                documents.Add(documentId);
            }

            return (solution, documents.ToImmutable());
        }

        /// <summary>The code actions every shipped fixer offers for <paramref name="diagnostic"/> (nested actions flattened).</summary>
        public static async Task<ImmutableArray<(CodeFixProvider Fixer, CodeAction Action)>> FixesForAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var result = ImmutableArray.CreateBuilder<(CodeFixProvider, CodeAction)>();
            foreach (CodeFixProvider fixer in Repository.CodeFixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                foreach (CodeAction action in actions.SelectMany(Flatten))
                {
                    result.Add((fixer, action));
                }
            }

            return result.ToImmutable();
        }

        /// <summary>The solution a code action produces (its ApplyChangesOperation); null when it changes nothing in the solution.</summary>
        public static async Task<Solution?> ApplyAsync(CodeAction action, CancellationToken cancellationToken)
        {
            ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            Solution? changed = null;
            foreach (CodeActionOperation operation in operations)
            {
                if (operation is ApplyChangesOperation apply)
                {
                    if (changed is not null)
                    {
                        throw new InvalidOperationException($"Code action '{action.Title}' returned several ApplyChangesOperations.");
                    }

                    changed = apply.ChangedSolution;
                }
            }

            return changed;
        }

        /// <summary>Nested code actions are not public API in Roslyn 4.8: read them by reflection.</summary>
        public static IEnumerable<CodeAction> Flatten(CodeAction action)
        {
            PropertyInfo? nestedProperty = typeof(CodeAction).GetProperty("NestedActions", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                ?? typeof(CodeAction).GetProperty("NestedCodeActions", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            if (nestedProperty?.GetValue(action) is ImmutableArray<CodeAction> { IsDefaultOrEmpty: false } nested)
            {
                return nested.SelectMany(Flatten);
            }

            return new[] { action };
        }

        /// <summary>Compiler errors of a file's text, parsed anew (what a user gets when the fixed file is saved and built).</summary>
        public static int ErrorCount(SourceCase source) => Errors(Compile(source)).Length;

        /// <summary>A short description of a diagnostic, stable across runs.</summary>
        public static string Describe(Diagnostic diagnostic)
        {
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            return $"{diagnostic.Id} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}-{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        /// <summary>
        /// <paramref name="source"/> as the only document of a workspace project, forked from one shared solution per
        /// output kind whose compilation is already built: the project's compilation is then derived incrementally
        /// (references bound once), yet it is a new Compilation object, so no analyzer state carries over.
        /// </summary>
        public static async Task<Document> DocumentAsync(SourceCase source, CancellationToken cancellationToken)
        {
            (Solution solution, DocumentId document) = await BaseSolutions.GetOrAdd(source.Kind, CreateBaseSolution).ConfigureAwait(false);
            return solution.WithDocumentText(document, SourceText.From(source.Text, System.Text.Encoding.UTF8)).GetDocument(document)!;
        }

        private static readonly ConcurrentDictionary<OutputKind, Task<(Solution, DocumentId)>> BaseSolutions = new ConcurrentDictionary<OutputKind, Task<(Solution, DocumentId)>>();

        private static async Task<(Solution, DocumentId)> CreateBaseSolution(OutputKind kind)
        {
            var workspace = new AdhocWorkspace(); // lives as long as the test process, like the solution forked from it
            (Solution solution, ImmutableArray<DocumentId> documents) = CreateSolution(workspace, new[] { new SourceCase("empty", string.Empty, kind) });
            await solution.GetProject(documents[0].ProjectId)!.GetCompilationAsync().ConfigureAwait(false);
            return (solution, documents[0]);
        }

        private static CSharpCompilation BaseCompilation(OutputKind kind) =>
            BaseCompilations.GetOrAdd(kind, k => CSharpCompilation.Create("Reliability", syntaxTrees: null, References, CompilationOptions(k)));
    }

    /// <summary>.editorconfig-style options given to the analyzers directly (the same for every file).</summary>
    internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options options;

        public TestOptionsProvider(IReadOnlyDictionary<string, string> values) => this.options = new Options(values);

        public override AnalyzerConfigOptions GlobalOptions => this.options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => this.options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => this.options;

        public static AnalyzerOptions Create(IReadOnlyDictionary<string, string> values) =>
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestOptionsProvider(values));

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> values;

            public Options(IReadOnlyDictionary<string, string> values) =>
                this.values = values.ToImmutableDictionary(KeyComparer);

            public override IEnumerable<string> Keys => this.values.Keys;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
                this.values.TryGetValue(key, out value);
        }
    }
}
