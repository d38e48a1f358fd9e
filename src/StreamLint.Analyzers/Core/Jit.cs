using System.Runtime.CompilerServices;

namespace StreamLint.Core
{
    /// <summary>
    /// How the runtime compiles StreamLint's hottest loops. A compiler process started for one build (CI without a
    /// compiler server) runs an analyzer's code unoptimised from start to end: its methods are called too late in
    /// the build for the runtime to recompile them. The text scans read every character of every file, so they are
    /// compiled optimised from the first call (docs/performance.md).
    /// </summary>
    internal static class Jit
    {
        /// <summary><c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name; runtimes that do not know it ignore it.</summary>
        public const MethodImplOptions Optimized = (MethodImplOptions)0x0200;
    }
}
