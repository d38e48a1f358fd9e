using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>An <c>Option("checkpointLocation", path)</c> call with a constant path (trailing slashes removed).</summary>
    internal sealed class CheckpointSetting
    {
        public CheckpointSetting(string path, IInvocationOperation option)
        {
            this.Path = path;
            this.Option = option;
        }

        public string Path { get; }

        public IInvocationOperation Option { get; }
    }
}
