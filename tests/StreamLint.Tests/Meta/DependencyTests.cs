using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Meta
{
    /// <summary>
    /// The layering, checked on the sources by symbol: families depend on Core, Core depends on no family (nor on
    /// the product's top level), and families never use each other — in the analyzers and in the code fixes alike.
    /// </summary>
    public class DependencyTests
    {
        private static readonly string[] Families = { "Spark", "Streamiz", "Kafka" };

        [Fact]
        public void Analyzers_FollowTheLayers() =>
            AssertLayers("StreamLint.Analyzers", "StreamLint", LibraryReferences.Runtime);

        [Fact]
        public void CodeFixes_FollowTheLayers() =>
            AssertLayers(
                "StreamLint.CodeFixes",
                "StreamLint.CodeFixes",
                LibraryReferences.Runtime.Add(MetadataReference.CreateFromFile(typeof(StreamLint.Core.NameSet).Assembly.Location)));

        private static void AssertLayers(string project, string rootNamespace, ImmutableArray<MetadataReference> references)
        {
            string folder = Repository.PathOf("src", project);
            List<SyntaxTree> trees = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(path => !IsBuildOutput(folder, path))
                .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), path))
                .ToList();
            CSharpCompilation compilation = CSharpCompilation.Create(project, trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            var violations = new SortedSet<string>(StringComparer.Ordinal);
            foreach (SyntaxTree tree in trees)
            {
                string layer = LayerOfFile(folder, tree.FilePath);
                if (layer == "Top")
                {
                    continue; // the product's top level (descriptors, the family list, SL9001) may name every family
                }

                SemanticModel model = compilation.GetSemanticModel(tree);
                foreach (SimpleNameSyntax name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
                {
                    ISymbol? symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                    if (symbol is null or INamespaceSymbol || LayerOfSymbol(symbol, rootNamespace) is not { } used || used == layer || used == "Core")
                    {
                        continue;
                    }

                    if (layer == "Core" || Families.Contains(used))
                    {
                        FileLinePositionSpan where = name.GetLocation().GetLineSpan();
                        violations.Add($"{Path.GetRelativePath(folder, tree.FilePath)}:{where.StartLinePosition.Line + 1}: {layer} uses {used} ({symbol.ToDisplayString()})");
                    }
                }
            }

            Assert.Empty(violations);
            Assert.Contains(trees, t => LayerOfFile(folder, t.FilePath) == "Core");
        }

        private static bool IsBuildOutput(string folder, string path)
        {
            string first = Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar)[0];
            return first is "bin" or "obj";
        }

        /// <summary>Core, a family name, or Top, from the file's first folder.</summary>
        private static string LayerOfFile(string folder, string path)
        {
            string first = Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar)[0];
            return first == "Core" || Families.Contains(first) ? first : "Top";
        }

        /// <summary>The layer a symbol of the project belongs to, from its namespace; null for other assemblies' symbols.</summary>
        private static string? LayerOfSymbol(ISymbol symbol, string rootNamespace)
        {
            INamespaceSymbol? ns = symbol.ContainingNamespace;
            string name = ns?.ToDisplayString() ?? string.Empty;
            foreach (string root in new[] { rootNamespace, "StreamLint" }.Distinct())
            {
                foreach (string layer in Families.Append("Core"))
                {
                    if (name == root + "." + layer || name.StartsWith(root + "." + layer + ".", StringComparison.Ordinal))
                    {
                        return layer;
                    }
                }
            }

            return name == "StreamLint" || name.StartsWith("StreamLint.", StringComparison.Ordinal) ? "Top" : null;
        }
    }
}
