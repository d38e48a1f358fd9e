using Microsoft.CodeAnalysis;
using StreamLint.Core;

namespace StreamLint.Spark
{
    /// <summary>The Microsoft.Spark types the pipeline model understands, resolved once per compilation by metadata name.</summary>
    internal sealed class SparkSymbols
    {
        internal const string AssemblyName = "Microsoft.Spark";



        private SparkSymbols(Compilation compilation, IAssemblySymbol spark, INamedTypeSymbol dataFrame)
        {
            this.Assembly = spark;
            this.DataFrame = dataFrame;
            this.SparkSession = spark.GetTypeByMetadataName("Microsoft.Spark.Sql.SparkSession");
            this.Column = spark.GetTypeByMetadataName("Microsoft.Spark.Sql.Column");
            this.Functions = spark.GetTypeByMetadataName("Microsoft.Spark.Sql.Functions");
            this.RelationalGroupedDataset = spark.GetTypeByMetadataName("Microsoft.Spark.Sql.RelationalGroupedDataset");
            this.DataFrameReader = spark.GetTypeByMetadataName("Microsoft.Spark.Sql.DataFrameReader");
            this.DataFrameWriter = spark.GetTypeByMetadataName("Microsoft.Spark.Sql.DataFrameWriter");
            this.DataStreamReader = spark.GetTypeByMetadataName("Microsoft.Spark.Sql.Streaming.DataStreamReader");
            this.DataStreamWriter = spark.GetTypeByMetadataName("Microsoft.Spark.Sql.Streaming.DataStreamWriter");
            this.OutputModeEnum = spark.GetTypeByMetadataName("Microsoft.Spark.Sql.Streaming.OutputMode");
            this.StreamingQuery = spark.GetTypeByMetadataName("Microsoft.Spark.Sql.Streaming.StreamingQuery");
            this.StreamingQueryManager = spark.GetTypeByMetadataName("Microsoft.Spark.Sql.Streaming.StreamingQueryManager");
            this.ForeachWriter = spark.GetTypeByMetadataName("Microsoft.Spark.Sql.IForeachWriter");
            this.Disposable = compilation.GetSpecialType(SpecialType.System_IDisposable);
        }

        /// <summary>The referenced Microsoft.Spark assembly.</summary>
        public IAssemblySymbol Assembly { get; }

        public INamedTypeSymbol DataFrame { get; }

        public INamedTypeSymbol? SparkSession { get; }

        public INamedTypeSymbol? Column { get; }

        public INamedTypeSymbol? Functions { get; }

        public INamedTypeSymbol? RelationalGroupedDataset { get; }

        public INamedTypeSymbol? DataFrameReader { get; }

        public INamedTypeSymbol? DataFrameWriter { get; }

        public INamedTypeSymbol? DataStreamReader { get; }

        public INamedTypeSymbol? DataStreamWriter { get; }

        public INamedTypeSymbol? OutputModeEnum { get; }

        public INamedTypeSymbol? StreamingQuery { get; }

        public INamedTypeSymbol? StreamingQueryManager { get; }

        public INamedTypeSymbol? ForeachWriter { get; }

        public INamedTypeSymbol Disposable { get; }

        /// <summary>
        /// Null when Microsoft.Spark is not referenced: every Spark rule then does nothing. The types are looked up in
        /// the Microsoft.Spark assembly only. <see cref="Compilation.GetTypeByMetadataName"/> would search the source
        /// and every reference, and on a fresh compilation its first call pays for merging the source declarations
        /// and loading each reference's namespaces: a price a project that does not use Spark would pay on every build
        /// and every IDE edit (docs/performance.md).
        /// </summary>
        public static SparkSymbols? TryCreate(Compilation compilation)
        {
            IAssemblySymbol? spark = LibraryScan.FindAssembly(compilation, AssemblyName);
            INamedTypeSymbol? dataFrame = spark?.GetTypeByMetadataName("Microsoft.Spark.Sql.DataFrame");
            return dataFrame is null ? null : new SparkSymbols(compilation, spark!, dataFrame);
        }

        /// <summary>
        /// How Spark code is found in a file: <see cref="SparkApi.Words"/>, the member names of Microsoft.Spark's types
        /// (a call by another name cannot be a Spark call) and the assembly; one per assembly symbol, which the IDE's
        /// compilations share while references are unchanged.
        /// </summary>
        public LibraryScan Scan => LibraryScan.For(this.Assembly, SparkApi.Words);

        public bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
    }
}
