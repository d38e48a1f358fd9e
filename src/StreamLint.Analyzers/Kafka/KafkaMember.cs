using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;

namespace StreamLint.Kafka
{
    /// <summary>A member that calls Confluent.Kafka, as the Kafka rules see it.</summary>
    internal sealed class KafkaMember : ILibraryMember
    {
        public KafkaMember(CodeMember code) => this.Code = code;

        public CodeMember Code { get; }

        /// <summary>Every call to Confluent.Kafka in the member, in source order (lambda bodies included).</summary>
        public ImmutableArray<IInvocationOperation> Calls => this.Code.Calls;
    }
}
