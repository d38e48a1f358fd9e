using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Streamiz.Topology
{
    /// <summary>The kind of value a Streamiz operator returns.</summary>
    internal enum StreamKind
    {
        Stream,
        Table,
        GlobalTable,
        GroupedStream,
        WindowedStream,
        GroupedTable,
        Branches,
        Sink,
    }

    /// <summary>A key-changing operator since the source or the last repartition, and whether it provably keeps the key.</summary>
    internal sealed class KeyChange
    {
        public KeyChange(IInvocationOperation call, bool keepsKey)
        {
            this.Call = call;
            this.KeepsKey = keepsKey;
        }

        public IInvocationOperation Call { get; }

        public bool KeepsKey { get; }
    }

    /// <summary>
    /// One operator of a Streamiz topology with the facts that hold for the value it returns: the key changes since the
    /// source (or the last <c>Repartition</c>), the window and its grace, whether the operator keeps state, whether it is
    /// suppressed, and the <c>StreamBuilder</c> the sources come from. Built by <see cref="TopologyEvaluator"/> from a
    /// value back to its sources; a node exists only when the whole lineage is known.
    /// </summary>
    internal sealed class TopologyNode
    {
        public TopologyNode(
            StreamKind kind,
            string operatorName,
            IInvocationOperation call,
            ImmutableArray<TopologyNode> inputs,
            ImmutableArray<KeyChange> keyChanges,
            WindowFacts? window,
            bool stateful,
            string? detail,
            ImmutableArray<SyntaxNode> builders)
        {
            this.Kind = kind;
            this.Operator = operatorName;
            this.Call = call;
            this.Inputs = inputs;
            this.KeyChanges = keyChanges;
            this.Window = window;
            this.Stateful = stateful;
            this.Detail = detail;
            this.Builders = builders;
        }

        public StreamKind Kind { get; }

        public string Operator { get; }

        public IInvocationOperation Call { get; }

        public ImmutableArray<TopologyNode> Inputs { get; }

        /// <summary>Key-changing operators since the source or the last repartition; empty when partitioned as read.</summary>
        public ImmutableArray<KeyChange> KeyChanges { get; }

        public bool KeyChanged => !this.KeyChanges.IsEmpty;

        /// <summary>The window of a windowed stream or of a table aggregated over windows.</summary>
        public WindowFacts? Window { get; }

        /// <summary>Whether this operator keeps state (aggregation, join, dedup, a processor or transformer with a store).</summary>
        public bool Stateful { get; }

        /// <summary>A short note for <see cref="Dump"/> (topic, suppression, store).</summary>
        public string? Detail { get; }

        /// <summary>The <c>new StreamBuilder()</c> expressions the sources were read from; empty when unknown.</summary>
        public ImmutableArray<SyntaxNode> Builders { get; }

        public bool IsSource => this.Inputs.IsEmpty;

        /// <summary>Whether any operator from the sources to this one keeps state.</summary>
        public bool AnyStateful => this.Stateful || this.Inputs.Any(i => i.AnyStateful);

        /// <summary>The facts two paths must share for a merged value to be known.</summary>
        public string Signature
        {
            get
            {
                string keys = string.Join(",", this.KeyChanges.Select(k => k.KeepsKey ? "k" : "c"));
                string builders = string.Join(",", this.Builders.Select(b => b.SpanStart));
                return $"{this.Kind}|{keys}|{this.Window?.Signature}|{builders}|{this.AnyStateful}";
            }
        }

        /// <summary>
        /// The lineage as text, one operator a line from the sources to this node, each with its facts:
        /// <c>Stream("clicks")</c>, <c>SelectKey [key changed]</c>, <c>WindowedBy [TumblingWindowOptions size 1m, grace 23h59m (implicit)]</c>.
        /// </summary>
        public string Dump()
        {
            var builder = new StringBuilder();
            this.DumpInto(builder, 0, new HashSet<TopologyNode>());
            return builder.ToString().TrimEnd('\n');
        }

        private void DumpInto(StringBuilder builder, int indent, HashSet<TopologyNode> seen)
        {
            if (this.Inputs.Length == 1)
            {
                this.Inputs[0].DumpInto(builder, indent, seen);
            }
            else if (this.Inputs.Length > 1)
            {
                for (int i = 0; i < this.Inputs.Length; i++)
                {
                    builder.Append(' ', indent).Append(i == 0 ? "(left)" : "(right)").Append('\n');
                    this.Inputs[i].DumpInto(builder, indent + 2, seen);
                }
            }

            builder.Append(' ', indent).Append(this.Operator);
            if (this.Detail is { } detail)
            {
                builder.Append('(').Append(detail).Append(')');
            }

            var facts = new List<string> { this.Kind.ToString() };
            if (this.KeyChanged)
            {
                facts.Add(this.KeyChanges.All(k => k.KeepsKey) ? "key kept by " + string.Join("/", this.KeyChanges.Select(k => k.Call.TargetMethod.Name)) : "key changed");
            }

            if (this.Window is { } window && (this.Kind is StreamKind.WindowedStream or StreamKind.Table || this.Operator == "WindowedBy"))
            {
                facts.Add(window.Describe());
            }

            if (this.Stateful)
            {
                facts.Add("stateful");
            }

            builder.Append(" [").Append(string.Join("; ", facts)).Append("]\n");
        }
    }
}
