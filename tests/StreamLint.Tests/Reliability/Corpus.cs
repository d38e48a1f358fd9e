using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Reliability
{
    /// <summary>One C# program the reliability tests analyse: a seed, the sample, a mutant or a generated corpus file.</summary>
    internal sealed class SourceCase
    {
        /// <summary>The comment prefix of a seed line that declares an analyzer option: <c>// streamlint-option: key = value</c>.</summary>
        public const string OptionComment = "// streamlint-option:";

        public SourceCase(string name, string text, OutputKind kind, ImmutableDictionary<string, string>? options = null)
        {
            this.Name = name;
            this.Text = text;
            this.Kind = kind;
            this.Options = options ?? ImmutableDictionary<string, string>.Empty;
        }

        /// <summary>
        /// The analyzer options the program is analysed with (from its <see cref="OptionComment"/> lines; mutants keep
        /// their seed's options, so an option a rule needs stays set however the text is mutated).
        /// </summary>
        public ImmutableDictionary<string, string> Options { get; }

        /// <summary>The options as analyzer options; null when there are none (the defaults).</summary>
        public Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions? AnalyzerOptions =>
            this.Options.IsEmpty ? null : TestOptionsProvider.Create(this.Options);

        public string Name { get; }

        public string Text { get; }

        /// <summary>Executable for programs with top-level statements, a library otherwise.</summary>
        public OutputKind Kind { get; }

        public SourceCase WithText(string name, string text) => new SourceCase(name, text, this.Kind, this.Options);

        public static SourceCase From(string name, string text) =>
            new SourceCase(name, text, HasTopLevelStatements(text) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, DeclaredOptions(text));

        private static ImmutableDictionary<string, string> DeclaredOptions(string text)
        {
            var options = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (string line in text.Split('\n'))
            {
                string trimmed = line.Trim();
                int equals = trimmed.IndexOf('=');
                if (trimmed.StartsWith(OptionComment, StringComparison.Ordinal) && equals > OptionComment.Length)
                {
                    options[trimmed.Substring(OptionComment.Length, equals - OptionComment.Length).Trim()] = trimmed.Substring(equals + 1).Trim();
                }
            }

            return options.ToImmutable();
        }

        private static bool HasTopLevelStatements(string text) =>
            CSharpSyntaxTree.ParseText(text, Harness.ParseOptions).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();

        public override string ToString() => this.Name;
    }

    /// <summary>
    /// The programs the reliability tests start from: the seed corpus under Reliability/Seeds (embedded in the test
    /// assembly) and, when the repository has it, every C# file of the sample programs under docs/sample, read at run time.
    /// </summary>
    internal static class Corpus
    {
        private const string SeedPrefix = "StreamLint.Tests.Reliability.Seeds.";

        private static readonly Lazy<ImmutableArray<SourceCase>> LazySeeds = new Lazy<ImmutableArray<SourceCase>>(LoadSeeds);

        public static ImmutableArray<SourceCase> Seeds => LazySeeds.Value;

        /// <summary>docs/sample/**/*.cs (build output excluded); empty while the sample is not in the repository.</summary>
        public static ImmutableArray<SourceCase> Samples
        {
            get
            {
                string root = Repository.PathOf("docs", "sample");
                if (!Directory.Exists(root))
                {
                    return ImmutableArray<SourceCase>.Empty;
                }

                return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                    .Where(path => !Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                    .OrderBy(path => path, StringComparer.Ordinal)
                    .Select(path => SourceCase.From("sample/" + Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)))
                    .ToImmutableArray();
            }
        }

        /// <summary>Seeds then samples: everything the fuzzer and the determinism and Fix All tests start from.</summary>
        public static ImmutableArray<SourceCase> All => Seeds.AddRange(Samples);

        private static ImmutableArray<SourceCase> LoadSeeds()
        {
            var assembly = typeof(Corpus).Assembly;
            var seeds = assembly.GetManifestResourceNames()
                .Where(name => name.StartsWith(SeedPrefix, StringComparison.Ordinal))
                .OrderBy(name => name, StringComparer.Ordinal)
                .Select(name =>
                {
                    using Stream stream = assembly.GetManifestResourceStream(name)!;
                    using var reader = new StreamReader(stream, Encoding.UTF8);
                    return SourceCase.From("seed/" + name.Substring(SeedPrefix.Length), reader.ReadToEnd());
                })
                .ToImmutableArray();
            if (seeds.IsEmpty)
            {
                throw new InvalidOperationException("No reliability seeds are embedded in the test assembly.");
            }

            return seeds;
        }

        /// <summary>
        /// A large generated program: <paramref name="files"/> files of <paramref name="methodsPerFile"/> methods,
        /// each a small Spark pipeline of one of several shapes (with and without diagnostics), plus one long
        /// method that reassigns a DataFrame and configures a stored writer many times.
        /// </summary>
        public static ImmutableArray<(string Path, string Text)> Generated(int files, int methodsPerFile, int longMethodStatements)
        {
            var result = ImmutableArray.CreateBuilder<(string, string)>();
            for (int f = 0; f < files; f++)
            {
                var text = new StringBuilder();
                text.AppendLine("using Microsoft.Spark.Sql;");
                text.AppendLine("using Microsoft.Spark.Sql.Streaming;");
                text.AppendLine("using static Microsoft.Spark.Sql.Functions;");
                text.AppendLine($"namespace Generated{f}");
                text.AppendLine("{");
                text.AppendLine($"    public class Jobs{f}");
                text.AppendLine("    {");
                for (int m = 0; m < methodsPerFile; m++)
                {
                    text.AppendLine(GeneratedMethod(f, m));
                }

                if (f == 0 && longMethodStatements > 0)
                {
                    text.AppendLine(LongMethod(longMethodStatements));
                }

                text.AppendLine("    }");
                text.AppendLine("}");
                result.Add(($"/generated/Jobs{f}.cs", text.ToString()));
            }

            return result.ToImmutable();
        }

        private static string GeneratedMethod(int file, int method)
        {
            string name = $"Job{file}_{method}";
            string column = "c" + (method % 7);
            switch (method % 6)
            {
                case 0:
                    return $@"        public void {name}(SparkSession spark)
        {{
            DataFrame events = spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""t{method}"").Load();
            var counts = events.Filter(Col(""{column}"").IsNotNull()).GroupBy(Window(Col(""ts""), ""{method % 9 + 1} minutes""), Col(""{column}"")).Count();
            counts.WriteStream().Format(""parquet"").Start(""/out/{name}"");
        }}";
                case 1:
                    return $@"        public void {name}(SparkSession spark)
        {{
            DataFrame events = spark.ReadStream().Format(""rate"").Load();
            DataFrame df = events;
            df = df.WithWatermark(""ts"", ""1 minute"");
            df = df.Select(Col(""ts""), Col(""{column}""));
            df.GroupBy(Window(Col(""ts""), ""1 minute"")).Agg(Count(Col(""{column}""))).WriteStream().Format(""console"").Start();
        }}";
                case 2:
                    return $@"        public void {name}(SparkSession spark, bool flag)
        {{
            DataFrame events = spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""t{method}"").Load();
            var writer = events.GroupBy(""{column}"").Count().WriteStream();
            if (flag)
            {{
                writer.OutputMode(""update"");
            }}

            writer.Format(""kafka"");
            writer.Start();
        }}";
                case 3:
                    return $@"        public void {name}(SparkSession spark)
        {{
            DataFrame events = spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""t{method}"").Load();
            events.WriteStream().QueryName(""{name}"").ForeachBatch((batch, id) => batch.Write().Format(""parquet"").Save(""/out/{name}"")).Start();
        }}";
                case 4:
                    return $@"        public void {name}(SparkSession spark)
        {{
            DataFrame events = spark.ReadStream().Format(""rate"").Load();
            for (int i = 0; i < 3; i++)
            {{
                events = events.WithColumnRenamed(""{column}"", ""{column}_"" + i);
            }}

            events.GroupBy(""{column}"").Count().WriteStream().OutputMode(OutputMode.Append).Format(""console"").Start();
        }}";
                default:
                    return $@"        public void {name}(SparkSession spark)
        {{
            DataFrame events = spark.ReadStream().Format(""kafka"").Option(""subscribe"", ""t{method}"").Load();
            DataFrame dim = spark.Read().Parquet(""/dim"");
            events.Join(dim, ""{column}"").GroupBy(Window(Col(""ts""), ""1 minute"")).Count().WriteStream().Format(""kafka"").Option(""checkpointLocation"", ""/cp/{name}"").Start();
        }}";
            }
        }

        private static string LongMethod(int statements)
        {
            var text = new StringBuilder();
            text.AppendLine("        public void Long(SparkSession spark)");
            text.AppendLine("        {");
            text.AppendLine("            DataFrame df = spark.ReadStream().Format(\"rate\").Load();");
            text.AppendLine("            var writer = df.WriteStream();");
            for (int i = 0; i < statements; i++)
            {
                text.AppendLine(i % 3 == 0
                    ? $"            df = df.Filter(Col(\"c{i % 5}\").IsNotNull());"
                    : i % 3 == 1
                        ? $"            writer.Option(\"k{i}\", \"v{i}\");"
                        : $"            df.GroupBy(\"c{i % 5}\").Count().WriteStream().Format(\"kafka\").Start();");
            }

            text.AppendLine("            writer.Format(\"kafka\").Start();");
            text.AppendLine("            df.GroupBy(\"c0\").Count().WriteStream().Format(\"console\").Start();");
            text.AppendLine("        }");
            return text.ToString();
        }
    }
}
