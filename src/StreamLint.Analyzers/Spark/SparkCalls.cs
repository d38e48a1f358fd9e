using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Spark
{
    /// <summary>
    /// The calls to Microsoft.Spark methods in one member's body, in source order, found in one walk of its operations
    /// and shared by every rule (<see cref="SparkMember"/>). Without it each rule had the driver call it
    /// back for every invocation of the member, or walked the body itself: twenty walks of the same body.
    /// </summary>
    internal sealed class SparkCalls
    {
        public static readonly SparkCalls None = new SparkCalls(ImmutableArray<IInvocationOperation>.Empty, ImmutableArray<IInvocationOperation>.Empty);

        // Default until computed. A single reference, so a thread never sees half of it (a nullable struct could tear).
        private ImmutableArray<StartedQuery> queries;

        private SparkCalls(ImmutableArray<IInvocationOperation> all, ImmutableArray<IInvocationOperation> starts)
        {
            this.All = all;
            this.Starts = starts;
        }

        /// <summary>Every invocation of a method declared in Microsoft.Spark, in source order (lambda bodies included).</summary>
        public ImmutableArray<IInvocationOperation> All { get; }

        /// <summary>The calls that start a streaming query (<see cref="StartedQuery.IsStartCall"/>), in source order.</summary>
        public ImmutableArray<IInvocationOperation> Starts { get; }

        /// <summary>The queries started in the member whose writer the model can see, in source order; evaluated once for all rules.</summary>
        public ImmutableArray<StartedQuery> Queries(SparkCompilation spark, CancellationToken cancellationToken)
        {
            ImmutableArray<StartedQuery> known = this.queries;
            if (!known.IsDefault)
            {
                return known;
            }

            ImmutableArray<StartedQuery>.Builder queries = ImmutableArray.CreateBuilder<StartedQuery>();
            foreach (IInvocationOperation start in this.Starts)
            {
                if (StartedQuery.TryCreate(start, spark, cancellationToken) is { } query)
                {
                    queries.Add(query);
                }
            }

            ImmutableArray<StartedQuery> result = queries.ToImmutable();
            this.queries = result;
            return result;
        }

        public static SparkCalls Collect(IOperation body, SparkSymbols symbols, CancellationToken cancellationToken)
        {
            var walker = new Walker(symbols, cancellationToken);
            walker.Visit(body);

            if (walker.All.Count == 0)
            {
                return None;
            }

            // The walker visits a call's receiver and arguments before finishing the call itself, so order by position.
            walker.All.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
            ImmutableArray<IInvocationOperation> all = walker.All.ToImmutable();
            ImmutableArray<IInvocationOperation>.Builder starts = ImmutableArray.CreateBuilder<IInvocationOperation>();
            foreach (IInvocationOperation call in all)
            {
                if (StartedQuery.IsStartCall(call, symbols))
                {
                    starts.Add(call);
                }
            }

            return new SparkCalls(all, starts.ToImmutable());
        }

        private sealed class Walker : OperationWalker
        {
            private readonly SparkSymbols symbols;
            private readonly CancellationToken cancellationToken;

            public Walker(SparkSymbols symbols, CancellationToken cancellationToken)
            {
                this.symbols = symbols;
                this.cancellationToken = cancellationToken;
            }

            public ImmutableArray<IInvocationOperation>.Builder All { get; } = ImmutableArray.CreateBuilder<IInvocationOperation>();

            public override void VisitInvocation(IInvocationOperation operation)
            {
                if (this.symbols.IsSparkAssembly(operation.TargetMethod.ContainingAssembly))
                {
                    this.All.Add(operation);
                }

                base.VisitInvocation(operation);
            }

            public override void VisitBlock(IBlockOperation operation)
            {
                this.cancellationToken.ThrowIfCancellationRequested();
                base.VisitBlock(operation);
            }
        }
    }
}
