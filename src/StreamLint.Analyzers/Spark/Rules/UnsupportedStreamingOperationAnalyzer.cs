using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Pipeline;
using StreamLint.Spark.Sql;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1007: operations Spark's streaming checker rejects (research §4 rows C8, C9, C15b–f, C18–C21, C23–C25, C27).
    /// Operators that need the output mode (Sort, Limit) are judged where the query starts; the rest where they are called.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnsupportedStreamingOperationAnalyzer : SparkAnalyzer
    {
        /// <summary>Property on the CountDistinct diagnostic: the fix rewrites it to ApproxCountDistinct.</summary>
        public const string CountDistinctProperty = "CountDistinct";

        public const string SortMessage = "Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode";
        public const string LimitMessage = "Limits are not supported on streaming DataFrames/Datasets in Update output mode";
        public const string DistinctAggregateMessage = "Distinct aggregations are not supported on streaming DataFrames/Datasets. Consider using approx_count_distinct() instead.";

        private static readonly ImmutableHashSet<string> Sorts = ImmutableHashSet.Create("OrderBy", "Sort", "SortWithinPartitions");
        private static readonly ImmutableHashSet<string> DistinctAggregates = ImmutableHashSet.Create("CountDistinct", "SumDistinct");
        private static readonly ImmutableHashSet<string> Combinations = ImmutableHashSet.Create("Union", "UnionByName", "Intersect", "IntersectAll", "Except", "ExceptAll", "Join");

        public UnsupportedStreamingOperationAnalyzer()
            : base(Descriptors.SL1007_UnsupportedStreamingOperation)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark)
        {
            RegisterSparkMembers(context, spark, (block, member) =>
            {
                // The rejected functions are Spark calls of the member themselves: look for them in arguments only if
                // the member calls one.
                bool callsRejected = member.Calls.Any(call => IsRejectedFunction(call, spark.Symbols, isAggregation: true));
                bool callsExpr = member.Calls.Any(call => call.TargetMethod.Name == "Expr");
                foreach (IInvocationOperation call in member.Calls)
                {
                    AnalyzeCall(block, call, spark, callsRejected, callsExpr);
                }
            });
            RegisterStartedQueries(context, spark, AnalyzeQuery);
        }

        private static void AnalyzeCall(MemberContext context, IInvocationOperation invocation, SparkCompilation spark, bool callsRejected, bool callsExpr)
        {
            SparkSymbols symbols = spark.Symbols;
            if (symbols.Is(invocation.TargetMethod.ContainingType, symbols.SparkSession))
            {
                AnalyzeSqlQuery(context, invocation, spark);
                return;
            }

            bool onDataFrame = symbols.Is(invocation.TargetMethod.ContainingType, symbols.DataFrame);
            bool onGrouped = symbols.Is(invocation.TargetMethod.ContainingType, symbols.RelationalGroupedDataset);
            if (!onDataFrame && !onGrouped)
            {
                return;
            }

            // Most DataFrame calls (Select, Filter, GroupBy …) cannot break a checker row: decide that from the call
            // itself before paying for its lineage.
            string name = invocation.TargetMethod.Name;
            bool isAggregation = onGrouped || name == "Agg"
                || (onDataFrame && name == "Select" && callsRejected
                    && spark.Evaluator.EvaluateBoundDataFrame(invocation, context.CancellationToken) is AggregateNode); // Select(CountDistinct(…)) aggregates
            bool rowOperator = onDataFrame && (name is "Rollup" or "Cube" or "Sample" || Combinations.Contains(name));
            ImmutableArray<SqlRejection> inText = SqlTextRejections(invocation, symbols, isAggregation, callsExpr);
            if (!rowOperator && inText.IsEmpty && !(callsRejected && HasRejectedExpression(invocation, symbols, isAggregation)))
            {
                return;
            }

            System.Threading.CancellationToken ct = context.CancellationToken;
            PlanNode? input = onDataFrame
                ? spark.Evaluator.EvaluateBoundDataFrame(invocation.Instance, ct)
                : spark.Evaluator.EvaluateBoundGrouped(invocation.Instance, ct)?.Child;
            if (input is null)
            {
                return;
            }

            if (input.Kind == Streamingness.Streaming)
            {
                string? message = name switch
                {
                    "Rollup" or "Cube" when onDataFrame => SparkTarget.For(context.Options, invocation.Syntax.SyntaxTree).Spark2Messages
                        ? "GroupingSets is not supported on streaming DataFrames/Datasets"
                        : "Grouping Sets is not supported on streaming DataFrames/Datasets",
                    "Sample" when onDataFrame => "Sampling is not supported on streaming DataFrames/Datasets",
                    _ => null,
                };
                if (message is not null)
                {
                    Report(context, invocation.Syntax, name + "(…)", message);
                }

                ReportExpressions(context, invocation, spark, isAggregation);
                foreach (SqlRejection rejection in inText)
                {
                    ReportSql(context, rejection);
                }
            }

            if (onDataFrame && CombinationMessage(invocation, input, spark, context) is { } combination)
            {
                Report(context, invocation.Syntax, name + "(…)", combination);
            }
        }

        /// <summary>Union/Intersect/Except/Join rows of the checker (C15b–f, C18–C20).</summary>
        private static string? CombinationMessage(IInvocationOperation invocation, PlanNode left, SparkCompilation spark, MemberContext context)
        {
            string name = invocation.TargetMethod.Name;
            if (!Combinations.Contains(name))
            {
                return null;
            }

            PlanNode? node = spark.Evaluator.EvaluateBoundDataFrame(invocation, context.CancellationToken);
            PlanNode? right = (node as CombineNode)?.Right;
            if (right is null)
            {
                return null;
            }

            bool leftStream = left.Kind == Streamingness.Streaming, rightStream = right.Kind == Streamingness.Streaming;
            bool leftBatch = left.Kind == Streamingness.Batch, rightBatch = right.Kind == Streamingness.Batch;
            bool legacy = SparkTarget.For(context.Options, invocation.Syntax.SyntaxTree).LegacyJoinChecker;
            switch (name)
            {
                case "Union" or "UnionByName":
                    return (leftStream && rightBatch) || (leftBatch && rightStream) ? "Union between streaming and batch DataFrames/Datasets is not supported" : null;
                case "Intersect" or "IntersectAll":
                    return legacy
                        ? (leftStream && rightStream ? "Intersect between two streaming DataFrames/Datasets is not supported" : null)
                        : (leftStream || rightStream ? "Intersect of streaming DataFrames/Datasets is not supported" : null);
                case "Except" or "ExceptAll":
                    return rightStream ? "Except on a streaming DataFrame/Dataset on the right is not supported" : null;
            }

            string? joinType = (node as JoinNode)?.JoinType;
            return joinType switch
            {
                JoinTypes.FullOuter when legacy && (leftStream || rightStream) => "Full outer joins with streaming DataFrames/Datasets are not supported",
                JoinTypes.FullOuter when leftStream && rightBatch => "FullOuter joins with streaming DataFrames/Datasets on the left and a static DataFrame/Dataset on the right is not supported",
                JoinTypes.FullOuter when leftBatch && rightStream => "FullOuter joins with streaming DataFrames/Datasets on the right and a static DataFrame/Dataset on the left is not supported",
                JoinTypes.LeftAnti or JoinTypes.LeftSemi when legacy && rightStream => "Left semi/anti joins with a streaming DataFrame/Dataset on the right are not supported",
                JoinTypes.LeftAnti when rightStream => legacy ? "Left semi/anti joins with a streaming DataFrame/Dataset on the right are not supported" : "LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported",
                JoinTypes.LeftOuter when leftBatch && rightStream => legacy
                    ? "Left outer join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported"
                    : "LeftOuter join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported",
                JoinTypes.LeftSemi when leftBatch && rightStream => "LeftSemi join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported",
                JoinTypes.RightOuter when leftStream && rightBatch => legacy
                    ? "Right outer join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported"
                    : "RightOuter join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported",
                _ => null,
            };
        }

        /// <summary>
        /// Expressions Spark rejects inside any operator of a streaming plan: MonotonicallyIncreasingId (C27),
        /// Column.Over(window spec) (C25) and, in aggregations, distinct aggregates (C8). Only the call's own arguments
        /// are searched, so a nested DataFrame call is judged on its own.
        /// </summary>
        private static IEnumerable<IInvocationOperation> RejectedExpressions(IInvocationOperation invocation, SparkSymbols symbols, bool isAggregation)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                foreach (IInvocationOperation call in argument.DescendantsAndSelf().OfType<IInvocationOperation>())
                {
                    if (IsRejectedFunction(call, symbols, isAggregation))
                    {
                        yield return call;
                    }
                }
            }
        }

        private static bool IsRejectedFunction(IInvocationOperation call, SparkSymbols symbols, bool isAggregation)
        {
            IMethodSymbol method = call.TargetMethod;
            return (symbols.Is(method.ContainingType, symbols.Functions) && (method.Name == "MonotonicallyIncreasingId" || (isAggregation && DistinctAggregates.Contains(method.Name))))
                || (symbols.Is(method.ContainingType, symbols.Column) && method.Name == "Over");
        }

        private static bool HasRejectedExpression(IInvocationOperation invocation, SparkSymbols symbols, bool isAggregation) =>
            RejectedExpressions(invocation, symbols, isAggregation).Any();

        private static void ReportExpressions(MemberContext context, IInvocationOperation invocation, SparkCompilation spark, bool isAggregation)
        {
            foreach (IInvocationOperation call in RejectedExpressions(invocation, spark.Symbols, isAggregation))
            {
                IMethodSymbol method = call.TargetMethod;
                if (method.Name == "MonotonicallyIncreasingId")
                {
                    Report(context, call.Syntax, "MonotonicallyIncreasingId()", "Expression(s): monotonically_increasing_id() is not supported with streaming DataFrames/Datasets");
                }
                else if (method.Name == "Over")
                {
                    bool newer = SparkTarget.For(context.Options, call.Syntax.SyntaxTree).Spark4Messages;
                    Report(context, call.Syntax, "A window function (Over)", newer
                        ? "Window function is not supported in … on streaming DataFrames/Datasets. Structured Streaming only supports time-window aggregation using the WINDOW function."
                        : "Non-time-based windows are not supported on streaming DataFrames/Datasets");
                }
                else
                {
                    var properties = method.Name == "CountDistinct" && call.Arguments.Length == 2 && OperationFacts.ParamsElements(call, 1) is { IsEmpty: true }
                        ? ImmutableDictionary<string, string?>.Empty.Add(CountDistinctProperty, "true")
                        : ImmutableDictionary<string, string?>.Empty;
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL1007_UnsupportedStreamingOperation,
                        OperationFacts.NameLocation(call.Syntax),
                        properties,
                        method.Name + "(…) in a streaming aggregation",
                        DistinctAggregateMessage));
                }
            }
        }

        /// <summary>One rejected construct found in SQL text: where to report it and what it is.</summary>
        private sealed class SqlRejection
        {
            public SqlRejection(SyntaxNode site, string operation, string? message)
            {
                this.Site = site;
                this.Operation = operation;
                this.Message = message;
            }

            public SyntaxNode Site { get; }

            public string Operation { get; }

            /// <summary>Null for a window function (the message depends on the target Spark version).</summary>
            public string? Message { get; }
        }

        /// <summary>
        /// The constructs Spark's checker rejects written in SQL text of the call itself: <c>SelectExpr("…")</c>,
        /// <c>Filter("…")</c>/<c>Where("…")</c> and <c>Expr("…")</c> in its arguments. Distinct aggregates count in an
        /// aggregation (Agg, grouped methods) and in a SelectExpr or Select whose text aggregates (Spark plans a global
        /// aggregation there). Text the reader cannot read contributes nothing.
        /// </summary>
        private static ImmutableArray<SqlRejection> SqlTextRejections(IInvocationOperation invocation, SparkSymbols symbols, bool isAggregation, bool callsExpr)
        {
            string name = invocation.TargetMethod.Name;
            if (!callsExpr && name is not ("SelectExpr" or "Filter" or "Where"))
            {
                return ImmutableArray<SqlRejection>.Empty;
            }

            var found = ImmutableArray.CreateBuilder<SqlRejection>();
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (name is "SelectExpr" or "Filter" or "Where")
                {
                    foreach (IOperation text in TextArguments(argument.Value))
                    {
                        string? value = OperationFacts.ConstantString(text);
                        if (!MayHoldRejection(value))
                        {
                            continue;
                        }

                        SqlExpr? parsed = name == "SelectExpr" ? SqlText.ParseSelectItem(value)?.Expression : SqlText.ParseExpression(value);
                        if (parsed is not null)
                        {
                            Rejections(found, parsed, text.Syntax, isAggregation || (name == "SelectExpr" && SqlSemantics.ContainsAggregate(parsed)));
                        }
                    }
                }

                if (!callsExpr)
                {
                    continue;
                }

                foreach (IInvocationOperation call in argument.Value.DescendantsAndSelf().OfType<IInvocationOperation>())
                {
                    if (call.TargetMethod.Name == "Expr" && call.TargetMethod.IsStatic && symbols.Is(call.TargetMethod.ContainingType, symbols.Functions)
                        && OperationFacts.ConstantString(OperationFacts.Argument(call, 0)) is { } text && MayHoldRejection(text)
                        && SqlText.ParseExpression(text) is { } expr)
                    {
                        Rejections(found, expr, call.Syntax, isAggregation || (name == "Select" && SqlSemantics.ContainsAggregate(expr)));
                    }
                }
            }

            return found.ToImmutable();
        }

        /// <summary>
        /// A necessary condition, checked before parsing: every construct looked for is spelled with one of these words
        /// (keywords and function names cannot be quoted away), so text without them holds none.
        /// </summary>
        private static bool MayHoldRejection(string? text) =>
            text is not null
            && (text.IndexOf("over", System.StringComparison.OrdinalIgnoreCase) >= 0
                || text.IndexOf("distinct", System.StringComparison.OrdinalIgnoreCase) >= 0
                || text.IndexOf("monotonically_increasing_id", System.StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>A string argument, or the elements of a params string array.</summary>
        private static IEnumerable<IOperation> TextArguments(IOperation value)
        {
            if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                return initializer.ElementValues.Where(e => e.Type?.SpecialType == SpecialType.System_String);
            }

            return value.Type?.SpecialType == SpecialType.System_String ? new[] { value } : Enumerable.Empty<IOperation>();
        }

        private static void Rejections(ImmutableArray<SqlRejection>.Builder found, SqlExpr expression, SyntaxNode site, bool isAggregation)
        {
            if (SqlSemantics.ContainsWindowFunctionOver(expression))
            {
                found.Add(new SqlRejection(site, "A window function (OVER) in SQL text", null));
            }

            if (SqlSemantics.CallsFunction(expression, "monotonically_increasing_id"))
            {
                found.Add(new SqlRejection(site, "monotonically_increasing_id() in SQL text", "Expression(s): monotonically_increasing_id() is not supported with streaming DataFrames/Datasets"));
            }

            if (isAggregation && SqlSemantics.ContainsDistinctAggregate(expression))
            {
                found.Add(new SqlRejection(site, "A DISTINCT aggregate in a streaming aggregation", DistinctAggregateMessage));
            }
        }

        /// <summary>
        /// <c>spark.Sql("…")</c> whose plan is streaming: the outermost query's own expressions (select list, WHERE,
        /// HAVING, ORDER BY) are checked; nested queries, whose input may be a batch view, are not.
        /// </summary>
        private static void AnalyzeSqlQuery(MemberContext context, IInvocationOperation invocation, SparkCompilation spark)
        {
            if (invocation.TargetMethod.Name != "Sql"
                || OperationFacts.ConstantString(OperationFacts.Argument(invocation, 0)) is not { } text
                || !MayHoldRejection(text)
                || SqlText.ParseQuery(text) is not { } query)
            {
                return;
            }

            bool aggregates = query.GroupBy is not null || query.Having is not null || query.Items.Any(i => SqlSemantics.ContainsAggregate(i.Expression));
            var found = ImmutableArray.CreateBuilder<SqlRejection>();
            IEnumerable<SqlExpr> expressions = query.Items.Select(i => i.Expression)
                .Concat(new[] { query.Where, query.Having }.Where(e => e is not null).Select(e => e!))
                .Concat(query.OrderBy.Select(o => o.Expression));
            foreach (SqlExpr expression in expressions)
            {
                Rejections(found, expression, invocation.Syntax, aggregates);
            }

            if (found.Count == 0 || spark.Evaluator.EvaluateBoundDataFrame(invocation, context.CancellationToken) is not { Kind: Streamingness.Streaming })
            {
                return; // the lineage is paid for only when the text holds something to report
            }

            foreach (SqlRejection rejection in found)
            {
                ReportSql(context, rejection);
            }
        }

        private static void ReportSql(MemberContext context, SqlRejection rejection)
        {
            string message = rejection.Message ?? (SparkTarget.For(context.Options, rejection.Site.SyntaxTree).Spark4Messages
                ? "Window function is not supported in … on streaming DataFrames/Datasets. Structured Streaming only supports time-window aggregation using the WINDOW function."
                : "Non-time-based windows are not supported on streaming DataFrames/Datasets");
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SL1007_UnsupportedStreamingOperation,
                OperationFacts.NameLocation(rejection.Site),
                rejection.Operation,
                message));
        }

        private static void AnalyzeQuery(MemberContext context, StartedQuery query)
        {
            OutputModeFact mode = query.Facts.OutputMode;
            if (query.Plan is not { Kind: Streamingness.Streaming } plan || mode is OutputModeFact.Unknown or OutputModeFact.Invalid)
            {
                return;
            }

            foreach (UnaryNode node in PlanQueries.Nodes(plan).OfType<UnaryNode>())
            {
                if (node.Kind != Streamingness.Streaming)
                {
                    continue;
                }

                string? message = null;
                if (Sorts.Contains(node.Operator)
                    && !(mode == OutputModeFact.Complete && PlanQueries.StreamingAggregateBelow(node) is not null)
                    && (mode != OutputModeFact.Complete || !HasUnknownInput(node)))
                {
                    message = SortMessage;
                }
                else if (node.Operator == "Limit" && mode == OutputModeFact.Update)
                {
                    message = LimitMessage;
                }

                if (message is not null)
                {
                    SyntaxNode site = context.LocalOr(node.Syntax, query.Start.Syntax);
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL1007_UnsupportedStreamingOperation,
                        OperationFacts.NameLocation(site),
                        $"{node.Operator}(…) in {OutputModes.Display(mode)} output mode",
                        message));
                }
            }
        }

        private static bool HasUnknownInput(PlanNode node) =>
            PlanQueries.Nodes(node).Any(n => n is ParameterNode or CombineNode { Right: null });

        private static void Report(MemberContext context, SyntaxNode site, string operation, string message) =>
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SL1007_UnsupportedStreamingOperation,
                OperationFacts.NameLocation(site),
                operation,
                message));
    }
}
