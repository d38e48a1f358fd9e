using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
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

        /// <summary>
        /// Member names per library build (its modules' version ids): every compilation — each build, each IDE
        /// snapshot after the references change — gets new assembly symbols for the same file, and the names are
        /// the file's, so they are read once per process. A handful of library versions at most.
        /// </summary>
        private static readonly Dictionary<string, NameSet> NamesByBuild = new Dictionary<string, NameSet>(StringComparer.Ordinal);

        private LibraryScan(IAssemblySymbol assembly, NameSet words, NameSet methodNames)
        {
            this.Assembly = assembly;
            this.Words = words;
            this.MethodNames = methodNames;
        }

        public IAssemblySymbol Assembly { get; }

        /// <summary>Names that code using the library writes in a file and that no other common library uses.</summary>
        public NameSet Words { get; }

        /// <summary>The names of the library's members that other assemblies can use, less those every object has.</summary>
        public NameSet MethodNames { get; }

        /// <summary>The scan of <paramref name="assembly"/>, computed once per assembly symbol.</summary>
        public static LibraryScan For(IAssemblySymbol assembly, NameSet words) =>
            Scans.TryGetValue(assembly, out LibraryScan? known) ? known : Create(assembly, words);

        // Its own method: the lambda's closure over words would otherwise be allocated on every call, hits included.
        private static LibraryScan Create(IAssemblySymbol assembly, NameSet words) =>
            Scans.GetValue(assembly, a => new LibraryScan(a, words, MethodNamesOf(a)));

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

            if (!ReferenceNames.MayReference(compilation, assemblyName))
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

        public bool IsLibraryCall(IMethodSymbol method) =>
            SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, this.Assembly);

        /// <summary>
        /// The member names of a referenced library, read from its metadata tables once per build of the library; a
        /// library compiled from source (the compilation itself) is read from its symbols.
        /// </summary>
        private static NameSet MethodNamesOf(IAssemblySymbol assembly)
        {
            List<ModuleMetadata>? modules = MetadataOf(assembly);
            if (modules is null)
            {
                return new NameSet(MemberNamesOf(assembly).Except(EveryObjectsMembers, StringComparer.Ordinal));
            }

            string build = assembly.Identity.GetDisplayName() + "|" + string.Join(",", modules.Select(m => m.GetModuleVersionId()));
            lock (NamesByBuild)
            {
                if (NamesByBuild.TryGetValue(build, out NameSet? known))
                {
                    return known;
                }
            }

            var names = new NameSet(modules.SelectMany(m => MemberNamesIn(m.GetMetadataReader())).Except(EveryObjectsMembers, StringComparer.Ordinal));
            lock (NamesByBuild)
            {
                if (NamesByBuild.Count >= 64)
                {
                    NamesByBuild.Clear(); // a long-lived IDE process that has seen many builds: start again
                }

                NamesByBuild[build] = names;
            }

            return names;
        }

        /// <summary>The metadata of every module of <paramref name="assembly"/>; null when one of them is source.</summary>
        private static List<ModuleMetadata>? MetadataOf(IAssemblySymbol assembly)
        {
            var modules = new List<ModuleMetadata>();
            foreach (IModuleSymbol module in assembly.Modules)
            {
                if (module.GetMetadata() is not { } metadata)
                {
                    return null;
                }

                modules.Add(metadata);
            }

            return modules;
        }

        /// <summary>
        /// The names of the methods, properties, fields and events of every type of a module that code outside the
        /// library can use (public or protected; a property or event by its accessors), as the symbols' MemberNames
        /// give them. Private and internal members (backing fields, lambdas, helpers, explicit implementations) can be
        /// neither called nor invoked from a user's project, and would only make more of its calls look like candidates.
        /// Overloads, accessors and same-named members of many types share one entry of the string heap, so each
        /// distinct entry is decoded once.
        /// </summary>
        private static IEnumerable<string> MemberNamesIn(MetadataReader reader)
        {
            var names = new HashSet<StringHandle>();
            foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
            {
                TypeDefinition type = reader.GetTypeDefinition(handle);
                foreach (MethodDefinitionHandle method in type.GetMethods())
                {
                    MethodDefinition definition = reader.GetMethodDefinition(method);
                    if (IsVisible(definition.Attributes))
                    {
                        names.Add(definition.Name);
                    }
                }

                foreach (PropertyDefinitionHandle property in type.GetProperties())
                {
                    PropertyDefinition definition = reader.GetPropertyDefinition(property);
                    PropertyAccessors accessors = definition.GetAccessors();
                    if (IsVisible(reader, accessors.Getter) || IsVisible(reader, accessors.Setter))
                    {
                        names.Add(definition.Name);
                    }
                }

                foreach (FieldDefinitionHandle field in type.GetFields())
                {
                    FieldDefinition definition = reader.GetFieldDefinition(field);
                    if ((definition.Attributes & FieldAttributes.FieldAccessMask) is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem)
                    {
                        names.Add(definition.Name);
                    }
                }

                foreach (EventDefinitionHandle @event in type.GetEvents())
                {
                    EventDefinition definition = reader.GetEventDefinition(@event);
                    EventAccessors accessors = definition.GetAccessors();
                    if (IsVisible(reader, accessors.Adder) || IsVisible(reader, accessors.Remover))
                    {
                        names.Add(definition.Name);
                    }
                }
            }

            return names.Select(reader.GetString);
        }

        private static bool IsVisible(MetadataReader reader, MethodDefinitionHandle accessor) =>
            !accessor.IsNil && IsVisible(reader.GetMethodDefinition(accessor).Attributes);

        private static bool IsVisible(MethodAttributes attributes) =>
            (attributes & MethodAttributes.MemberAccessMask) is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;

        /// <summary>The member names of every type of <paramref name="assembly"/>, from its symbols.</summary>
        internal static IEnumerable<string> MemberNamesOf(IAssemblySymbol assembly)
        {
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
                    foreach (string name in type.MemberNames)
                    {
                        yield return name;
                    }

                    foreach (INamedTypeSymbol nested in type.GetTypeMembers())
                    {
                        types.Push(nested);
                    }
                }
            }
        }
    }
}
