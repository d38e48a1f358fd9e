using System.Collections.Immutable;

namespace StreamLint.Core.Options
{
    /// <summary>
    /// One StreamLint option: its key, the rules that read it, its default and how a value is parsed. Each family
    /// declares its options once (e.g. <c>Spark/SparkOptions.cs</c>) and lists them in <c>Families</c>; SL9001 validates
    /// the options of the families a project references, and docs/configuration.md documents exactly these.
    /// </summary>
    internal abstract class OptionDefinition
    {
        public const string Prefix = "streamlint.";

        private protected OptionDefinition(string name, string? ruleId, bool acceptsGeneralKey, ImmutableArray<string> readBy, string defaultText)
        {
            this.Name = name;
            this.RuleId = ruleId;
            this.Key = ruleId is null ? Prefix + name : Prefix + ruleId + "." + name;
            this.GeneralKey = ruleId is not null && acceptsGeneralKey ? Prefix + name : null;
            this.ReadBy = readBy;
            this.DefaultText = defaultText;
        }

        /// <summary>The option's name without prefix or rule ID (<c>spark_version</c>, <c>checkpoint_root</c>).</summary>
        public string Name { get; }

        /// <summary>The rule a rule option belongs to; null for a general option.</summary>
        public string? RuleId { get; }

        /// <summary><c>streamlint.&lt;name&gt;</c> or <c>streamlint.&lt;ID&gt;.&lt;name&gt;</c>.</summary>
        public string Key { get; }

        /// <summary>For a rule option that may also be written without its rule ID: <c>streamlint.&lt;name&gt;</c>; else null.</summary>
        public string? GeneralKey { get; }

        /// <summary>The rule IDs whose behaviour the option changes.</summary>
        public ImmutableArray<string> ReadBy { get; }

        /// <summary>The default as the SL9001 message states it.</summary>
        public string DefaultText { get; }

        /// <summary>The value when the option is not set, is empty or does not parse.</summary>
        internal abstract object? DefaultValue { get; }

        /// <summary>Parses a trimmed, non-empty value; false with a reason when it does not parse.</summary>
        internal abstract bool TryParseValue(string text, out object? value, out string error);
    }

    /// <summary>An option whose value is a <typeparamref name="T"/>.</summary>
    internal sealed class Option<T> : OptionDefinition
    {
        private readonly Parser parser;

        public Option(string name, T defaultValue, Parser parser, string defaultText, string[] readBy, string? ruleId = null, bool acceptsGeneralKey = false)
            : base(name, ruleId, acceptsGeneralKey, ImmutableArray.Create(readBy), defaultText)
        {
            this.Default = defaultValue;
            this.parser = parser;
        }

        public delegate bool Parser(string text, out T value, out string error);

        public T Default { get; }

        internal override object? DefaultValue => this.Default;

        internal override bool TryParseValue(string text, out object? value, out string error)
        {
            bool parsed = this.parser(text, out T typed, out error);
            value = parsed ? typed : this.Default;
            return parsed;
        }
    }
}
