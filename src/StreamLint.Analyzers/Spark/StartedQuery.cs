using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark
{
    /// <summary>
    /// A streaming query at the point it starts: <c>writer.Start(…)</c> or <c>writer.ToTable(…)</c> on a
    /// DataStreamWriter whose configuration the model can see, with the plan it writes.
    /// </summary>
    internal sealed class StartedQuery
    {
        private StartedQuery(IInvocationOperation start, BuilderValue writer)
        {
            this.Start = start;
            this.Writer = writer;
        }

        /// <summary>The <c>Start</c> / <c>ToTable</c> invocation.</summary>
        public IInvocationOperation Start { get; }

        public BuilderValue Writer { get; }

        public BuilderFacts Facts => this.Writer.Facts;

        /// <summary>The plan written; null when its lineage is unknown.</summary>
        public PlanNode? Plan => this.Writer.Input;

        public bool IsToTable => this.Start.TargetMethod.Name == "ToTable";

        public static StartedQuery? TryCreate(IInvocationOperation invocation, SparkCompilation spark, CancellationToken cancellationToken)
        {
            if (!SparkApi.IsStartCall(invocation, spark.Symbols))
            {
                return null;
            }

            BuilderValue? writer = spark.Evaluator.EvaluateBuilder(invocation.Instance, cancellationToken);
            if (writer is not { Kind: BuilderKind.StreamWriter })
            {
                return null;
            }

            if (writer.Input is { HasParameters: true } input)
            {
                // Written inside a helper: the DataFrame is what every caller passes, or unknown.
                writer = new BuilderValue(writer.Kind, writer.Origin, spark.Evaluator.BindFromCallers(input, cancellationToken), writer.Calls, writer.Complete);
            }

            return new StartedQuery(invocation, writer);
        }
    }
}
