using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1017: a class implementing Microsoft.Spark.Sql.IForeachWriter without [Serializable] (error: Microsoft.Spark
    /// cannot ship it to executors; the attribute is not inherited), and, as a warning, one that opens connections
    /// (creates disposable resources, calls Open/Connect) in its constructor or field initialisers instead of Open().
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ForeachWriterNotSerializableAnalyzer : SparkAnalyzer
    {
        /// <summary>Property present on the missing-attribute diagnostic: the fix adds [Serializable].</summary>
        public const string AddSerializableProperty = "AddSerializable";

        private static readonly ImmutableHashSet<string> ConnectMethods = ImmutableHashSet.Create("Open", "OpenAsync", "Connect", "ConnectAsync");

        public ForeachWriterNotSerializableAnalyzer()
            : base(Descriptors.SL1017_ForeachWriterNotSerializable)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark)
        {
            if (spark.Symbols.ForeachWriter is not { } writer)
            {
                return;
            }

            // One symbol action per type: the project's other types cost a short interface check, and only writers'
            // constructors and instance initialisers are bound and walked.
            context.RegisterSymbolAction(
                c =>
                {
                    var type = (INamedTypeSymbol)c.Symbol;
                    if (type.TypeKind != TypeKind.Class || !Implements(type, writer))
                    {
                        return;
                    }

                    if (!type.IsAbstract && !type.IsSerializable)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SL1017_ForeachWriterNotSerializable,
                            type.Locations[0],
                            ImmutableDictionary<string, string?>.Empty.Add(AddSerializableProperty, "true"),
                            $"'{type.Name}' implements IForeachWriter but is not marked [Serializable] (the attribute is not inherited from a base class): Microsoft.Spark cannot send it to the executors"));
                    }

                    foreach (IOperation code in ConstructionCode(type, spark, c.CancellationToken))
                    {
                        foreach (IOperation operation in code.DescendantsAndSelf())
                        {
                            string? opened = operation switch
                            {
                                IObjectCreationOperation { Type: { } created } when created.AllInterfaces.Contains(spark.Symbols.Disposable, SymbolEqualityComparer.Default) => created.Name,
                                IInvocationOperation call when ConnectMethods.Contains(call.TargetMethod.Name) => call.TargetMethod.Name + "()",
                                _ => null,
                            };
                            if (opened is not null)
                            {
                                c.ReportDiagnostic(Diagnostic.Create(
                                    Descriptors.SL1017_ForeachWriterNotSerializable,
                                    operation.Syntax.GetLocation(),
                                    DiagnosticSeverity.Warning,
                                    additionalLocations: null,
                                    properties: null,
                                    $"'{type.Name}' opens {opened} when it is constructed on the driver; connections cannot travel to the executors: open them in Open(partitionId, epochId) and release them in Close"));
                            }
                        }
                    }
                },
                SymbolKind.NamedType);
        }

        /// <summary>What runs on the driver when the writer is created: instance constructors and instance field and property initialisers.</summary>
        private static IEnumerable<IOperation> ConstructionCode(INamedTypeSymbol type, SparkCompilation spark, System.Threading.CancellationToken cancellationToken)
        {
            foreach (ISymbol member in type.GetMembers())
            {
                if (member.IsStatic || member is not (IMethodSymbol { MethodKind: MethodKind.Constructor } or IFieldSymbol or IPropertySymbol))
                {
                    continue;
                }

                foreach (SyntaxReference reference in member.DeclaringSyntaxReferences)
                {
                    SyntaxNode? code = reference.GetSyntax(cancellationToken) switch
                    {
                        ConstructorDeclarationSyntax constructor => constructor,
                        VariableDeclaratorSyntax { Initializer: { } initializer } => initializer,
                        PropertyDeclarationSyntax { Initializer: { } initializer } => initializer,
                        _ => null,
                    };
                    if (code is not null && spark.Library.ModelFor(code.SyntaxTree).GetOperation(code, cancellationToken) is { } operation)
                    {
                        yield return operation;
                    }
                }
            }
        }

        /// <summary>
        /// Whether <paramref name="type"/> implements IForeachWriter, through its own or a base class's interface
        /// list. Declared interfaces are read first, so the project's other types cost a short base-class walk, not
        /// their full interface closure.
        /// </summary>
        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol writer)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                foreach (INamedTypeSymbol declared in current.Interfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(declared.OriginalDefinition, writer)
                        || declared.AllInterfaces.Contains(writer, SymbolEqualityComparer.Default))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
