using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;

namespace StreamLint.Spark
{
    /// <summary>
    /// A member that calls Microsoft.Spark, as the Spark rules see it: its Spark calls, the calls among them that start
    /// a streaming query, and those queries, evaluated once for all rules.
    /// </summary>
    internal sealed class SparkMember : ILibraryMember
    {
        private readonly Once<ImmutableArray<StartedQuery>> queries = new Once<ImmutableArray<StartedQuery>>();

        public SparkMember(CodeMember code, SparkSymbols symbols)
        {
            this.Code = code;
            var starts = ImmutableArray.CreateBuilder<IInvocationOperation>();
            foreach (IInvocationOperation call in code.Calls)
            {
                if (SparkApi.IsStartCall(call, symbols))
                {
                    starts.Add(call);
                }
            }

            this.Starts = starts.ToImmutable();
        }

        public CodeMember Code { get; }

        /// <summary>Every call to Microsoft.Spark in the member, in source order (lambda bodies included).</summary>
        public ImmutableArray<IInvocationOperation> Calls => this.Code.Calls;

        /// <summary>The calls that start a streaming query (<see cref="SparkApi.IsStartCall"/>), in source order.</summary>
        public ImmutableArray<IInvocationOperation> Starts { get; }

        /// <summary>The queries started in the member whose writer the model can see, in source order; evaluated once for all rules.</summary>
        public ImmutableArray<StartedQuery> Queries(SparkCompilation spark, CancellationToken cancellationToken) =>
            this.queries.Get(static s => s.Member.Evaluate(s.Spark, s.Token), (Member: this, Spark: spark, Token: cancellationToken), cancellationToken);

        private ImmutableArray<StartedQuery> Evaluate(SparkCompilation spark, CancellationToken cancellationToken)
        {
            ImmutableArray<StartedQuery>.Builder queries = ImmutableArray.CreateBuilder<StartedQuery>();
            foreach (IInvocationOperation start in this.Starts)
            {
                if (StartedQuery.TryCreate(start, spark, cancellationToken) is { } query)
                {
                    queries.Add(query);
                }
            }

            return queries.ToImmutable();
        }
    }
}
