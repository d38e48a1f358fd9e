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
        // Default until computed. A single reference, so a thread never sees half of it (a nullable struct could tear).
        private ImmutableArray<StartedQuery> queries;

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
    }
}
