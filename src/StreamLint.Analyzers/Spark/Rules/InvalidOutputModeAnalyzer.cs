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
    /// SL1008: an output mode Spark rejects for the plan — Complete without a streaming aggregation (B7c), Update or
    /// Complete on a stream-stream join (C15a) — or a mode string Spark does not know.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InvalidOutputModeAnalyzer : SparkAnalyzer
    {
        /// <summary>Property: the mode the fix writes (append, complete, update).</summary>
        public const string LegalModeProperty = "LegalMode";

        public const string CompleteWithoutAggregationMessage = "Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets";

        private static readonly string[] Modes = { "append", "complete", "update" };

        public InvalidOutputModeAnalyzer()
            : base(Descriptors.SL1008_InvalidOutputMode)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark)
        {
            RegisterSparkCalls(context, spark, (c, invocation) => AnalyzeModeString(c, invocation, spark));
            RegisterStartedQueries(context, spark, AnalyzeQuery);
        }

        private static void AnalyzeModeString(MemberContext context, IInvocationOperation invocation, SparkCompilation spark)
        {
            if (invocation.TargetMethod.Name != "OutputMode" || !spark.Symbols.Is(invocation.TargetMethod.ContainingType, spark.Symbols.DataStreamWriter)
                || OperationFacts.ConstantString(OperationFacts.Argument(invocation, 0)) is not { } mode
                || OutputModes.Parse(mode) != OutputModeFact.Invalid)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (Nearest(mode) is { } legal && OperationFacts.Argument(invocation, 0)!.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)
            {
                properties = properties.Add(LegalModeProperty, legal);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SL1008_InvalidOutputMode,
                OperationFacts.Argument(invocation, 0)!.Syntax.GetLocation(),
                properties,
                $"'{mode}' is not an output mode",
                "when OutputMode(…) runs",
                $"Unknown output mode {mode}. Accepted output modes are 'append', 'complete', 'update'"));
        }

        private static void AnalyzeQuery(MemberContext context, StartedQuery query)
        {
            OutputModeFact mode = query.Facts.OutputMode;
            if (query.Plan is not { Kind: Streamingness.Streaming } plan || mode is not (OutputModeFact.Update or OutputModeFact.Complete))
            {
                return;
            }

            var nodes = PlanQueries.Nodes(plan).ToList();
            string? problem = null;
            string? message = null;
            if (nodes.FirstOrDefault(PlanQueries.IsStreamStreamJoin) is { } join)
            {
                problem = $"{OutputModes.Display(mode)} output mode is used on a stream-stream join";
                message = SparkTarget.For(context.Options, query.Start.Syntax.SyntaxTree).Spark2Messages
                    ? $"Inner join between two streaming DataFrames/Datasets is not supported in {OutputModes.Display(mode)} output mode, only in Append output mode"
                    : $"Join between two streaming DataFrames/Datasets is not supported in {OutputModes.Display(mode)} output mode, only in Append output mode";
            }
            else if (mode == OutputModeFact.Complete && FullyKnown(nodes) && !nodes.Any(n => n is AggregateNode { Kind: Streamingness.Streaming }))
            {
                problem = "Complete output mode is used on a streaming query without aggregation";
                message = CompleteWithoutAggregationMessage;
            }

            if (problem is null)
            {
                return;
            }

            IInvocationOperation? modeCall = query.Facts.OutputModeCall;
            bool local = modeCall is not null && context.Contains(modeCall.Syntax);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SL1008_InvalidOutputMode,
                local ? OperationFacts.Argument(modeCall!, 0)!.Syntax.GetLocation() : OperationFacts.NameLocation(query.Start.Syntax),
                local && FixableModeArgument(OperationFacts.Argument(modeCall!, 0)!, context) ? ImmutableDictionary<string, string?>.Empty.Add(LegalModeProperty, "append") : ImmutableDictionary<string, string?>.Empty,
                problem,
                "at Start()",
                message));
        }

        /// <summary>The fix rewrites a string literal or a member of the OutputMode enum, never a user's constant.</summary>
        private static bool FixableModeArgument(IOperation argument, MemberContext context) =>
            argument.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax
            || (argument is IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum } field } && field.ContainingType.Name == "OutputMode");

        /// <summary>True when no input of the plan is unknown (an unknown input could hide an aggregation).</summary>
        private static bool FullyKnown(System.Collections.Generic.List<PlanNode> nodes) =>
            nodes.All(n => n is not (ParameterNode or OpaqueNode or CombineNode { Right: null }));

        /// <summary>The one mode within two edits of <paramref name="text"/>, if exactly one is.</summary>
        private static string? Nearest(string text)
        {
            var candidates = Modes.Where(m => EditDistance.Compute(text.ToLowerInvariant(), m) <= 2).ToList();
            return candidates.Count == 1 ? candidates[0] : null;
        }
    }
}
