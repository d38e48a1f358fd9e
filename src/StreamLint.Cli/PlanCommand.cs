using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using StreamLint.Core.Plans;

namespace StreamLint.Cli
{
    /// <summary>Loads the projects, runs the plan providers and the analyzers, renders, and decides the exit code.</summary>
    internal static class PlanCommand
    {
        public static async Task<int> RunAsync(PlanOptions options, CancellationToken cancellationToken)
        {
            string? path = Resolve(options.Path, out string? problem);
            if (path is null)
            {
                return Program.Fail(ExitCodes.Usage, problem!);
            }

            string root = Path.GetDirectoryName(path)!;
            var plans = new List<PlanReport>();
            var others = new List<PlanDiagnostic>();
            var unrestored = new List<string>();
            using (MSBuildWorkspace workspace = MSBuildWorkspace.Create())
            {
                var loadErrors = new List<string>();
                workspace.RegisterWorkspaceFailedHandler(e =>
                {
                    if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
                    {
                        loadErrors.Add(e.Diagnostic.Message);
                        Progress("warning: " + e.Diagnostic.Message);
                    }
                });

                IEnumerable<Project> projects;
                try
                {
                    Progress($"loading {Relative(root, path)}");
                    if (path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
                    {
                        Solution solution = await workspace.OpenSolutionAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
                        projects = solution.Projects;
                    }
                    else
                    {
                        Project project = await workspace.OpenProjectAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
                        projects = project.Solution.Projects.Where(p => p.Id == project.Id);
                    }
                }
                catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
                {
                    return Program.Fail(ExitCodes.LoadFailed, $"{Relative(root, path)} does not load: {e.Message}");
                }

                var list = projects.Where(p => p.Language == LanguageNames.CSharp).ToList();
                if (list.Count == 0)
                {
                    return Program.Fail(ExitCodes.LoadFailed, $"{Relative(root, path)} does not load: {(loadErrors.Count > 0 ? loadErrors[0] : "no C# project in it")}");
                }

                ImmutableArray<DiagnosticAnalyzer> analyzers = Analyzers();
                foreach (Project project in list)
                {
                    Progress($"compiling {project.Name}");
                    Compilation? compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                    if (compilation is null)
                    {
                        return Program.Fail(ExitCodes.LoadFailed, $"{project.Name} does not compile");
                    }

                    // A project whose packages were never restored loads without its references: every predefined type is missing.
                    if (compilation.GetDiagnostics(cancellationToken).Any(d => d.Id is "CS0518" or "CS0006"))
                    {
                        return Program.Fail(ExitCodes.LoadFailed, $"{project.Name} does not restore or load: its references are missing (run dotnet restore){(loadErrors.Count > 0 ? ": " + loadErrors[0] : string.Empty)}");
                    }

                    var projectPlans = PlanProviders.All.SelectMany(p => p.Plans(compilation, cancellationToken)).ToList();
                    if (projectPlans.Count == 0)
                    {
                        if (NeverRestored(project))
                        {
                            unrestored.Add(project.Name);
                        }

                        continue;
                    }

                    Progress($"analysing {project.Name}");
                    ImmutableArray<Diagnostic> diagnostics = analyzers.IsEmpty
                        ? ImmutableArray<Diagnostic>.Empty
                        : await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
                    var attached = new HashSet<Diagnostic>();
                    foreach (PlanReport plan in projectPlans)
                    {
                        var mine = diagnostics.Where(d => d.Location.IsInSource && plan.Contains(Location(d))).OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
                        attached.UnionWith(mine);
                        plans.Add(Relativize(plan.WithDiagnostics(mine.Select(d => Convert(d, root)).ToList()), root));
                    }

                    others.AddRange(diagnostics.Where(d => !attached.Contains(d) && d.Severity != DiagnosticSeverity.Hidden).Select(d => Convert(d, root)));
                }
            }

            if (plans.Count == 0 && unrestored.Count > 0)
            {
                // Without restore a project loads without its package references, so its streaming code is invisible.
                return Program.Fail(ExitCodes.LoadFailed, $"{unrestored[0]} does not restore: its packages were never restored (run dotnet restore)");
            }

            if (plans.Count == 0)
            {
                return Program.Fail(ExitCodes.NoStreamingCode, $"no streaming code found in {Relative(Directory.GetCurrentDirectory(), path)}");
            }

            string output = options.Format switch
            {
                "json" => PlanJson.Render(plans, others),
                "markdown" => PlanMarkdown.Render(plans),
                _ => null!,
            };
            if (options.Format == "text")
            {
                if (options.Output is null)
                {
                    TextOutput.Write(plans, others);
                }
                else
                {
                    output = PlanText.Render(plans) + string.Concat(others.Select(d => $"{d.Severity} {d.Id} {d.Location.File}:{d.Location.Line}: {d.Message}\n"));
                }
            }

            if (output is not null)
            {
                if (options.Output is { } file)
                {
                    File.WriteAllText(file, output);
                    Progress($"wrote {file}");
                }
                else
                {
                    Console.Out.Write(output);
                }
            }

            var all = plans.SelectMany(p => p.Diagnostics).Concat(others);
            bool fail = options.FailOn switch
            {
                "error" => all.Any(d => d.Severity == "error"),
                "warning" => all.Any(d => d.Severity is "error" or "warning"),
                _ => false,
            };
            return fail ? ExitCodes.DiagnosticsAtFailOn : ExitCodes.Ok;
        }

        /// <summary>The project or solution a path names: a file, or a directory holding exactly one.</summary>
        private static string? Resolve(string path, out string? problem)
        {
            problem = null;
            string full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                if (full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || full.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || full.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
                {
                    return full;
                }

                problem = $"{path} is not a project or solution (.csproj, .sln, .slnx)";
                return null;
            }

            if (Directory.Exists(full))
            {
                string[] candidates = Directory.GetFiles(full, "*.sln").Concat(Directory.GetFiles(full, "*.slnx")).ToArray();
                if (candidates.Length == 0)
                {
                    candidates = Directory.GetFiles(full, "*.csproj");
                }

                if (candidates.Length == 1)
                {
                    return candidates[0];
                }

                problem = candidates.Length == 0
                    ? $"{path} holds no project or solution"
                    : $"{path} holds several projects or solutions: name one";
                return null;
            }

            problem = $"{path} does not exist";
            return null;
        }

        private static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
            typeof(PlanProviders).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0 && t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        private static PlanLocation Location(Diagnostic d)
        {
            FileLinePositionSpan span = d.Location.GetLineSpan();
            return new PlanLocation(span.Path ?? string.Empty, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, d.Location.SourceSpan.Start, d.Location.SourceSpan.Length);
        }

        private static PlanDiagnostic Convert(Diagnostic d, string root)
        {
            PlanLocation location = Location(d);
            return new PlanDiagnostic(d.Id, d.Severity.ToString().ToLowerInvariant(), d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), location.WithFile(Relative(root, location.File)));
        }

        private static PlanReport Relativize(PlanReport plan, string root)
        {
            var relative = new PlanReport(plan.Family, plan.Kind, plan.Name, plan.Location.WithFile(Relative(root, plan.Location.File)), plan.Sources, plan.Steps,
                plan.EventTime, plan.Watermark, plan.OutputMode, plan.Trigger, plan.Sink, plan.Checkpoint, plan.Guarantee, plan.Extent, plan.Diagnostics);
            return relative;
        }

        /// <summary>Paths relative to the project's folder, with forward slashes, so reports read the same on every machine.</summary>
        private static string Relative(string root, string file) =>
            file.Length == 0 ? file : Path.GetRelativePath(root, file).Replace('\\', '/');

        /// <summary>
        /// A project that references packages but has no restore output (obj/project.assets.json next to it, or
        /// artifacts/obj/&lt;project&gt;/project.assets.json above it).
        /// </summary>
        private static bool NeverRestored(Project project)
        {
            if (project.FilePath is not { } file || !File.Exists(file) || !File.ReadAllText(file).Contains("PackageReference", StringComparison.Ordinal))
            {
                return false;
            }

            string directory = Path.GetDirectoryName(file)!;
            if (File.Exists(Path.Combine(directory, "obj", "project.assets.json")))
            {
                return false;
            }

            // With UseArtifactsOutput the restore output sits in artifacts/obj/<project>/ of the folder holding Directory.Build.props.
            string name = Path.GetFileNameWithoutExtension(file);
            for (DirectoryInfo? current = new DirectoryInfo(directory); current is not null; current = current.Parent)
            {
                if (File.Exists(Path.Combine(current.FullName, "artifacts", "obj", name, "project.assets.json")))
                {
                    return false;
                }
            }

            return true;
        }

        private static void Progress(string message) => Console.Error.WriteLine("streamlint: " + message);
    }
}
