using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
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

        private protected override void OnSparkCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark)
        {
            if (spark.Symbols.ForeachWriter is not { } writer)
            {
                return;
            }

            context.RegisterSymbolAction(
                c =>
                {
                    var type = (INamedTypeSymbol)c.Symbol;
                    if (type.TypeKind == TypeKind.Class && !type.IsAbstract && !type.IsSerializable && Implements(type, writer))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SL1017_ForeachWriterNotSerializable,
                            type.Locations[0],
                            ImmutableDictionary<string, string?>.Empty.Add(AddSerializableProperty, "true"),
                            $"'{type.Name}' implements IForeachWriter but is not marked [Serializable] (the attribute is not inherited from a base class): Microsoft.Spark cannot send it to the executors"));
                    }
                },
                SymbolKind.NamedType);

            // Only constructors and instance initialisers of IForeachWriter types are looked into: one cheap check per
            // member, instead of a callback for every invocation and object creation of the project.
            context.RegisterOperationBlockStartAction(block =>
            {
                INamedTypeSymbol? owner = block.OwningSymbol switch
                {
                    IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => ctor.ContainingType,
                    IFieldSymbol { IsStatic: false } field => field.ContainingType,
                    IPropertySymbol { IsStatic: false } property => property.ContainingType,
                    _ => null,
                };
                if (owner is null || !Implements(owner, writer))
                {
                    return;
                }

                block.RegisterOperationAction(
                    c =>
                    {
                        string? opened = c.Operation switch
                        {
                            IObjectCreationOperation { Type: { } created } when created.AllInterfaces.Contains(spark.Symbols.Disposable, SymbolEqualityComparer.Default) => created.Name,
                            IInvocationOperation call when ConnectMethods.Contains(call.TargetMethod.Name) => call.TargetMethod.Name + "()",
                            _ => null,
                        };
                        if (opened is not null)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(
                                Descriptors.SL1017_ForeachWriterNotSerializable,
                                c.Operation.Syntax.GetLocation(),
                                DiagnosticSeverity.Warning,
                                additionalLocations: null,
                                properties: null,
                                $"'{owner.Name}' opens {opened} when it is constructed on the driver; connections cannot travel to the executors: open them in Open(partitionId, epochId) and release them in Close"));
                        }
                    },
                    OperationKind.ObjectCreation,
                    OperationKind.Invocation);
            });
        }

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol writer) =>
            type.AllInterfaces.Contains(writer, SymbolEqualityComparer.Default);
    }
}
