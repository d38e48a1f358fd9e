using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace StreamLint.Core
{
    /// <summary>
    /// How a library's code is found in a file: words its code writes somewhere (relevance, from the text alone), the
    /// member names of its types (where a call to it can be), and its assembly (which calls are really to it).
    /// One instance per library assembly symbol, which the IDE's compilations share while references are unchanged,
    /// so per-tree answers are cached across compilations.
    /// </summary>
    internal sealed class LibraryScan
    {
        private static readonly ConditionalWeakTable<IAssemblySymbol, LibraryScan> Scans = new ConditionalWeakTable<IAssemblySymbol, LibraryScan>();

        private static readonly string[] EveryObjectsMembers = { "ToString", "Equals", "GetHashCode", "GetType", ".ctor", ".cctor" };

        private LibraryScan(IAssemblySymbol assembly, NameSet words, NameSet methodNames)
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

        /// <summary>The scan of <paramref name="assembly"/>, computed once per assembly symbol.</summary>
        public static LibraryScan For(IAssemblySymbol assembly, NameSet words) =>
            Scans.GetValue(assembly, a => new LibraryScan(a, words, new NameSet(MemberNamesOf(a))));

        /// <summary>
        /// The library's assembly among the compilation's references (or the compilation itself when it is the
        /// library); null when it is not referenced. Looked up by name only: no type lookup over the whole compilation.
        /// </summary>
        public static IAssemblySymbol? FindAssembly(Compilation compilation, string assemblyName)
        {
            if (compilation.AssemblyName == assemblyName)
            {
                return compilation.Assembly;
            }

            if (!MayReference(compilation, assemblyName))
            {
                return null;
            }

            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Identity.Name == assemblyName)
                {
                    return assembly;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether one of the compilation's references can be the library, from the references' names alone. Asking
        /// for the referenced assembly symbols binds every reference: work the compiler does anyway, but charged to
        /// whoever asks first, which in a fresh compiler process is tens of milliseconds for a project that does not
        /// use the library at all. A reference whose name is not known (an image without a path) may be it.
        /// </summary>
        private static bool MayReference(Compilation compilation, string assemblyName)
        {
            foreach (MetadataReference reference in compilation.ExternalReferences)
            {
                string? name = reference switch
                {
                    CompilationReference { Compilation: { } referenced } => referenced.AssemblyName,
                    PortableExecutableReference { FilePath: { Length: > 0 } path } => Path.GetFileNameWithoutExtension(path),
                    _ => null,
                };
                if (name is null || string.Equals(name, assemblyName, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsLibraryCall(IMethodSymbol method) =>
            SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, this.Assembly);

        private static HashSet<string> MemberNamesOf(IAssemblySymbol assembly)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var namespaces = new Stack<INamespaceSymbol>();
            namespaces.Push(assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                INamespaceSymbol ns = namespaces.Pop();
                foreach (INamespaceSymbol child in ns.GetNamespaceMembers())
                {
                    namespaces.Push(child);
                }

                var types = new Stack<INamedTypeSymbol>(ns.GetTypeMembers());
                while (types.Count > 0)
                {
                    INamedTypeSymbol type = types.Pop();
                    names.UnionWith(type.MemberNames);
                    foreach (INamedTypeSymbol nested in type.GetTypeMembers())
                    {
                        types.Push(nested);
                    }
                }
            }

            names.ExceptWith(EveryObjectsMembers);
            return names;
        }
    }
}
