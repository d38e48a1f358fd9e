using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamLint.Kafka;
using StreamLint.Spark;
using StreamLint.Streamiz;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Core
{
    /// <summary>
    /// How a family decides that a compilation references its library: from the references' names first (so a project
    /// without the library never makes StreamLint bind its references), then from the assembly symbol.
    /// </summary>
    public class LibraryLookupTests
    {
        [Fact]
        public void Each_family_resolves_when_its_library_is_referenced_by_file()
        {
            Compilation compilation = Compile(LibraryReferences.For(Libraries.Spark | Libraries.Streamiz).ToArray());

            Assert.NotNull(SparkCompilation.For(compilation));
            Assert.NotNull(StreamizCompilation.For(compilation));
            Assert.NotNull(KafkaCompilation.For(compilation));
        }

        [Fact]
        public void No_family_resolves_without_its_library()
        {
            Compilation compilation = Compile(LibraryReferences.Runtime.ToArray());

            Assert.Null(SparkCompilation.For(compilation));
            Assert.Null(StreamizCompilation.For(compilation));
            Assert.Null(KafkaCompilation.For(compilation));
        }

        [Fact]
        public void A_library_referenced_as_an_image_without_a_path_is_still_found()
        {
            string stubPath = typeof(global::Microsoft.Spark.Sql.DataFrame).Assembly.Location;
            MetadataReference image = MetadataReference.CreateFromImage(File.ReadAllBytes(stubPath));
            Compilation compilation = Compile(LibraryReferences.Runtime.Add(image).ToArray());

            Assert.NotNull(SparkCompilation.For(compilation));
            Assert.Null(KafkaCompilation.For(compilation));
        }

        [Fact]
        public void Only_the_family_whose_library_is_referenced_resolves()
        {
            Compilation compilation = Compile(LibraryReferences.For(Libraries.Kafka).ToArray());

            Assert.Null(SparkCompilation.For(compilation));
            Assert.Null(StreamizCompilation.For(compilation));
            Assert.NotNull(KafkaCompilation.For(compilation));
        }

        private static Compilation Compile(MetadataReference[] references) =>
            CSharpCompilation.Create(
                "LookupTest",
                new[] { CSharpSyntaxTree.ParseText("class C { }") },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }
}
