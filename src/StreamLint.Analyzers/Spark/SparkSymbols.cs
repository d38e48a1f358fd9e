using Microsoft.CodeAnalysis;

namespace StreamLint.Spark
{
    /// <summary>The Microsoft.Spark types the pipeline model understands, resolved once per compilation by metadata name.</summary>
    internal sealed class SparkSymbols
    {
        private SparkSymbols(Compilation compilation, INamedTypeSymbol dataFrame)
        {
            this.DataFrame = dataFrame;
            this.SparkSession = compilation.GetTypeByMetadataName("Microsoft.Spark.Sql.SparkSession");
            this.Column = compilation.GetTypeByMetadataName("Microsoft.Spark.Sql.Column");
            this.Functions = compilation.GetTypeByMetadataName("Microsoft.Spark.Sql.Functions");
            this.RelationalGroupedDataset = compilation.GetTypeByMetadataName("Microsoft.Spark.Sql.RelationalGroupedDataset");
            this.DataFrameReader = compilation.GetTypeByMetadataName("Microsoft.Spark.Sql.DataFrameReader");
            this.DataFrameWriter = compilation.GetTypeByMetadataName("Microsoft.Spark.Sql.DataFrameWriter");
            this.DataStreamReader = compilation.GetTypeByMetadataName("Microsoft.Spark.Sql.Streaming.DataStreamReader");
            this.DataStreamWriter = compilation.GetTypeByMetadataName("Microsoft.Spark.Sql.Streaming.DataStreamWriter");
            this.OutputModeEnum = compilation.GetTypeByMetadataName("Microsoft.Spark.Sql.Streaming.OutputMode");
            this.StreamingQuery = compilation.GetTypeByMetadataName("Microsoft.Spark.Sql.Streaming.StreamingQuery");
            this.StreamingQueryManager = compilation.GetTypeByMetadataName("Microsoft.Spark.Sql.Streaming.StreamingQueryManager");
            this.ForeachWriter = compilation.GetTypeByMetadataName("Microsoft.Spark.Sql.IForeachWriter");
            this.Disposable = compilation.GetSpecialType(SpecialType.System_IDisposable);
        }

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

        /// <summary>Null when Microsoft.Spark is not referenced: every Spark rule then does nothing.</summary>
        public static SparkSymbols? TryCreate(Compilation compilation)
        {
            INamedTypeSymbol? dataFrame = compilation.GetTypeByMetadataName("Microsoft.Spark.Sql.DataFrame");
            return dataFrame is null ? null : new SparkSymbols(compilation, dataFrame);
        }

        public bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
    }
}
