using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1014: Format("kafka") options Spark's Kafka connector rejects: Kafka client settings it manages itself,
    /// a source without exactly one of subscribe/subscribePattern/assign, no kafka.bootstrap.servers, and
    /// endingOffsets on a streaming read. kafka.group.id is accepted but reported as a warning.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InvalidKafkaOptionsAnalyzer : SparkAnalyzer
    {
        /// <summary>Property on a forbidden-option diagnostic: "Remove" or "StartingOffsets" (the fix to offer).</summary>
        public const string FixProperty = "Fix";

        private static readonly string[] Subscriptions = { "subscribe", "subscribePattern", "assign" };

        private static readonly ImmutableDictionary<string, string> SourceForbidden = ImmutableDictionary.CreateRange(
            StringComparer.OrdinalIgnoreCase,
            new Dictionary<string, string>
            {
                ["kafka.auto.offset.reset"] = "Kafka option 'auto.offset.reset' is not supported. Instead set the source option 'startingoffsets' to 'earliest' or 'latest' to specify where to start",
                ["kafka.enable.auto.commit"] = "Kafka option 'enable.auto.commit' is not supported. Spark tracks the offsets it consumes in its checkpoint",
                ["kafka.key.deserializer"] = "Kafka option 'key.deserializer' is not supported as keys are deserialized as byte arrays with ByteArrayDeserializer. Use DataFrame operations to explicitly deserialize the keys",
                ["kafka.value.deserializer"] = "Kafka option 'value.deserializer' is not supported as values are deserialized as byte arrays with ByteArrayDeserializer. Use DataFrame operations to explicitly deserialize the values",
                ["kafka.interceptor.classes"] = "Kafka option 'interceptor.classes' is not supported as user-specified consumer interceptors would see Spark's internal records",
            });

        private static readonly ImmutableDictionary<string, string> SinkForbidden = ImmutableDictionary.CreateRange(
            StringComparer.OrdinalIgnoreCase,
            new Dictionary<string, string>
            {
                ["kafka.key.serializer"] = "Kafka option 'key.serializer' is not supported as keys are serialized with ByteArraySerializer",
                ["kafka.value.serializer"] = "Kafka option 'value.serializer' is not supported as value are serialized with ByteArraySerializer",
                ["kafka.interceptor.classes"] = "Kafka option 'interceptor.classes' is not supported as user-specified producer interceptors would see Spark's internal records",
            });

        public InvalidKafkaOptionsAnalyzer()
            : base(Descriptors.SL1014_InvalidKafkaOptions)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterSparkCalls(context, spark, (c, invocation) => Analyze(c, invocation, spark));

        private static void Analyze(MemberContext context, IInvocationOperation invocation, SparkCompilation spark)
        {
            SparkSymbols s = spark.Symbols;
            INamedTypeSymbol type = invocation.TargetMethod.ContainingType;
            string name = invocation.TargetMethod.Name;
            bool source = name is "Load" && (s.Is(type, s.DataStreamReader) || s.Is(type, s.DataFrameReader));
            bool sink = (name is "Start" or "ToTable" && s.Is(type, s.DataStreamWriter)) || (name is "Save" && s.Is(type, s.DataFrameWriter));
            if ((!source && !sink)
                || spark.Evaluator.EvaluateBuilder(invocation.Instance, context.CancellationToken) is not { } builder
                || !builder.Facts.FormatKnown || builder.Facts.Format != "kafka")
            {
                return;
            }

            BuilderFacts facts = builder.Facts;
            ImmutableDictionary<string, string> forbidden = source ? SourceForbidden : SinkForbidden;
            foreach (IInvocationOperation option in builder.Calls.Where(c => c.TargetMethod.Name == "Option"))
            {
                if (OperationFacts.ConstantString(OperationFacts.Argument(option, 0)) is not { } key || OperationFacts.Argument(option, 0) is not { } keySyntax)
                {
                    continue;
                }

                // An option set in another statement on a stored builder is reported where the builder is used.
                bool inChain = invocation.Syntax.Span.Contains(option.Syntax.Span);
                Location location = inChain ? keySyntax.Syntax.GetLocation() : OperationFacts.NameLocation(invocation.Syntax);
                if (forbidden.TryGetValue(key, out string? message))
                {
                    string? fix = !inChain ? null : string.Equals(key, "kafka.auto.offset.reset", StringComparison.OrdinalIgnoreCase) ? "StartingOffsets" : "Remove";
                    Report(context, location, DiagnosticSeverity.Error, fix, $"Option '{key}' on a Kafka {(source ? "source" : "sink")}: Spark throws: \"{message}\"");
                }
                else if (source && string.Equals(key, "kafka.group.id", StringComparison.OrdinalIgnoreCase)
                    && SparkTarget.For(context.Options, invocation.Syntax.SyntaxTree).RejectsKafkaGroupId)
                {
                    Report(context, location, DiagnosticSeverity.Error, inChain ? "Remove" : null, "Option 'kafka.group.id' on a Kafka source: Spark before 3.0 throws: \"Kafka option 'group.id' is not supported as user-specified consumer groups are not used to track offsets.\"");
                }
                else if (source && string.Equals(key, "kafka.group.id", StringComparison.OrdinalIgnoreCase))
                {
                    Report(context, location, DiagnosticSeverity.Warning, null, "Option 'kafka.group.id' makes Spark's Kafka source use a fixed consumer group: two queries (or two runs) with the same group read each other's partitions and lose data; let Spark generate a unique group id");
                }
                else if (source && builder.Kind == BuilderKind.StreamReader && string.Equals(key, "endingOffsets", StringComparison.OrdinalIgnoreCase))
                {
                    Report(context, location, DiagnosticSeverity.Error, inChain ? "Remove" : null, "Option 'endingOffsets' on a streaming Kafka read: Spark throws: \"ending offset not valid in streaming queries\"");
                }
            }

            if (!facts.OptionsComplete)
            {
                return; // an option set through a dictionary or a non-constant key may be the one that looks missing
            }

            Location here = OperationFacts.NameLocation(invocation.Syntax);
            if (source)
            {
                int subscriptions = Subscriptions.Count(facts.Options.ContainsKey);
                if (subscriptions != 1)
                {
                    Report(context, here, DiagnosticSeverity.Error, null, subscriptions == 0
                        ? "Kafka source without a topic: Spark throws: \"One of the following options must be specified for Kafka source: subscribe, subscribePattern, assign. See the docs for more details.\""
                        : "Kafka source with more than one of subscribe, subscribePattern, assign: Spark throws: \"Only one of the following options can be specified for Kafka source: subscribe, subscribePattern, assign. See the docs for more details.\"");
                }
            }

            if (!facts.Options.ContainsKey("kafka.bootstrap.servers"))
            {
                Report(context, here, DiagnosticSeverity.Error, null, $"Kafka {(source ? "source" : "sink")} without 'kafka.bootstrap.servers': Spark throws: \"Option 'kafka.bootstrap.servers' must be specified for configuring Kafka {(source ? "consumer" : "producer")}\"");
            }
        }

        private static void Report(MemberContext context, Location location, DiagnosticSeverity severity, string? fix, string message) =>
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SL1014_InvalidKafkaOptions,
                location,
                severity,
                additionalLocations: null,
                properties: fix is null ? null : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix),
                message));
    }
}
