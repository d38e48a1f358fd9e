using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;

namespace StreamLint.Streamiz
{
    /// <summary>A member that calls Streamiz.Kafka.Net, as the Streamiz rules see it.</summary>
    internal sealed class StreamizMember : ILibraryMember
    {
        public StreamizMember(CodeMember code) => this.Code = code;

        public CodeMember Code { get; }

        /// <summary>Every call to Streamiz.Kafka.Net in the member, in source order (lambda bodies included).</summary>
        public ImmutableArray<IInvocationOperation> Calls => this.Code.Calls;
    }
}
