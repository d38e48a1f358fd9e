using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;

namespace StreamLint.Spark
{
    /// <summary>
    /// Microsoft.Spark's vocabulary in one place: the method and sink names the model and the rules recognise, and the
    /// recognisers of the calls several of them look for (Start/ToTable, ForeachBatch, the checkpoint option).
    /// </summary>
    internal static class SparkApi
    {
        public const string ForeachBatch = "ForeachBatch";
        public const string CheckpointOption = "checkpointLocation";
        public const string CheckpointConfKey = "spark.sql.streaming.checkpointLocation";

        /// <summary>
        /// Names that code working with Microsoft.Spark's DataFrames writes somewhere in a file: its types, the
        /// streaming entry points, and <c>Spark</c> from <c>using Microsoft.Spark…</c>. Only names no other library
        /// commonly uses: GroupBy, Column or Trigger would also admit LINQ, ORM and Kafka Streams files, and every
        /// member of an admitted file is bound and walked.
        /// </summary>
        public static readonly NameSet Words = new NameSet(new[]
        {
            "DataFrame", "DataStreamWriter", "DataStreamReader", "DataFrameWriter", "DataFrameReader", "SparkSession",
            "RelationalGroupedDataset", "ReadStream", "WriteStream", ForeachBatch, "IForeachWriter",
            "StreamingQuery", "StreamingQueryManager", "WithWatermark", "Spark",
        });

        /// <summary>RelationalGroupedDataset (and DataFrame.Agg) methods that aggregate.</summary>
        public static readonly ImmutableHashSet<string> Aggregations = ImmutableHashSet.Create("Agg", "Count", "Sum", "Avg", "Mean", "Min", "Max");

        /// <summary>DataStreamReader methods that load a streaming DataFrame.</summary>
        public static readonly ImmutableHashSet<string> StreamLoadMethods = ImmutableHashSet.Create("Load", "Csv", "Json", "Parquet", "Orc", "Text", "Table");

        /// <summary>DataFrameReader / DataStreamReader methods that load a DataFrame (a batch reader also reads JDBC).</summary>
        public static readonly ImmutableHashSet<string> LoadMethods = StreamLoadMethods.Add("Jdbc");

        /// <summary>DataFrameWriter methods that write the DataFrame out (each one runs the batch's plan).</summary>
        public static readonly ImmutableHashSet<string> BatchWrites = ImmutableHashSet.Create("Save", "SaveAsTable", "InsertInto", "Jdbc", "Parquet", "Json", "Csv", "Orc", "Text");

        /// <summary>DataFrame methods that run the plan and bring results to the driver.</summary>
        public static readonly ImmutableHashSet<string> DataFrameActions = ImmutableHashSet.Create(
            "Count", "Show", "Collect", "Take", "Head", "First", "Tail", "ToLocalIterator", "IsEmpty");

        /// <summary>Sinks whose query Spark gives a throw-away checkpoint when none is set.</summary>
        public static readonly ImmutableHashSet<string> ThrowAwayCheckpointSinks = ImmutableHashSet.Create("console", "memory", "noop");

        /// <summary><c>writer.Start(…)</c> or <c>writer.ToTable(…)</c> on a DataStreamWriter: the call that starts a streaming query.</summary>
        public static bool IsStartCall(IInvocationOperation invocation, SparkSymbols symbols) =>
            invocation.TargetMethod.Name is "Start" or "ToTable"
            && symbols.Is(invocation.TargetMethod.ContainingType, symbols.DataStreamWriter);

        /// <summary><c>writer.ForeachBatch(f)</c> on a DataStreamWriter.</summary>
        public static bool IsForeachBatch(IInvocationOperation invocation, SparkSymbols symbols) =>
            invocation.TargetMethod.Name == ForeachBatch
            && invocation.Arguments.Length == 1
            && symbols.Is(invocation.TargetMethod.ContainingType, symbols.DataStreamWriter);

        /// <summary>The method passed as a method group to a call named ForeachBatch; null for anything else.</summary>
        public static IMethodSymbol? ForeachBatchMethodGroup(IInvocationOperation invocation) =>
            invocation.TargetMethod.Name == ForeachBatch
            && invocation.Arguments.Length == 1
            && OperationFacts.Unwrap(invocation.Arguments[0].Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation reference }
                ? reference.Method
                : null;

        /// <summary>The constant path of <c>writer.Option("checkpointLocation", path)</c>; null for any other call or a non-constant path.</summary>
        public static string? CheckpointOptionPath(IInvocationOperation option, SparkSymbols symbols) =>
            option.TargetMethod.Name == "Option"
            && option.Arguments.Length == 2
            && symbols.Is(option.TargetMethod.ContainingType, symbols.DataStreamWriter)
            && string.Equals(OperationFacts.ConstantString(OperationFacts.Argument(option, 0)), CheckpointOption, StringComparison.OrdinalIgnoreCase)
                ? OperationFacts.ConstantString(OperationFacts.Argument(option, 1))
                : null;
    }
}
