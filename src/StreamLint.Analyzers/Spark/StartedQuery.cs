using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
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

        public static bool IsStartCall(IInvocationOperation invocation, SparkSymbols symbols) =>
            invocation.TargetMethod.Name is "Start" or "ToTable"
            && symbols.Is(invocation.TargetMethod.ContainingType, symbols.DataStreamWriter);

        /// <summary>
        /// Adds the Start / ToTable calls on a DataStreamWriter in <paramref name="root"/> to <paramref name="found"/>
        /// (created on the first one). Only the positions where the text has such a name are visited, by descending
        /// through the operations whose syntax contains the position. Should that miss an invoked name (an
        /// operation whose syntax lies outside its parent's, dynamic or invalid code), or should the names not be
        /// listable from the text, every operation of the block is visited instead.
        /// </summary>
        public static void CollectStartCalls(IOperation root, SparkSymbols symbols, ref List<IInvocationOperation>? found, CancellationToken cancellationToken)
        {
            SyntaxNode rootSyntax = root.Syntax;
            if (!TreeText.For(rootSyntax.SyntaxTree).TryGetStartCandidates(rootSyntax.Span, cancellationToken, out ArraySegment<int> candidates))
            {
                CollectAll(root, symbols, ref found);
                return;
            }

            for (int i = 0; i < candidates.Count; i++)
            {
                int position = candidates.Array![candidates.Offset + i];
                if (!Descend(root, position, symbols, ref found) && IsInvokedName(rootSyntax, position, cancellationToken))
                {
                    CollectAll(root, symbols, ref found);
                    return;
                }
            }
        }

        /// <summary>Visits the operations whose syntax contains <paramref name="position"/>; true when one is an invocation of a method with the name there.</summary>
        private static bool Descend(IOperation operation, int position, SparkSymbols symbols, ref List<IInvocationOperation>? found)
        {
            bool sawInvocation = false;
            if (operation is IInvocationOperation invocation && invocation.TargetMethod.Name is "Start" or "ToTable")
            {
                sawInvocation = true;
                if (IsStartCall(invocation, symbols))
                {
                    Add(invocation, ref found);
                }
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                if (child.Syntax.FullSpan.Contains(position))
                {
                    sawInvocation |= Descend(child, position, symbols, ref found);
                }
            }

            return sawInvocation;
        }

        private static void CollectAll(IOperation root, SparkSymbols symbols, ref List<IInvocationOperation>? found)
        {
            foreach (IOperation operation in root.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && IsStartCall(invocation, symbols))
                {
                    Add(invocation, ref found);
                }
            }
        }

        private static void Add(IInvocationOperation invocation, ref List<IInvocationOperation>? found)
        {
            found ??= new List<IInvocationOperation>();
            if (!found.Contains(invocation))
            {
                found.Add(invocation);
            }
        }

        /// <summary>Whether the token at <paramref name="position"/> is the name of a method being invoked (<c>x.Start()</c>, <c>x?.Start()</c>, <c>Start()</c>).</summary>
        private static bool IsInvokedName(SyntaxNode root, int position, CancellationToken cancellationToken)
        {
            SyntaxToken token = root.SyntaxTree.GetRoot(cancellationToken).FindToken(position);
            if (!token.IsKind(SyntaxKind.IdentifierToken) || !token.Span.Contains(position) || token.Parent is not SimpleNameSyntax name)
            {
                return false;
            }

            SyntaxNode callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access
                : name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name ? binding
                : name;
            return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee;
        }

        public static StartedQuery? TryCreate(IInvocationOperation invocation, SparkCompilation spark, CancellationToken cancellationToken)
        {
            if (!IsStartCall(invocation, spark.Symbols))
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
