using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace StreamLint.Core
{
    /// <summary>
    /// The names of a compilation's references, read once per compilation from their file names: every analyzer asks
    /// at compilation start whether its family's library can be among them, so a project without any streaming
    /// library loads none of a family's types. No reference is bound: asking for the referenced assembly symbols binds
    /// every reference, work the compiler does anyway but charged to whoever asks first — tens of milliseconds in a
    /// fresh compiler process for a project that does not use the library at all.
    /// </summary>
    internal sealed class ReferenceNames
    {
        private static readonly ConditionalWeakTable<Compilation, ReferenceNames> Instances = new ConditionalWeakTable<Compilation, ReferenceNames>();

        private readonly HashSet<string> names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly bool unnamed;

        private ReferenceNames(Compilation compilation)
        {
            this.names.Add(compilation.AssemblyName ?? string.Empty);
            foreach (MetadataReference reference in compilation.ExternalReferences)
            {
                string? name = reference switch
                {
                    CompilationReference { Compilation: { } referenced } => referenced.AssemblyName,
                    PortableExecutableReference { FilePath: { Length: > 0 } path } => Path.GetFileNameWithoutExtension(path),
                    _ => null,
                };
                if (name is null)
                {
                    this.unnamed = true;
                }
                else
                {
                    this.names.Add(name);
                }
            }
        }

        /// <summary>
        /// Whether the compilation is, or has a reference that can be, the assembly <paramref name="assemblyName"/>. A
        /// reference whose name is not known (an image without a path) may be it.
        /// </summary>
        public static bool MayReference(Compilation compilation, string assemblyName)
        {
            ReferenceNames known = Instances.GetValue(compilation, c => new ReferenceNames(c));
            return known.unnamed || known.names.Contains(assemblyName);
        }
    }
}
