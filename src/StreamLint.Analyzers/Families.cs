using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using StreamLint.Core.Options;
using StreamLint.Kafka;
using StreamLint.Spark;
using StreamLint.Streamiz;

namespace StreamLint
{
    /// <summary>
    /// The rule families StreamLint ships, in ID order: the one place that names them all. Each says whether a
    /// compilation references its library (its context resolves) and which options its rules read.
    /// </summary>
    internal static class Families
    {
        public static ImmutableArray<Family> All { get; } = ImmutableArray.Create(
            new Family("Spark", SparkSymbols.AssemblyName, c => SparkCompilation.For(c) is not null, () => SparkOptions.All),
            new Family("Streamiz", StreamizSymbols.AssemblyName, c => StreamizCompilation.For(c) is not null, () => StreamizOptions.All),
            new Family("Kafka", KafkaSymbols.AssemblyName, c => KafkaCompilation.For(c) is not null, () => ImmutableArray<OptionDefinition>.Empty));

        /// <summary>
        /// Whether the compilation can reference one of the families' libraries, from its reference names alone: the
        /// question a project without any streaming library is asked, before the families themselves are built.
        /// </summary>
        public static bool AnyLibraryIn(Compilation compilation) =>
            ReferenceNames.MayReference(compilation, SparkSymbols.AssemblyName)
            || ReferenceNames.MayReference(compilation, StreamizSymbols.AssemblyName)
            || ReferenceNames.MayReference(compilation, KafkaSymbols.AssemblyName);

        /// <summary>Every registered option, in family order.</summary>
        public static ImmutableArray<OptionDefinition> Options => All.SelectMany(f => f.Options).ToImmutableArray();
    }

    /// <summary>
    /// A rule family: its name (the custom tag of its rules), its library test and its options. The library's types
    /// are looked up only in a compilation with a reference of the library's name, and the options are read only when
    /// asked for, so a project without the library never initialises them.
    /// </summary>
    internal sealed class Family
    {
        private readonly string assembly;
        private readonly Func<Compilation, bool> references;
        private readonly Func<ImmutableArray<OptionDefinition>> options;

        public Family(string name, string assembly, Func<Compilation, bool> references, Func<ImmutableArray<OptionDefinition>> options)
        {
            this.Name = name;
            this.assembly = assembly;
            this.references = references;
            this.options = options;
        }

        public string Name { get; }

        public ImmutableArray<OptionDefinition> Options => this.options();

        public bool IsReferencedBy(Compilation compilation) =>
            ReferenceNames.MayReference(compilation, this.assembly) && this.references(compilation);
    }
}
