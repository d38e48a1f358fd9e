using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamLint.Spark;
using StreamLint.Spark.Pipeline;
using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Spark
{
    /// <summary>Runs the Spark pipeline model on a program, as the rules do, and renders each started query.</summary>
    internal static class PlanModel
    {
        public static IReadOnlyList<string> Dumps(params string[] sources)
        {
            CSharpCompilation compilation = CSharpCompilation.Create(
                "PlanModel",
                sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), $"/src/File{i}.cs")),
                LibraryReferences.For(Libraries.Spark),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            SparkCompilation spark = SparkCompilation.For(compilation)!;
            var dumps = new List<string>();
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                SemanticModel model = compilation.GetSemanticModel(tree);
                foreach (SparkMember member in spark.MembersIn(model, CancellationToken.None))
                {
                    dumps.AddRange(member.Queries(spark, CancellationToken.None).Select(PlanDump.Of));
                }
            }

            return dumps;
        }

        private static class Assert
        {
            public static void Empty(IEnumerable<Diagnostic> errors) => Xunit.Assert.Empty(errors.Select(e => e.ToString()));
        }
    }
}
