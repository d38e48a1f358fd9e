using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark
{
    /// <summary>
    /// Everything the Spark rules share for one compilation: the resolved symbols and the pipeline model's caches,
    /// so several rules looking at the same query evaluate its lineage once.
    /// </summary>
    internal sealed class SparkCompilation
    {
        private static readonly ConditionalWeakTable<Compilation, SparkCompilation?> Instances = new ConditionalWeakTable<Compilation, SparkCompilation?>();

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<SyntaxNode, LocalDefinitions> localDefinitions = new ConcurrentDictionary<SyntaxNode, LocalDefinitions>();
        private readonly ConcurrentDictionary<string, bool> confKeysSet = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        private SparkCompilation(Compilation compilation, SparkSymbols symbols)
        {
            this.compilation = compilation;
            this.Symbols = symbols;
            this.Evaluator = new PipelineEvaluator(this);
        }

        public SparkSymbols Symbols { get; }

        public PipelineEvaluator Evaluator { get; }

        /// <summary>Null when the compilation does not reference Microsoft.Spark.</summary>
        public static SparkCompilation? For(Compilation compilation) =>
            Instances.GetValue(compilation, c => SparkSymbols.TryCreate(c) is { } symbols ? new SparkCompilation(c, symbols) : null);

        public LocalDefinitions DefinitionsFor(IOperation root) =>
            this.localDefinitions.GetOrAdd(root.Syntax, _ => new LocalDefinitions(root));

        /// <summary>
        /// Whether a Spark configuration key appears as a string constant anywhere in the compilation (for example
        /// <c>Builder().Config("spark.sql.streaming.checkpointLocation", …)</c> in another file). Any appearance counts:
        /// a conf key set in code the model cannot follow must silence, never trigger, a rule. Computed once per key
        /// for the compilation, from answers cached per syntax tree (<see cref="TreeText"/>): an IDE edit re-reads
        /// the edited tree only, not the whole project.
        /// </summary>
        public bool MentionsConfKey(string key, CancellationToken cancellationToken) =>
            this.confKeysSet.GetOrAdd(key, k => this.AnyTreeHasStringLiteral(k, cancellationToken));

        private bool AnyTreeHasStringLiteral(string value, CancellationToken cancellationToken)
        {
            foreach (SyntaxTree tree in this.compilation.SyntaxTrees)
            {
                if (TreeText.For(tree).HasStringLiteral(value, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
