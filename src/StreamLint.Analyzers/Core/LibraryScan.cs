using Microsoft.CodeAnalysis;

namespace StreamLint.Core
{
    /// <summary>
    /// How a library's code is found in a file: words its code writes somewhere (relevance, from the text alone), the
    /// member names of its types (where a call to it can be), and its assembly (which calls are really to it).
    /// One instance per library assembly, so per-tree answers are cached across compilations.
    /// </summary>
    internal sealed class LibraryScan
    {
        public LibraryScan(IAssemblySymbol assembly, NameSet words, NameSet methodNames)
        {
            this.Assembly = assembly;
            this.Words = words;
            this.MethodNames = methodNames;
        }

        public IAssemblySymbol Assembly { get; }

        /// <summary>Names that code using the library writes in a file and that no other common library uses.</summary>
        public NameSet Words { get; }

        /// <summary>The member names of the library's types, less those every object has.</summary>
        public NameSet MethodNames { get; }

        public bool IsLibraryCall(IMethodSymbol method) =>
            SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, this.Assembly);
    }
}
