using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamLint.Streamiz.Config
{
    /// <summary>
    /// Which nodes of a file can be a StreamConfig fact, from their syntax alone, so that only those are bound: the
    /// creations whose type is written with a name a config or KafkaStream type can have (its own, a same-compilation
    /// subclass's, a using alias's) or is target-typed, and the assignments to a <c>Guarantee</c> or through an
    /// indexer. When a referenced assembly other than Streamiz.Kafka.Net may declare a subclass, every creation counts.
    /// A subclass declared in a file that names no Streamiz word is not known here: its configs are then unknown,
    /// which silences the rules (KafkaStream is sealed, so only configs can be missed).
    /// </summary>
    internal sealed class ConfigSyntax
    {
        /// <summary>Null: any type name may be a config or a KafkaStream.</summary>
        private readonly HashSet<string>? typeNames;

        private ConfigSyntax(HashSet<string>? typeNames) => this.typeNames = typeNames;

        /// <summary>The names for <paramref name="trees"/>, the files that can hold Streamiz code.</summary>
        public static ConfigSyntax For(StreamizCompilation streamiz, IReadOnlyList<SyntaxTree> trees, CancellationToken cancellationToken)
        {
            StreamizSymbols symbols = streamiz.Symbols;
            if (OtherAssemblyBuildsOn(streamiz.Library.Compilation, symbols.Assembly))
            {
                return new ConfigSyntax(null);
            }

            var names = new HashSet<string>(StringComparer.Ordinal) { "StreamConfig", "KafkaStream" };
            foreach (SyntaxTree tree in trees)
            {
                SyntaxNode root = tree.GetRoot(cancellationToken);
                if (root is CompilationUnitSyntax unit)
                {
                    AddAliases(unit.Usings, names);
                }

                SemanticModel? model = null;
                foreach (MemberDeclarationSyntax declaration in Declarations(root))
                {
                    switch (declaration)
                    {
                        case BaseNamespaceDeclarationSyntax ns:
                            AddAliases(ns.Usings, names);
                            break;
                        case TypeDeclarationSyntax { BaseList: not null } type:
                            model ??= streamiz.Library.ModelFor(tree);
                            if (symbols.IsOrDerives(model.GetDeclaredSymbol(type, cancellationToken) as ITypeSymbol, symbols.StreamConfig))
                            {
                                names.Add(type.Identifier.ValueText);
                            }

                            break;
                    }
                }
            }

            return new ConfigSyntax(names);
        }

        /// <summary>Whether binding <paramref name="creation"/> can find a config or a KafkaStream.</summary>
        public bool MayCreateConfigOrStream(BaseObjectCreationExpressionSyntax creation) =>
            this.typeNames is null
            || creation is not ObjectCreationExpressionSyntax { Type: { } type }
            || RightmostName(type) is not { } name
            || this.typeNames.Contains(name);

        /// <summary>Whether <paramref name="assignment"/> can be a write the facts record (a Guarantee, or a key by index).</summary>
        public static bool MayWriteGuaranteeOrKey(AssignmentExpressionSyntax assignment) => assignment.Left switch
        {
            ElementAccessExpressionSyntax => true,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == StreamizApi.Guarantee,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == StreamizApi.Guarantee,
            _ => false,
        };

        private static string? RightmostName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>Whether a referenced assembly other than the library references it (and may subclass its types).</summary>
        private static bool OtherAssemblyBuildsOn(Compilation compilation, IAssemblySymbol library)
        {
            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (SymbolEqualityComparer.Default.Equals(assembly, library))
                {
                    continue;
                }

                foreach (IModuleSymbol module in assembly.Modules)
                {
                    if (module.ReferencedAssemblies.Any(reference => reference.Name == library.Identity.Name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, HashSet<string> names)
        {
            foreach (UsingDirectiveSyntax directive in usings)
            {
                if (directive.Alias is { } alias)
                {
                    names.Add(alias.Name.Identifier.ValueText);
                }
            }
        }

        /// <summary>The namespace and type declarations of a file, nested ones included; member bodies are not entered.</summary>
        private static IEnumerable<MemberDeclarationSyntax> Declarations(SyntaxNode root)
        {
            var pending = new Stack<MemberDeclarationSyntax>(root is CompilationUnitSyntax unit ? unit.Members : default(SyntaxList<MemberDeclarationSyntax>));
            while (pending.Count > 0)
            {
                MemberDeclarationSyntax declaration = pending.Pop();
                yield return declaration;
                SyntaxList<MemberDeclarationSyntax> members = declaration switch
                {
                    BaseNamespaceDeclarationSyntax ns => ns.Members,
                    TypeDeclarationSyntax type => type.Members,
                    _ => default,
                };
                foreach (MemberDeclarationSyntax member in members)
                {
                    pending.Push(member);
                }
            }
        }
    }
}
