namespace StreamLint.Core
{
    /// <summary>A family's view of a member that calls its library; <see cref="Code"/> is the neutral part.</summary>
    internal interface ILibraryMember
    {
        CodeMember Code { get; }
    }
}
