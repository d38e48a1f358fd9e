using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Core.Options;
using StreamLint.Spark;
using Xunit;

namespace StreamLint.Tests.Options
{
    /// <summary>
    /// How option readers are shared between trees. The compiler hands every tree its own options object, even when
    /// the whole project has one configuration; these providers do the same.
    /// </summary>
    public class StreamLintOptionsTests
    {
        [Fact]
        public void TreesWithTheSameStreamLintEntries_ShareOneReader()
        {
            var provider = new PerTreeProvider(
                ("A.cs", new() { ["streamlint.spark_version"] = "3.4", ["build_property.RootNamespace"] = "A" }),
                ("B.cs", new() { ["streamlint.spark_version"] = "3.4", ["build_property.RootNamespace"] = "B" }));

            StreamLintOptions a = provider.For("A.cs");
            StreamLintOptions b = provider.For("B.cs");

            Assert.NotSame(provider.Raw("A.cs"), provider.Raw("B.cs"));
            Assert.Same(a, b);
            Assert.Equal(new Version(3, 4), b.Get(SparkOptions.SparkVersion));
        }

        [Fact]
        public void TreesWithDifferentStreamLintEntries_ReadTheirOwnValues()
        {
            var provider = new PerTreeProvider(
                ("A.cs", new() { ["streamlint.spark_version"] = "3.4" }),
                ("B.cs", new() { ["streamlint.spark_version"] = "3.3" }),
                ("C.cs", new() { ["streamlint.spark_version"] = "3.4", ["streamlint.SL1002.flag_unwindowed_aggregations"] = "true" }),
                ("D.cs", new()));

            Assert.Equal(new Version(3, 4), provider.For("A.cs").Get(SparkOptions.SparkVersion));
            Assert.Equal(new Version(3, 3), provider.For("B.cs").Get(SparkOptions.SparkVersion));
            Assert.False(provider.For("A.cs").Get(SparkOptions.FlagUnwindowedAggregations));
            Assert.True(provider.For("C.cs").Get(SparkOptions.FlagUnwindowedAggregations));
            Assert.Equal(SparkTarget.DefaultVersion, provider.For("D.cs").Get(SparkOptions.SparkVersion));
            Assert.Equal(4, new[] { "A.cs", "B.cs", "C.cs", "D.cs" }.Select(provider.For).Distinct().Count());
        }

        [Fact]
        public void ReadersAreNotSharedAcrossProviders()
        {
            var first = new PerTreeProvider(("A.cs", new() { ["streamlint.spark_version"] = "3.4" }));
            var second = new PerTreeProvider(("A.cs", new() { ["streamlint.spark_version"] = "3.4" }));

            Assert.NotSame(first.For("A.cs"), second.For("A.cs"));
        }

        [Fact]
        public void OptionsThatCannotListTheirKeys_GetOneReaderPerObject()
        {
            var provider = new PerTreeProvider(
                listsKeys: false,
                ("A.cs", new() { ["streamlint.spark_version"] = "3.4" }),
                ("B.cs", new() { ["streamlint.spark_version"] = "3.3" }));

            Assert.Equal(new Version(3, 4), provider.For("A.cs").Get(SparkOptions.SparkVersion));
            Assert.Equal(new Version(3, 3), provider.For("B.cs").Get(SparkOptions.SparkVersion));
            Assert.Same(provider.For("A.cs"), provider.For("A.cs"));
        }

        private sealed class PerTreeProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Dictionary<string, (SyntaxTree Tree, AnalyzerConfigOptions Options)> files;

            public PerTreeProvider(params (string Path, Dictionary<string, string> Values)[] files)
                : this(listsKeys: true, files)
            {
            }

            public PerTreeProvider(bool listsKeys, params (string Path, Dictionary<string, string> Values)[] files) =>
                this.files = files.ToDictionary(
                    f => f.Path,
                    f => (CSharpSyntaxTree.ParseText("class C { }", path: f.Path), (AnalyzerConfigOptions)new Options(f.Values, listsKeys)));

            public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>(), listsKeys: true);

            public AnalyzerConfigOptions Raw(string path) => this.files[path].Options;

            public StreamLintOptions For(string path) =>
                StreamLintOptions.For(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, this), this.files[path].Tree);

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
                this.files.Values.Single(f => f.Tree == tree).Options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => this.GlobalOptions;

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly ImmutableDictionary<string, string> values;
                private readonly bool listsKeys;

                public Options(Dictionary<string, string> values, bool listsKeys)
                {
                    this.values = values.ToImmutableDictionary(KeyComparer);
                    this.listsKeys = listsKeys;
                }

                public override IEnumerable<string> Keys => this.listsKeys ? this.values.Keys : throw new NotImplementedException();

                public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => this.values.TryGetValue(key, out value);
            }
        }
    }
}
