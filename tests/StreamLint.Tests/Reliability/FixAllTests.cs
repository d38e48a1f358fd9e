using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace StreamLint.Tests.Reliability
{
    /// <summary>
    /// Fix All over the corpus (one project per seed and sample), for every fix and equivalence key offered, in
    /// document, project and solution scope: it fixes every diagnostic it was offered for, touches nothing outside its
    /// scope, adds no compiler error, and a second Fix All changes nothing.
    /// </summary>
    public class FixAllTests
    {
        private readonly ITestOutputHelper output;

        public FixAllTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task FixAll_InEveryScope_FixesWhatItOffers_AddsNoError_AndIsIdempotent()
        {
            CancellationToken cancellationToken = CancellationToken.None;
            ImmutableArray<SourceCase> sources = Corpus.All;
            using var workspace = new AdhocWorkspace();
            (Solution solution, ImmutableArray<DocumentId> documents) = Harness.CreateSolution(workspace, sources);
            var provider = new AnalyzerDiagnosticProvider();

            // Which fixer offers which equivalence key in which document, and for which diagnostics.
            var offered = new SortedDictionary<(string Fixer, string Key), (CodeFixProvider Fixer, SortedSet<DocumentId> Documents)>();
            var offeredFor = new Dictionary<(DocumentId, string, string), int>();
            foreach (DocumentId documentId in documents)
            {
                Document document = solution.GetDocument(documentId)!;
                foreach (Diagnostic diagnostic in await provider.GetDocumentDiagnosticsAsync(document, cancellationToken))
                {
                    foreach ((CodeFixProvider fixer, CodeAction action) in await Harness.FixesForAsync(document, diagnostic, cancellationToken))
                    {
                        Assert.False(string.IsNullOrEmpty(action.EquivalenceKey), $"{fixer.GetType().Name} offers '{action.Title}' without an equivalence key: Fix All cannot group it");
                        var key = (fixer.GetType().Name, action.EquivalenceKey!);
                        if (!offered.TryGetValue(key, out var entry))
                        {
                            offered[key] = entry = (fixer, new SortedSet<DocumentId>(Comparer<DocumentId>.Create((a, b) => documents.IndexOf(a).CompareTo(documents.IndexOf(b)))));
                        }

                        entry.Documents.Add(documentId);
                        offeredFor[(documentId, key.Item1, key.Item2)] = offeredFor.TryGetValue((documentId, key.Item1, key.Item2), out int n) ? n + 1 : 1;
                    }
                }
            }

            Assert.NotEmpty(offered);
            int runs = 0;
            foreach (((string fixerName, string key), (CodeFixProvider fixer, SortedSet<DocumentId> withFix)) in offered)
            {
                FixAllProvider fixAll = fixer.GetFixAllProvider()!;
                var targets = new List<(FixAllScope Scope, ImmutableArray<DocumentId> InScope, Func<Solution, FixAllContext> Context)>();
                foreach (DocumentId documentId in withFix)
                {
                    targets.Add((FixAllScope.Document, ImmutableArray.Create(documentId), s => new FixAllContext(s.GetDocument(documentId)!, fixer, FixAllScope.Document, key, fixer.FixableDiagnosticIds, provider, cancellationToken)));
                    ProjectId projectId = documentId.ProjectId;
                    targets.Add((FixAllScope.Project, solution.GetProject(projectId)!.DocumentIds.ToImmutableArray(), s => new FixAllContext(s.GetProject(projectId)!, fixer, FixAllScope.Project, key, fixer.FixableDiagnosticIds, provider, cancellationToken)));
                }

                ProjectId firstProject = withFix.First().ProjectId;
                targets.Add((FixAllScope.Solution, documents, s => new FixAllContext(s.GetProject(firstProject)!, fixer, FixAllScope.Solution, key, fixer.FixableDiagnosticIds, provider, cancellationToken)));

                int fixedDiagnostics = 0;
                foreach ((FixAllScope scope, ImmutableArray<DocumentId> inScope, Func<Solution, FixAllContext> context) in targets)
                {
                    string label = $"{fixerName} '{key}' Fix All in {scope} scope ({string.Join(", ", inScope.Select(d => solution.GetDocument(d)!.Project.Name))})";
                    int before = inScope.Sum(d => offeredFor.TryGetValue((d, fixerName, key), out int n) ? n : 0);
                    Assert.True(before > 0, label + ": nothing offered before");

                    CodeAction? action = await fixAll.GetFixAsync(context(solution));
                    Assert.True(action is not null, label + ": no Fix All action");
                    Solution fixedSolution = (await Harness.ApplyAsync(action!, cancellationToken))!;
                    Assert.True(fixedSolution is not null, label + ": the action changes nothing");
                    runs++;

                    // Only documents in scope change, every one of them still compiles, and nothing offered is left.
                    foreach (DocumentId documentId in documents)
                    {
                        string original = (await solution.GetDocument(documentId)!.GetTextAsync(cancellationToken)).ToString();
                        string now = (await fixedSolution!.GetDocument(documentId)!.GetTextAsync(cancellationToken)).ToString();
                        if (!inScope.Contains(documentId))
                        {
                            Assert.True(original == now, $"{label} changed {sources[documents.IndexOf(documentId)].Name}, which is out of scope");
                            continue;
                        }

                        SourceCase source = sources[documents.IndexOf(documentId)];
                        ImmutableArray<Diagnostic> errors = Harness.Errors(Harness.Compile(source.WithText(source.Name + " fixed", now)));
                        Assert.True(errors.IsEmpty, $"{label} broke {source.Name}:\n{string.Join("\n", errors.Take(5))}");
                    }

                    ImmutableArray<Diagnostic> after = await this.OfferedAsync(fixedSolution!, inScope, fixer, key, provider, cancellationToken);
                    Assert.True(after.IsEmpty, $"{label} left diagnostics its fix still applies to:\n{string.Join("\n", after.Select(Harness.Describe))}");
                    fixedDiagnostics += before;

                    // Idempotence: Fix All again finds nothing to do, or does nothing.
                    CodeAction? again = await fixAll.GetFixAsync(context(fixedSolution!));
                    if (again is not null)
                    {
                        Solution? twice = await Harness.ApplyAsync(again, cancellationToken);
                        foreach (DocumentId documentId in twice is null ? Enumerable.Empty<DocumentId>() : documents)
                        {
                            string once = (await fixedSolution!.GetDocument(documentId)!.GetTextAsync(cancellationToken)).ToString();
                            string second = (await twice!.GetDocument(documentId)!.GetTextAsync(cancellationToken)).ToString();
                            Assert.True(once == second, $"{label}: a second Fix All changed {sources[documents.IndexOf(documentId)].Name} again");
                        }
                    }
                }

                this.output.WriteLine($"{fixerName} '{key}': offered in {withFix.Count} documents; {targets.Count} Fix All runs fixed {fixedDiagnostics} diagnostics, added no error, idempotent");
            }

            this.output.WriteLine($"{runs} Fix All runs over {documents.Length} programs");
        }

        /// <summary>
        /// Fix All in one project of several documents (every library seed; the program with top-level statements is
        /// left out, a project can only have one, and so is the seed that declares its own Microsoft.Spark types): for every fixer and key offered anywhere in the project, project and
        /// solution scope fix every diagnostic in every document at once (several per document, and edits of different
        /// diagnostics in the same statement), the project still compiles, and nothing it was offered for is left.
        /// </summary>
        [Fact]
        public async Task FixAll_InAMultiDocumentProject_FixesEveryDocument()
        {
            CancellationToken cancellationToken = CancellationToken.None;
            ImmutableArray<SourceCase> sources = Corpus.Seeds.Where(s => s.Kind == OutputKind.DynamicallyLinkedLibrary && !s.Name.EndsWith("FakeSpark.cs", StringComparison.Ordinal)).ToImmutableArray();
            using var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId("Seeds");
            Solution solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Seeds",
                "Seeds",
                LanguageNames.CSharp,
                compilationOptions: Harness.CompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: Harness.ParseOptions,
                metadataReferences: Harness.References));
            var documents = ImmutableArray.CreateBuilder<DocumentId>();
            foreach (SourceCase source in sources)
            {
                var documentId = DocumentId.CreateNewId(projectId, source.Name);
                string file = source.Name.Replace("seed/", string.Empty);
                solution = solution.AddDocument(documentId, file, Microsoft.CodeAnalysis.Text.SourceText.From(source.Text, System.Text.Encoding.UTF8), filePath: "/src/Seeds/" + file);
                documents.Add(documentId);
            }

            Compilation original = (await solution.GetProject(projectId)!.GetCompilationAsync(cancellationToken))!;
            Assert.True(Harness.Errors(original).IsEmpty, "the seeds must compile together:\n" + string.Join("\n", Harness.Errors(original).Take(10)));

            var provider = new AnalyzerDiagnosticProvider();
            var offered = new SortedDictionary<(string Fixer, string Key), (CodeFixProvider Fixer, HashSet<DocumentId> Documents, int Count)>();
            foreach (DocumentId documentId in documents)
            {
                Document document = solution.GetDocument(documentId)!;
                foreach (Diagnostic diagnostic in await provider.GetDocumentDiagnosticsAsync(document, cancellationToken))
                {
                    foreach ((CodeFixProvider fixer, CodeAction action) in await Harness.FixesForAsync(document, diagnostic, cancellationToken))
                    {
                        var key = (fixer.GetType().Name, action.EquivalenceKey!);
                        (CodeFixProvider Fixer, HashSet<DocumentId> Documents, int Count) entry = offered.TryGetValue(key, out var e) ? e : (fixer, new HashSet<DocumentId>(), 0);
                        entry.Documents.Add(documentId);
                        offered[key] = (entry.Fixer, entry.Documents, entry.Count + 1);
                    }
                }
            }

            Assert.NotEmpty(offered);
            foreach (((string fixerName, string key), (CodeFixProvider fixer, HashSet<DocumentId> withFix, int count)) in offered)
            {
                foreach (FixAllScope scope in new[] { FixAllScope.Project, FixAllScope.Solution })
                {
                    string label = $"{fixerName} '{key}' Fix All in {scope} scope over {withFix.Count} documents ({count} diagnostics)";
                    var context = new FixAllContext(solution.GetProject(projectId)!, fixer, scope, key, fixer.FixableDiagnosticIds, provider, cancellationToken);
                    CodeAction? action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
                    Assert.True(action is not null, label + ": no Fix All action");
                    Solution? fixedSolution = await Harness.ApplyAsync(action!, cancellationToken);
                    Assert.True(fixedSolution is not null, label + ": the action changes nothing");
                    foreach (DocumentId documentId in withFix)
                    {
                        string before = (await solution.GetDocument(documentId)!.GetTextAsync(cancellationToken)).ToString();
                        string after = (await fixedSolution!.GetDocument(documentId)!.GetTextAsync(cancellationToken)).ToString();
                        Assert.True(before != after, $"{label} left {solution.GetDocument(documentId)!.Name} unchanged");
                    }

                    Compilation compilation = (await fixedSolution!.GetProject(projectId)!.GetCompilationAsync(cancellationToken))!;
                    ImmutableArray<Diagnostic> errors = Harness.Errors(compilation);
                    Assert.True(errors.IsEmpty, $"{label} broke the project:\n{string.Join("\n", errors.Take(5))}");
                    ImmutableArray<Diagnostic> left = await this.OfferedAsync(fixedSolution, documents.ToImmutable(), fixer, key, provider, cancellationToken);
                    Assert.True(left.IsEmpty, $"{label} left diagnostics its fix still applies to:\n{string.Join("\n", left.Select(Harness.Describe))}");
                }

                this.output.WriteLine($"{fixerName} '{key}': {count} diagnostics in {withFix.Count} documents of one project, fixed at once in project and solution scope");
            }
        }

        /// <summary>The diagnostics in <paramref name="documentIds"/> for which <paramref name="fixer"/> offers <paramref name="key"/>.</summary>
        private async Task<ImmutableArray<Diagnostic>> OfferedAsync(Solution solution, ImmutableArray<DocumentId> documentIds, CodeFixProvider fixer, string key, AnalyzerDiagnosticProvider provider, CancellationToken cancellationToken)
        {
            var result = ImmutableArray.CreateBuilder<Diagnostic>();
            foreach (DocumentId documentId in documentIds)
            {
                Document document = solution.GetDocument(documentId)!;
                foreach (Diagnostic diagnostic in await provider.GetDocumentDiagnosticsAsync(document, cancellationToken))
                {
                    if ((await Harness.FixesForAsync(document, diagnostic, cancellationToken)).Any(f => f.Fixer == fixer && f.Action.EquivalenceKey == key))
                    {
                        result.Add(diagnostic);
                    }
                }
            }

            return result.ToImmutable();
        }

        /// <summary>Runs every StreamLint analyzer on a project's compilation (once per compilation) for Fix All.</summary>
        private sealed class AnalyzerDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly ConditionalWeakTable<Compilation, Task<ImmutableArray<Diagnostic>>> cache = new ConditionalWeakTable<Compilation, Task<ImmutableArray<Diagnostic>>>();

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                SyntaxTree? tree = await document.GetSyntaxTreeAsync(cancellationToken);
                return (await this.AllAsync(document.Project, cancellationToken)).Where(d => d.Location.SourceTree == tree);
            }

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                (await this.AllAsync(project, cancellationToken)).Where(d => !d.Location.IsInSource);

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                await this.AllAsync(project, cancellationToken);

            private async Task<ImmutableArray<Diagnostic>> AllAsync(Project project, CancellationToken cancellationToken)
            {
                Compilation compilation = (await project.GetCompilationAsync(cancellationToken))!;
                return await this.cache.GetValue(compilation, async c =>
                {
                    AnalysisRun run = await Harness.AnalyzeAsync(c, concurrent: true, cancellationToken: cancellationToken);
                    Assert.Empty(run.Exceptions);
                    return run.Diagnostics;
                });
            }
        }
    }
}
