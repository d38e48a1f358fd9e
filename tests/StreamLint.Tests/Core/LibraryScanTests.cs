using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamLint.Core;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Core
{
    /// <summary>
    /// The member names a family looks for in a file's text are read from the library's metadata once per build of
    /// the library, and must hold every name of a member that code outside the library can use, and no name the
    /// library declares only privately.
    /// </summary>
    public class LibraryScanTests
    {
        [Theory]
        [InlineData("Microsoft.Spark")]
        [InlineData("Streamiz.Kafka.Net")]
        [InlineData("Confluent.Kafka")]
        public void Names_read_from_metadata_hold_every_name_of_the_members_other_assemblies_can_use(string library)
        {
            IAssemblySymbol assembly = LibraryAssembly(Compile(), library);
            NameSet names = LibraryScan.For(assembly, new NameSet(Array.Empty<string>())).MethodNames;

            string[] usable = TypesOf(assembly.GlobalNamespace)
                .SelectMany(type => type.GetMembers())
                .Where(member => member.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal)
                .Where(member => member is not INamedTypeSymbol && member.CanBeReferencedByName)
                .Select(member => member.Name)
                .Distinct()
                .Except(new[] { "ToString", "Equals", "GetHashCode", "GetType" })
                .ToArray();
            Assert.NotEmpty(usable);
            Assert.All(usable, name => Assert.True(names.Contains(name), name));
            Assert.False(names.Contains("ToString"));
            Assert.False(names.Contains(".ctor"));
        }

        /// <summary>A private method of Streamiz.Kafka.Net that no public or protected member shares a name with.</summary>
        [Fact]
        public void Names_of_private_members_are_left_out()
        {
            NameSet names = LibraryScan.For(LibraryAssembly(Compile(), "Streamiz.Kafka.Net"), new NameSet(Array.Empty<string>())).MethodNames;

            Assert.False(names.Contains("InitializeInternalTopicManagerAsync"));
            Assert.True(names.Contains("Stream"));
        }

        [Fact]
        public void Two_compilations_of_the_same_library_build_share_its_names()
        {
            IAssemblySymbol first = LibraryAssembly(Compile(), "Streamiz.Kafka.Net");
            IAssemblySymbol second = LibraryAssembly(Compile(), "Streamiz.Kafka.Net");
            var words = new NameSet(Array.Empty<string>());

            Assert.NotSame(first, second);
            Assert.Same(LibraryScan.For(first, words).MethodNames, LibraryScan.For(second, words).MethodNames);
        }

        [Fact]
        public void A_library_compiled_from_source_is_read_from_its_symbols()
        {
            Compilation library = CSharpCompilation.Create(
                "SourceLibrary",
                new[] { CSharpSyntaxTree.ParseText("public class Builder { public Builder WithGrace() => this; public int Retries { get; set; } }") },
                LibraryReferences.Runtime,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            NameSet names = LibraryScan.For(library.Assembly, new NameSet(Array.Empty<string>())).MethodNames;

            Assert.True(names.Contains("WithGrace"));
            Assert.True(names.Contains("Retries"));
            Assert.False(names.Contains("ToString"));
        }

        /// <summary>A compilation with fresh references to every library, so its assembly symbols are its own.</summary>
        private static Compilation Compile() =>
            CSharpCompilation.Create(
                "ScanTest",
                new[] { CSharpSyntaxTree.ParseText("class C { }") },
                LibraryReferences.Runtime.AddRange(new[]
                {
                    MetadataReference.CreateFromFile(typeof(global::Microsoft.Spark.Sql.DataFrame).Assembly.Location),
                    MetadataReference.CreateFromFile(typeof(global::Streamiz.Kafka.Net.StreamBuilder).Assembly.Location),
                    MetadataReference.CreateFromFile(typeof(global::Confluent.Kafka.ConsumerConfig).Assembly.Location),
                }),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static IEnumerable<INamedTypeSymbol> TypesOf(INamespaceSymbol ns) =>
            ns.GetTypeMembers().SelectMany(Nested).Concat(ns.GetNamespaceMembers().SelectMany(TypesOf));

        private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type) =>
            new[] { type }.Concat(type.GetTypeMembers().SelectMany(Nested));

        private static IAssemblySymbol LibraryAssembly(Compilation compilation, string name) =>
            compilation.SourceModule.ReferencedAssemblySymbols.Single(a => a.Identity.Name == name);
    }
}
