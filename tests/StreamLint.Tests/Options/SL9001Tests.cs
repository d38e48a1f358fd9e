using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StreamLint.Spark;
using Xunit;
using Verify = StreamLint.Tests.Infrastructure.Verifier<
    StreamLint.Options.InvalidOptionAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

using StreamLint.Tests.Infrastructure;

namespace StreamLint.Tests.Options
{
    public class SL9001Tests
    {
        [Theory]
        [InlineData("3.5", 3, 5)]
        [InlineData(" 3.4 ", 3, 4)]
        [InlineData("3.3.2", 3, 3)]
        [InlineData("2.4", 2, 4)]
        [InlineData("4.0", 4, 0)]
        public void SparkVersion_Parses(string text, int major, int minor)
        {
            Assert.True(SparkTarget.TryParseVersion(text, out Version version, out _));
            Assert.Equal(new Version(major, minor), version);
        }

        [Theory]
        [InlineData("three")]
        [InlineData("3")]
        [InlineData("")]
        [InlineData("1.6")]
        [InlineData("5.0")]
        [InlineData("3.5.0.1")]
        public void SparkVersion_Rejects(string text)
        {
            Assert.False(SparkTarget.TryParseVersion(text, out Version version, out string error));
            Assert.Equal(SparkTarget.DefaultVersion, version);
            Assert.NotEmpty(error);
        }

        [Fact]
        public Task InvalidSparkVersion_ReportsSL9001Once() =>
            Verify.VerifyAnalyzerAsync(
                "class A { }\nclass B { }",
                "streamlint.spark_version = three\n",
                Libraries.Spark,
                new DiagnosticResult("SL9001", DiagnosticSeverity.Warning)
                    .WithArguments("streamlint.spark_version", "three", "expected a Spark version such as 3.5 or 3.4.1", "3.5"));

        /// <summary>An option no referenced family reads needs no validation: a project without Microsoft.Spark is not told about spark_version.</summary>
        [Fact]
        public Task InvalidSparkVersion_WithoutSpark_Silent() =>
            Verify.VerifyAnalyzerAsync("class A { }\nclass B { }", "streamlint.spark_version = three\n", Libraries.None);

        [Fact]
        public Task InvalidRuleOption_InSeveralFiles_ReportedOncePerValue() =>
            Verify.VerifyAnalyzerAsync(
                new[] { ("/src/A.cs", "class A { }"), ("/src/B.cs", "class B { }"), ("/src/C.cs", "class C { }") },
                "streamlint.SL1002.flag_unwindowed_aggregations = maybe\n",
                expected: new DiagnosticResult("SL9001", DiagnosticSeverity.Warning)
                    .WithArguments("streamlint.SL1002.flag_unwindowed_aggregations", "maybe", "expected true or false", "false"));

        [Fact]
        public Task ValidSparkVersion_Silent() =>
            Verify.VerifyAnalyzerAsync("class A { }", "streamlint.spark_version = 3.3\n", Libraries.None);

        [Fact]
        public Task NoOptions_Silent() =>
            Verify.VerifyAnalyzerAsync("class A { }", editorConfig: null, Libraries.Spark);
    }
}
