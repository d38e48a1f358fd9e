using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1005: a stream-stream left/right/full outer or left-semi join that can have neither a watermarked join key
    /// nor a watermark (plus range condition) on its nullable side. Reported only when the facts prove it: the
    /// nullable side has no watermark at all and no join key can carry one, or the condition is fully known, compares
    /// nothing by range, and no key carries a watermark.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OuterJoinWithoutWatermarkAnalyzer : SparkAnalyzer
    {
        public OuterJoinWithoutWatermarkAnalyzer()
            : base(Descriptors.SL1005_OuterJoinWithoutWatermark)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterSparkCalls(
                context,
                spark,
                invocation => (invocation.TargetMethod.Name == "Join" && spark.Symbols.Is(invocation.TargetMethod.ContainingType, spark.Symbols.DataFrame))
                    || (invocation.TargetMethod.Name == "Sql" && spark.Symbols.Is(invocation.TargetMethod.ContainingType, spark.Symbols.SparkSession)),
                (c, invocation) => Analyze(c, invocation, spark));

        private static void Analyze(MemberContext context, IInvocationOperation invocation, SparkCompilation spark)
        {
            if (invocation.TargetMethod.Name == "Sql")
            {
                // Joins written in the query text (FROM a LEFT JOIN b ON …): its join nodes point at the Sql call.
                if (spark.Evaluator.EvaluateBoundDataFrame(invocation, context.CancellationToken) is { } plan)
                {
                    foreach (JoinNode sqlJoin in PlanQueries.Nodes(plan).OfType<JoinNode>().Where(j => ReferenceEquals(j.Syntax, invocation.Syntax)))
                    {
                        AnalyzeJoin(context, invocation, sqlJoin);
                    }
                }

                return;
            }

            if (spark.Evaluator.EvaluateBoundDataFrame(invocation, context.CancellationToken) is JoinNode join)
            {
                AnalyzeJoin(context, invocation, join);
            }
        }

        private static void AnalyzeJoin(MemberContext context, IInvocationOperation invocation, JoinNode join)
        {
            if (!PlanQueries.IsStreamStreamJoin(join)
                || join.JoinType is not (JoinTypes.LeftOuter or JoinTypes.RightOuter or JoinTypes.FullOuter or JoinTypes.LeftSemi)
                || !Proven(join))
            {
                return;
            }

            // Spark before 3.1 supports only left and right outer stream-stream joins, with a shorter message.
            bool legacy = SparkTarget.For(context.Options, invocation.Syntax.SyntaxTree).OnlyLeftRightOuterStreamJoins;
            if (legacy && join.JoinType is JoinTypes.FullOuter or JoinTypes.LeftSemi)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SL1005_OuterJoinWithoutWatermark,
                OperationFacts.NameLocation(invocation.Syntax),
                legacy ? "outer" : JoinTypes.Display(join.JoinType)));
        }

        /// <summary>
        /// Spark rejects the join unless an equi-join key carries a watermark, or the nullable side has a watermark
        /// and a range condition bounds it. Proven when the nullable side has no watermark and no key can carry one,
        /// or when the whole condition is known, holds no comparison at all, and no key is watermarked on either side.
        /// </summary>
        private static bool Proven(JoinNode join)
        {
            ColumnSet left = join.Left.Watermarks;
            ColumnSet right = join.Right!.Watermarks;
            bool leftNone = left is { IsCertain: true, IsEmpty: true };
            bool rightNone = right is { IsCertain: true, IsEmpty: true };
            bool nullableSideUnwatermarked = join.JoinType switch
            {
                JoinTypes.FullOuter => leftNone && rightNone,
                JoinTypes.RightOuter => leftNone && (rightNone || NoWatermarkedKey(join, right)),
                _ => rightNone && (leftNone || NoWatermarkedKey(join, left)),
            };
            bool noRangeAndNoWatermarkedKey = join.Condition is { HasRange: false }
                && NoWatermarkedKey(join, left) && NoWatermarkedKey(join, right);
            return nullableSideUnwatermarked || noRangeAndNoWatermarkedKey;
        }

        /// <summary>True when the join keys are known and none of them is watermarked on the other side.</summary>
        private static bool NoWatermarkedKey(JoinNode join, ColumnSet otherSide) =>
            otherSide.IsCertain && join.Condition is { } condition && !condition.KeyColumns.Any(otherSide.Contains);
    }
}
