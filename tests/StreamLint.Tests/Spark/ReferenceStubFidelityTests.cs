using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamLint.Tests.Infrastructure;
using Xunit;

namespace StreamLint.Tests.Spark
{
    /// <summary>
    /// The Microsoft.Spark 2.3.1 reference stub (tests/StreamLint.SparkStub) must match the real public API, as listed in
    /// <c>tests/StreamLint.SparkStub/Api/Microsoft.Spark-2.3.1.api.tsv</c> (documentation-comment ID, tab, C# signature).
    /// The stub is generated from that listing by tests/StreamLint.SparkStub/Generator/generate_stub.py; these tests read the
    /// compiled stub back through Roslyn, so they also catch hand edits, generator bugs and compiler-added members.
    /// </summary>
    public sealed class ReferenceStubFidelityTests
    {
        /// <summary>Types the analyzers and their tests rely on. Each must be in the stub with every member of its listing rows.</summary>
        private static readonly string[] RequiredTypes =
        {
            "Microsoft.Spark.Sql.SparkSession",
            "Microsoft.Spark.Sql.Builder",
            "Microsoft.Spark.Sql.RuntimeConfig",
            "Microsoft.Spark.Sql.DataFrame",
            "Microsoft.Spark.Sql.Column",
            "Microsoft.Spark.Sql.Functions",
            "Microsoft.Spark.Sql.RelationalGroupedDataset",
            "Microsoft.Spark.Sql.DataFrameReader",
            "Microsoft.Spark.Sql.DataFrameWriter",
            "Microsoft.Spark.Sql.DataFrameWriterV2",
            "Microsoft.Spark.Sql.SaveMode",
            "Microsoft.Spark.Sql.Row",
            "Microsoft.Spark.Sql.GenericRow",
            "Microsoft.Spark.Sql.StorageLevel",
            "Microsoft.Spark.Sql.IForeachWriter",
            "Microsoft.Spark.Sql.UdfRegistration",
            "Microsoft.Spark.Sql.DataFrameNaFunctions",
            "Microsoft.Spark.Sql.DataFrameStatFunctions",
            "Microsoft.Spark.Sql.Catalog.Catalog",
            "Microsoft.Spark.Sql.Streaming.DataStreamReader",
            "Microsoft.Spark.Sql.Streaming.DataStreamWriter",
            "Microsoft.Spark.Sql.Streaming.OutputMode",
            "Microsoft.Spark.Sql.Streaming.Trigger",
            "Microsoft.Spark.Sql.Streaming.StreamingQuery",
            "Microsoft.Spark.Sql.Streaming.StreamingQueryException",
            "Microsoft.Spark.Sql.Streaming.StreamingQueryManager",
            "Microsoft.Spark.Sql.Expressions.Window",
            "Microsoft.Spark.Sql.Expressions.WindowSpec",
            "Microsoft.Spark.Sql.Types.StructType",
            "Microsoft.Spark.Sql.Types.StructField",
            "Microsoft.Spark.Sql.Types.DataType",
            "Microsoft.Spark.VersionAttribute",
            "Microsoft.Spark.SinceAttribute",
            "Microsoft.Spark.DeprecatedAttribute",
            "Microsoft.Spark.RemovedAttribute",
            "Microsoft.Spark.SparkConf",
            "Microsoft.Spark.SparkContext",
            "Microsoft.Spark.Interop.Ipc.JvmObjectReference",
            "Microsoft.Spark.Interop.Ipc.IJvmObjectReferenceProvider",
        };

        /// <summary>Listing namespaces of which every type is required (the concrete Spark SQL data types).</summary>
        private static readonly string[] RequiredNamespaces = { "Microsoft.Spark.Sql.Types" };

        /// <summary>
        /// Members of required types that the stub leaves out on purpose: their signatures need packages the stub does not
        /// reference (grouped-map vector UDFs). Kept here so that the omission is visible and cannot grow silently.
        /// </summary>
        private static readonly string[] KnownOmissions =
        {
            "M:Microsoft.Spark.Sql.RelationalGroupedDataset.Apply(Microsoft.Spark.Sql.Types.StructType,System.Func{Microsoft.Data.Analysis.DataFrame,Microsoft.Data.Analysis.DataFrame})",
            "M:Microsoft.Spark.Sql.RelationalGroupedDataset.Apply(Microsoft.Spark.Sql.Types.StructType,System.Func{Apache.Arrow.RecordBatch,Apache.Arrow.RecordBatch})",
        };

        /// <summary>
        /// Listing rows the stub deliberately renders differently: (ID, text removed from the listing's signature, reason).
        /// The removed text must still be in the listing row, so a changed listing cannot leave a stale entry behind.
        /// </summary>
        private static readonly (string Id, string Removed, string Reason)[] KnownDeviations =
        {
            ("T:Microsoft.Spark.Broadcast`1", "MessagePack.IMessagePackSerializationCallbackReceiver, ",
                "the stub does not reference MessagePack, so the base interface is left out"),
        };

        [Fact]
        public void EveryPublicStubSymbolIsInTheListingWithTheSameSignature()
        {
            ApiListing listing = ApiListing.Load();
            IAssemblySymbol stub = LoadStub();

            ImmutableArray<ISymbol> symbols = StubChecker.VisibleSymbols(stub);
            ImmutableArray<string> problems = StubChecker.FindProblems(symbols, ExpectedSignatures(listing));

            Assert.True(symbols.Length > 1000, $"Only {symbols.Length} public symbols were found in {stub.Identity}; the walk is broken.");
            Assert.True(
                problems.IsEmpty,
                $"{problems.Length} of {symbols.Length} public stub symbols do not match {listing.Path}:{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void StubCoversEveryRequiredTypeAndAllListedMembersOfItsTypes()
        {
            ApiListing listing = ApiListing.Load();
            IAssemblySymbol stub = LoadStub();
            var stubIds = new HashSet<string>(
                StubChecker.VisibleSymbols(stub).Select(s => s.GetDocumentationCommentId() ?? string.Empty),
                StringComparer.Ordinal);

            var requiredTypeIds = RequiredTypes.Select(name => "T:" + name)
                .Concat(listing.Ids.Where(id => id.StartsWith("T:", StringComparison.Ordinal) &&
                    RequiredNamespaces.Contains(id.Substring(2, id.LastIndexOf('.') - 2), StringComparer.Ordinal)))
                .Distinct(StringComparer.Ordinal)
                .ToList();

            // Every type the stub declares (required or not) must be complete: no listing member of it may be missing.
            IEnumerable<string> checkedTypeIds = requiredTypeIds
                .Concat(stubIds.Where(id => id.StartsWith("T:", StringComparison.Ordinal)))
                .Distinct(StringComparer.Ordinal);

            var missing = new List<string>();
            foreach (string typeId in checkedTypeIds)
            {
                if (!listing.Contains(typeId))
                {
                    missing.Add($"{typeId}: required, but not in the listing at all (typo in {nameof(RequiredTypes)}?)");
                    continue;
                }

                string memberPrefix = typeId.Substring(2) + ".";
                IEnumerable<string> rows = listing.Ids.Where(id => id == typeId ||
                    (!id.StartsWith("T:", StringComparison.Ordinal) && id.Substring(2).StartsWith(memberPrefix, StringComparison.Ordinal)));
                foreach (string id in rows)
                {
                    if (!stubIds.Contains(id) && !KnownOmissions.Contains(id, StringComparer.Ordinal))
                    {
                        missing.Add($"{id}: missing from the stub ({listing[id]})");
                    }
                }
            }

            foreach (string omitted in KnownOmissions)
            {
                if (!listing.Contains(omitted))
                {
                    missing.Add($"{omitted}: listed as a known omission but not in the listing");
                }
                else if (stubIds.Contains(omitted))
                {
                    missing.Add($"{omitted}: listed as a known omission but the stub has it; remove it from {nameof(KnownOmissions)}");
                }
            }

            Assert.True(requiredTypeIds.Count >= RequiredTypes.Length + 15, $"Only {requiredTypeIds.Count} required types; the Types namespace expansion is broken.");
            Assert.True(
                missing.Count == 0,
                $"The stub lacks {missing.Count} required listing rows:{Environment.NewLine}" + string.Join(Environment.NewLine, missing));
        }

        [Fact]
        public void FidelityCheckReportsWrongAndExtraMembers()
        {
            ApiListing listing = ApiListing.Load();
            IReadOnlyDictionary<string, string> expected = ExpectedSignatures(listing);

            // 1. A correct symbol against a mutated listing row: the default value of Start's path parameter is dropped.
            IAssemblySymbol stub = LoadStub();
            const string startId = "M:Microsoft.Spark.Sql.Streaming.DataStreamWriter.Start(System.String)";
            ISymbol start = StubChecker.VisibleSymbols(stub).Single(s => s.GetDocumentationCommentId() == startId);
            Assert.Equal(listing[startId], StubChecker.Render(start));
            var mutated = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [startId] = listing[startId].Replace(" = null", string.Empty, StringComparison.Ordinal),
            };
            Assert.NotEqual(listing[startId], mutated[startId]);
            ImmutableArray<string> mutatedProblems = StubChecker.FindProblems(ImmutableArray.Create(start), mutated);
            Assert.Single(mutatedProblems);
            Assert.StartsWith(startId + ":", mutatedProblems[0], StringComparison.Ordinal);

            // 2. A deliberately wrong stub compiled from source and read back from metadata, like the real one.
            const string wrongStub = @"
namespace Microsoft.Spark.Sql.Streaming
{
    public sealed class Trigger                                 // lacks the IJvmObjectReferenceProvider base
    {
        internal Trigger() { }
        public static Trigger Once() => throw null;             // correct
        public static Trigger AvailableNow() => throw null;     // not in Microsoft.Spark 2.3.1
        public static Trigger ProcessingTime(int intervalMs) => throw null; // wrong parameter type (the listing has long)
    }

    public sealed class StreamingQuery                          // not sealed class ... : IJvmObjectReferenceProvider; implicit public constructor
    {
        public string Name => throw null;                       // the listing has a property: correct
        public void AwaitTermination(long timeoutMs) => throw null; // returns bool in the listing
    }

    public sealed class DataStreamWriter
    {
        internal DataStreamWriter() { }
        public StreamingQuery Start(string path) => throw null; // the listing has string path = null
        [Microsoft.Spark.Since(""2.4.0"")] public DataStreamWriter Foreach(Microsoft.Spark.Sql.IForeachWriter writer) => throw null; // correct
        public DataStreamWriter ForeachBatch(System.Action<Microsoft.Spark.Sql.DataFrame, long> func) => throw null; // lacks [Since(""2.4.0"")]
    }

    public enum OutputMode { Append = 0, Complete = 2, Update = 1 } // values swapped
}";
            IAssemblySymbol wrong = CompileFromSource(wrongStub);
            ImmutableArray<string> problems = StubChecker.FindProblems(StubChecker.VisibleSymbols(wrong), expected);

            string[] expectedProblemIds =
            {
                "T:Microsoft.Spark.Sql.Streaming.Trigger",
                "M:Microsoft.Spark.Sql.Streaming.Trigger.AvailableNow",
                "M:Microsoft.Spark.Sql.Streaming.Trigger.ProcessingTime(System.Int32)",
                "T:Microsoft.Spark.Sql.Streaming.StreamingQuery",
                "M:Microsoft.Spark.Sql.Streaming.StreamingQuery.#ctor",
                "M:Microsoft.Spark.Sql.Streaming.StreamingQuery.AwaitTermination(System.Int64)",
                "T:Microsoft.Spark.Sql.Streaming.DataStreamWriter",
                "M:Microsoft.Spark.Sql.Streaming.DataStreamWriter.Start(System.String)",
                "M:Microsoft.Spark.Sql.Streaming.DataStreamWriter.ForeachBatch(System.Action{Microsoft.Spark.Sql.DataFrame,System.Int64})",
                "F:Microsoft.Spark.Sql.Streaming.OutputMode.Complete",
                "F:Microsoft.Spark.Sql.Streaming.OutputMode.Update",
            };
            string[] reportedIds = problems.Select(p => p.Substring(0, p.IndexOf(": ", StringComparison.Ordinal))).ToArray();
            Assert.Equal(expectedProblemIds.OrderBy(id => id, StringComparer.Ordinal), reportedIds.OrderBy(id => id, StringComparer.Ordinal));
        }

        private static IReadOnlyDictionary<string, string> ExpectedSignatures(ApiListing listing)
        {
            var expected = new Dictionary<string, string>(listing.Rows, StringComparer.Ordinal);
            foreach ((string id, string removed, string reason) in KnownDeviations)
            {
                Assert.True(listing.Contains(id), $"Known deviation {id} ({reason}) is not in the listing.");
                Assert.True(
                    listing[id].Contains(removed, StringComparison.Ordinal),
                    $"Known deviation {id} ({reason}): the listing row no longer contains '{removed}': {listing[id]}");
                expected[id] = listing[id].Replace(removed, string.Empty, StringComparison.Ordinal);
            }

            return expected;
        }

        private static IAssemblySymbol LoadStub()
        {
            CSharpCompilation compilation = CSharpCompilation.Create(
                "StreamLint.StubFidelity",
                references: LibraryReferences.For(Libraries.Spark));
            var stub = compilation.GetAssemblyOrModuleSymbol(LibraryReferences.Spark) as IAssemblySymbol;
            Assert.NotNull(stub);
            Assert.Equal("Microsoft.Spark", stub!.Identity.Name);
            return stub;
        }

        private static IAssemblySymbol CompileFromSource(string source)
        {
            // The wrong stub must see the real one's attribute and interface types, and nothing else of it.
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Microsoft.Spark.Wrong",
                new[] { CSharpSyntaxTree.ParseText(source) },
                LibraryReferences.For(Libraries.Spark),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(image);
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
            MetadataReference reference = MetadataReference.CreateFromImage(image.ToArray());
            CSharpCompilation reader = CSharpCompilation.Create(
                "StreamLint.StubFidelity.Wrong",
                references: LibraryReferences.For(Libraries.Spark).Add(reference));
            var assembly = reader.GetAssemblyOrModuleSymbol(reference) as IAssemblySymbol;
            Assert.NotNull(assembly);
            return assembly!;
        }

        /// <summary>The parsed listing: documentation-comment ID to signature, in file order.</summary>
        private sealed class ApiListing
        {
            private const string RelativePath = "tests/StreamLint.SparkStub/Api/Microsoft.Spark-2.3.1.api.tsv";

            private ApiListing(string path, Dictionary<string, string> rows, List<string> ids)
            {
                Path = path;
                Rows = rows;
                Ids = ids;
            }

            public string Path { get; }

            public IReadOnlyDictionary<string, string> Rows { get; }

            public IReadOnlyList<string> Ids { get; }

            public string this[string id] => Rows[id];

            public bool Contains(string id) => Rows.ContainsKey(id);

            public static ApiListing Load()
            {
                string path = Find();
                var rows = new Dictionary<string, string>(StringComparer.Ordinal);
                var ids = new List<string>();
                int lineNumber = 0;
                foreach (string line in File.ReadLines(path))
                {
                    lineNumber++;
                    if (line.Length == 0 || line.StartsWith('#'))
                    {
                        continue;
                    }

                    int tab = line.IndexOf('\t', StringComparison.Ordinal);
                    Assert.True(tab > 0, $"{path}:{lineNumber}: no tab in '{line}'");
                    string id = line.Substring(0, tab);
                    Assert.True(rows.TryAdd(id, line.Substring(tab + 1)), $"{path}:{lineNumber}: duplicate ID {id}");
                    ids.Add(id);
                }

                Assert.True(rows.Count > 1000, $"{path} has only {rows.Count} rows.");
                return new ApiListing(path, rows, ids);
            }

            private static string Find()
            {
                string path = Repository.PathOf(RelativePath.Split('/'));

                // Not a skip: without the listing nothing guarantees that the stub matches the real API.
                return File.Exists(path)
                    ? path
                    : throw new InvalidOperationException($"The Microsoft.Spark API listing {RelativePath} is missing from the repository at {Repository.Root}.");
            }
        }

        /// <summary>
        /// Walks the public surface of an assembly and renders each symbol the way the listing prints it, e.g.
        /// <c>[Since("2.4.0")] static Microsoft.Spark.Sql.Column Microsoft.Spark.Sql.Functions.Window(Microsoft.Spark.Sql.Column column, string windowDuration)</c>.
        /// </summary>
        private static class StubChecker
        {
            private const string VersionAttributeName = "Microsoft.Spark.VersionAttribute";

            private static readonly Dictionary<string, string> OperatorTokens = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["op_UnaryNegation"] = "-", ["op_UnaryPlus"] = "+", ["op_LogicalNot"] = "!", ["op_OnesComplement"] = "~",
                ["op_Increment"] = "++", ["op_Decrement"] = "--", ["op_True"] = "true", ["op_False"] = "false",
                ["op_Addition"] = "+", ["op_Subtraction"] = "-", ["op_Multiply"] = "*", ["op_Division"] = "/", ["op_Modulus"] = "%",
                ["op_BitwiseAnd"] = "&", ["op_BitwiseOr"] = "|", ["op_ExclusiveOr"] = "^", ["op_LeftShift"] = "<<", ["op_RightShift"] = ">>",
                ["op_UnsignedRightShift"] = ">>>", ["op_Equality"] = "==", ["op_Inequality"] = "!=", ["op_LessThan"] = "<",
                ["op_GreaterThan"] = ">", ["op_LessThanOrEqual"] = "<=", ["op_GreaterThanOrEqual"] = ">=",
            };

            /// <summary>Every type and member visible outside the assembly, skipping accessors and compiler-generated members.</summary>
            public static ImmutableArray<ISymbol> VisibleSymbols(IAssemblySymbol assembly)
            {
                var result = ImmutableArray.CreateBuilder<ISymbol>();
                var namespaces = new Stack<INamespaceSymbol>();
                namespaces.Push(assembly.GlobalNamespace);
                var types = new Stack<INamedTypeSymbol>();
                while (namespaces.Count > 0)
                {
                    foreach (INamespaceOrTypeSymbol member in namespaces.Pop().GetMembers())
                    {
                        if (member is INamespaceSymbol ns)
                        {
                            namespaces.Push(ns);
                        }
                        else if (member is INamedTypeSymbol type && IsVisible(type))
                        {
                            types.Push(type);
                        }
                    }
                }

                while (types.Count > 0)
                {
                    INamedTypeSymbol type = types.Pop();
                    result.Add(type);
                    foreach (ISymbol member in type.GetMembers())
                    {
                        if (member is INamedTypeSymbol nested)
                        {
                            if (IsVisible(nested))
                            {
                                types.Push(nested);
                            }
                        }
                        else if (IsVisible(member) && !member.IsImplicitlyDeclared && !IsCompilerGenerated(member) && !IsAccessor(member))
                        {
                            result.Add(member);
                        }
                    }
                }

                return result.ToImmutable();
            }

            /// <summary>One line per symbol whose ID is not in <paramref name="expected"/> or whose rendering differs from it.</summary>
            public static ImmutableArray<string> FindProblems(IEnumerable<ISymbol> symbols, IReadOnlyDictionary<string, string> expected)
            {
                var problems = ImmutableArray.CreateBuilder<string>();
                foreach (ISymbol symbol in symbols)
                {
                    string rendered = Render(symbol);
                    string? id = symbol.GetDocumentationCommentId();
                    if (id is null)
                    {
                        problems.Add($"{symbol.ToDisplayString()}: has no documentation-comment ID ({rendered})");
                    }
                    else if (!expected.TryGetValue(id, out string? signature))
                    {
                        problems.Add($"{id}: not in the listing; the stub declares `{rendered}`");
                    }
                    else if (!string.Equals(signature, rendered, StringComparison.Ordinal))
                    {
                        problems.Add($"{id}: signature differs{Environment.NewLine}    listing: {signature}{Environment.NewLine}    stub:    {rendered}");
                    }
                }

                return problems.OrderBy(p => p, StringComparer.Ordinal).ToImmutableArray();
            }

            public static string Render(ISymbol symbol) => symbol switch
            {
                INamedTypeSymbol type => RenderType(type),
                IMethodSymbol method => RenderMethod(method),
                IPropertySymbol property => RenderProperty(property),
                IFieldSymbol field => RenderField(field),
                IEventSymbol @event => Attributes(@event) + Modifiers(@event) + "event " + TypeName(@event.Type) + " " + Owner(@event) + "." + @event.Name,
                _ => throw new NotSupportedException($"Cannot render {symbol.Kind} {symbol.ToDisplayString()}"),
            };

            private static string RenderType(INamedTypeSymbol type)
            {
                var text = new StringBuilder(Attributes(type));
                string kind;
                switch (type.TypeKind)
                {
                    case TypeKind.Class:
                        text.Append(type.IsStatic ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : string.Empty);
                        kind = type.IsRecord ? "record" : "class";
                        break;
                    case TypeKind.Struct:
                        text.Append(type.IsReadOnly ? "readonly " : string.Empty);
                        kind = type.IsRecord ? "record struct" : "struct";
                        break;
                    case TypeKind.Interface:
                        kind = "interface";
                        break;
                    case TypeKind.Enum:
                        kind = "enum";
                        break;
                    case TypeKind.Delegate:
                        IMethodSymbol invoke = type.DelegateInvokeMethod!;
                        return text + "delegate " + TypeName(invoke.ReturnType) + " " + TypeName(type) + "(" + Parameters(invoke.Parameters) + ")";
                    default:
                        throw new NotSupportedException($"Cannot render type kind {type.TypeKind} of {type.ToDisplayString()}");
                }

                text.Append(kind).Append(' ').Append(TypeName(type));
                var bases = new List<string>();
                if (type.TypeKind == TypeKind.Class && type.BaseType is { SpecialType: not SpecialType.System_Object } baseType)
                {
                    bases.Add(TypeName(baseType));
                }

                if (type.TypeKind != TypeKind.Enum)
                {
                    bases.AddRange(type.Interfaces.Select(TypeName));
                }

                if (bases.Count > 0)
                {
                    text.Append(" : ").Append(string.Join(", ", bases));
                }

                return text.ToString();
            }

            private static string RenderMethod(IMethodSymbol method)
            {
                string prefix = Attributes(method) + Modifiers(method);
                string owner = Owner(method);
                string parameters = "(" + Parameters(method.Parameters) + ")";
                switch (method.MethodKind)
                {
                    case MethodKind.Constructor:
                        return prefix + owner + "." + method.ContainingType.Name + parameters;
                    case MethodKind.Conversion:
                        string direction = method.Name == WellKnownMemberNames.ExplicitConversionName ? "explicit" : "implicit";
                        return prefix + owner + "." + direction + " operator " + TypeName(method.ReturnType) + parameters;
                    case MethodKind.UserDefinedOperator:
                        string token = OperatorTokens.TryGetValue(method.Name, out string? t) ? t : method.Name;
                        return prefix + ReturnType(method) + " " + owner + ".operator " + token + parameters;
                    default:
                        string typeParameters = method.TypeParameters.IsEmpty ? string.Empty : "<" + string.Join(", ", method.TypeParameters.Select(p => p.Name)) + ">";
                        return prefix + ReturnType(method) + " " + owner + "." + method.Name + typeParameters + parameters;
                }
            }

            private static string RenderProperty(IPropertySymbol property)
            {
                string name = property.IsIndexer ? "this[" + Parameters(property.Parameters) + "]" : property.Name;
                var accessors = new StringBuilder("{ ");
                if (property.GetMethod is { } getter && IsVisible(getter))
                {
                    accessors.Append("get; ");
                }

                if (property.SetMethod is { } setter && IsVisible(setter))
                {
                    accessors.Append(setter.IsInitOnly ? "init; " : "set; ");
                }

                accessors.Append('}');
                string type = (property.ReturnsByRef ? "ref " : property.ReturnsByRefReadonly ? "ref readonly " : string.Empty) + TypeName(property.Type);
                return Attributes(property) + Modifiers(property) + type + " " + Owner(property) + "." + name + " " + accessors;
            }

            private static string RenderField(IFieldSymbol field)
            {
                if (field.ContainingType.TypeKind == TypeKind.Enum)
                {
                    return Attributes(field) + Owner(field) + "." + field.Name + " = " + Literal(field.ConstantValue);
                }

                string modifiers = field.IsConst ? "const " : Modifiers(field) + (field.IsReadOnly ? "readonly " : string.Empty);
                string value = field.IsConst ? " = " + Literal(field.ConstantValue) : string.Empty;
                return Attributes(field) + modifiers + TypeName(field.Type) + " " + Owner(field) + "." + field.Name + value;
            }

            private static string ReturnType(IMethodSymbol method) =>
                (method.ReturnsByRef ? "ref " : method.ReturnsByRefReadonly ? "ref readonly " : string.Empty) +
                (method.ReturnsVoid ? "void" : TypeName(method.ReturnType));

            private static string Owner(ISymbol member) => TypeName(member.ContainingType);

            /// <summary>The listing prints <c>static</c>, <c>abstract</c>, <c>virtual</c>, <c>override</c> and <c>sealed</c>, but nothing on interface members.</summary>
            private static string Modifiers(ISymbol member)
            {
                if (member.ContainingType?.TypeKind == TypeKind.Interface && !member.IsStatic)
                {
                    return string.Empty;
                }

                var text = new StringBuilder();
                if (member.IsStatic)
                {
                    text.Append("static ");
                }

                if (member.IsAbstract)
                {
                    text.Append("abstract ");
                }

                if (member.IsVirtual)
                {
                    text.Append("virtual ");
                }

                if (member.IsSealed && member.IsOverride)
                {
                    text.Append("sealed ");
                }

                if (member.IsOverride)
                {
                    text.Append("override ");
                }

                return text.ToString();
            }

            /// <summary>Only Microsoft.Spark's version attributes (<c>[Since]</c>, <c>[Deprecated]</c>, <c>[Removed]</c>) are part of the listing.</summary>
            private static string Attributes(ISymbol symbol)
            {
                var text = new StringBuilder();
                foreach (AttributeData attribute in symbol.GetAttributes())
                {
                    if (attribute.AttributeClass is not { } attributeClass || !IsVersionAttribute(attributeClass))
                    {
                        continue;
                    }

                    string name = attributeClass.Name.EndsWith("Attribute", StringComparison.Ordinal)
                        ? attributeClass.Name.Substring(0, attributeClass.Name.Length - "Attribute".Length)
                        : attributeClass.Name;
                    IEnumerable<string> arguments = attribute.ConstructorArguments.Select(a => a.Kind == TypedConstantKind.Array ? a.ToCSharpString() : Literal(a.Value))
                        .Concat(attribute.NamedArguments.Select(a => a.Key + " = " + Literal(a.Value.Value)));
                    text.Append('[').Append(name).Append('(').Append(string.Join(", ", arguments)).Append(")] ");
                }

                return text.ToString();
            }

            private static bool IsVersionAttribute(INamedTypeSymbol attributeClass)
            {
                for (INamedTypeSymbol? type = attributeClass; type != null; type = type.BaseType)
                {
                    if (type.ToDisplayString() == VersionAttributeName)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static string Parameters(ImmutableArray<IParameterSymbol> parameters) =>
                string.Join(", ", parameters.Select(Parameter));

            /// <summary><c>params</c>, <c>ref</c>/<c>out</c>/<c>in</c>, type, name and default value. The listing does not print <c>this</c> of extension methods.</summary>
            private static string Parameter(IParameterSymbol parameter)
            {
                var text = new StringBuilder();
                if (parameter.IsParams)
                {
                    text.Append("params ");
                }

                text.Append(parameter.RefKind switch
                {
                    RefKind.Ref => "ref ",
                    RefKind.Out => "out ",
                    RefKind.In => "in ",
                    _ => string.Empty,
                });
                text.Append(TypeName(parameter.Type)).Append(' ').Append(parameter.Name);
                if (parameter.HasExplicitDefaultValue)
                {
                    text.Append(" = ").Append(Literal(parameter.ExplicitDefaultValue));
                }

                return text.ToString();
            }

            private static string Literal(object? value) => value switch
            {
                null => "null",
                string s => SymbolDisplay.FormatLiteral(s, quote: true),
                char c => SymbolDisplay.FormatLiteral(c, quote: true),
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "null",
            };

            /// <summary>Fully qualified, C# keywords for special types, <c>T?</c> for nullable value types, generic arguments as <c>&lt;A, B&gt;</c>.</summary>
            private static string TypeName(ITypeSymbol type)
            {
                switch (type)
                {
                    case IArrayTypeSymbol array:
                        return TypeName(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]";
                    case IPointerTypeSymbol pointer:
                        return TypeName(pointer.PointedAtType) + "*";
                    case ITypeParameterSymbol typeParameter:
                        return typeParameter.Name;
                    case INamedTypeSymbol named when named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T:
                        return TypeName(named.TypeArguments[0]) + "?";
                    case INamedTypeSymbol named:
                        string? keyword = Keyword(named.SpecialType);
                        if (keyword != null)
                        {
                            return keyword;
                        }

                        string container = named.ContainingType != null
                            ? TypeName(named.ContainingType) + "."
                            : named.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : string.Empty;
                        string arguments = named.TypeArguments.IsEmpty ? string.Empty : "<" + string.Join(", ", named.TypeArguments.Select(TypeName)) + ">";
                        return container + named.Name + arguments;
                    default:
                        return type.ToDisplayString();
                }
            }

            private static string? Keyword(SpecialType specialType) => specialType switch
            {
                SpecialType.System_Object => "object",
                SpecialType.System_String => "string",
                SpecialType.System_Boolean => "bool",
                SpecialType.System_Char => "char",
                SpecialType.System_SByte => "sbyte",
                SpecialType.System_Byte => "byte",
                SpecialType.System_Int16 => "short",
                SpecialType.System_UInt16 => "ushort",
                SpecialType.System_Int32 => "int",
                SpecialType.System_UInt32 => "uint",
                SpecialType.System_Int64 => "long",
                SpecialType.System_UInt64 => "ulong",
                SpecialType.System_Single => "float",
                SpecialType.System_Double => "double",
                SpecialType.System_Decimal => "decimal",
                SpecialType.System_Void => "void",
                _ => null,
            };

            private static bool IsVisible(ISymbol symbol)
            {
                for (ISymbol? current = symbol; current != null && current.Kind != SymbolKind.Namespace; current = current.ContainingSymbol)
                {
                    if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static bool IsAccessor(ISymbol member) =>
                member is IMethodSymbol
                {
                    MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise,
                };

            private static bool IsCompilerGenerated(ISymbol member) =>
                member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.CompilerGeneratedAttribute");
        }
    }
}
