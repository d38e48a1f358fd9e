using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StreamLint.Core.Options
{
    /// <summary>
    /// StreamLint's option values for one syntax tree, each parsed once per distinct StreamLint configuration. The
    /// compiler gives every tree its own <see cref="AnalyzerConfigOptions"/> object, even when all trees share one
    /// configuration, so a reader per object would parse (and SL9001 validate) every value once per file; trees whose
    /// <c>streamlint.*</c> entries are the same share one reader instead.
    /// </summary>
    internal sealed class StreamLintOptions
    {
        private static readonly ConditionalWeakTable<AnalyzerConfigOptions, StreamLintOptions> Instances =
            new ConditionalWeakTable<AnalyzerConfigOptions, StreamLintOptions>();

        // Per options provider, which lives as long as its compilation: readers by the StreamLint entries they see.
        private static readonly ConditionalWeakTable<AnalyzerConfigOptionsProvider, ConcurrentDictionary<string, StreamLintOptions>> ByEntries =
            new ConditionalWeakTable<AnalyzerConfigOptionsProvider, ConcurrentDictionary<string, StreamLintOptions>>();

        private readonly AnalyzerConfigOptions raw;
        private readonly Cache<OptionDefinition, Reading> readings = new Cache<OptionDefinition, Reading>();

        private StreamLintOptions(AnalyzerConfigOptions raw) => this.raw = raw;

        public static StreamLintOptions For(AnalyzerOptions options, SyntaxTree tree)
        {
            AnalyzerConfigOptionsProvider provider = options.AnalyzerConfigOptionsProvider;
            AnalyzerConfigOptions raw = provider.GetOptions(tree);
            return Instances.TryGetValue(raw, out StreamLintOptions? known) ? known : Create(provider, raw);
        }

        // Its own method: the lambda's closure over the provider would otherwise be allocated on every call, hits included.
        private static StreamLintOptions Create(AnalyzerConfigOptionsProvider provider, AnalyzerConfigOptions raw) =>
            Instances.GetValue(raw, r => Shared(provider, r));

        private static StreamLintOptions Shared(AnalyzerConfigOptionsProvider provider, AnalyzerConfigOptions raw)
        {
            if (EntriesOf(raw) is not { } entries)
            {
                return new StreamLintOptions(raw);
            }

            ConcurrentDictionary<string, StreamLintOptions> readers =
                ByEntries.GetValue(provider, _ => new ConcurrentDictionary<string, StreamLintOptions>(StringComparer.Ordinal));
            return readers.TryGetValue(entries, out StreamLintOptions? reader) ? reader : readers.GetOrAdd(entries, new StreamLintOptions(raw));
        }

        /// <summary>
        /// The <c>streamlint.*</c> entries as one string, sorted; null when the options cannot list their keys, which an
        /// implementation outside the compiler may not.
        /// </summary>
        private static string? EntriesOf(AnalyzerConfigOptions raw)
        {
            List<string>? entries = null;
            try
            {
                foreach (string key in raw.Keys)
                {
                    if (key.StartsWith(OptionDefinition.Prefix, StringComparison.OrdinalIgnoreCase) && raw.TryGetValue(key, out string? value))
                    {
                        (entries ??= new List<string>()).Add(key + "=" + value);
                    }
                }
            }
            catch (NotImplementedException)
            {
                return null;
            }

            if (entries is null)
            {
                return string.Empty;
            }

            entries.Sort(StringComparer.Ordinal);
            return string.Join("\0", entries);
        }

        /// <summary>The option's value for this tree; its default when it is not set, empty or does not parse (SL9001).</summary>
        public T Get<T>(Option<T> option) => (T)this.Read(option).Value!;

        /// <summary>The value as written (trimmed); null when not set or empty.</summary>
        public string? Text(OptionDefinition option) => this.Read(option).Text;

        /// <summary>The option's problem for this tree, when its value does not parse.</summary>
        public OptionProblem? ProblemWith(OptionDefinition option) => this.Read(option) is { Error: { } error } reading
            ? new OptionProblem(reading.Key!, reading.Text!, error, option.DefaultText)
            : null;

        // TryGetValue first: a method group converted to a delegate is a new object on every call.
        private Reading Read(OptionDefinition option) =>
            this.readings.TryGetValue(option, out Reading? reading) ? reading : this.readings.GetOrAdd(option, this.Parse(option));

        /// <summary>The rule-specific key wins over the general one, wherever each was set; an empty value means the default.</summary>
        private Reading Parse(OptionDefinition option)
        {
            string? key = null;
            string? text = null;
            if (this.raw.TryGetValue(option.Key, out string? specific) && !string.IsNullOrWhiteSpace(specific))
            {
                (key, text) = (option.Key, specific);
            }
            else if (option.GeneralKey is { } general && this.raw.TryGetValue(general, out string? shared) && !string.IsNullOrWhiteSpace(shared))
            {
                (key, text) = (general, shared);
            }

            if (key is null || text is null)
            {
                return new Reading(null, null, option.DefaultValue, null);
            }

            return option.TryParseValue(text.Trim(), out object? value, out string error)
                ? new Reading(key, text.Trim(), value, null)
                : new Reading(key, text.Trim(), option.DefaultValue, error);
        }

        private sealed class Reading
        {
            public Reading(string? key, string? text, object? value, string? error)
            {
                this.Key = key;
                this.Text = text;
                this.Value = value;
                this.Error = error;
            }

            public string? Key { get; }

            public string? Text { get; }

            public object? Value { get; }

            public string? Error { get; }
        }
    }

    /// <summary>A value that did not parse: SL9001 reports it and the default applies.</summary>
    internal sealed class OptionProblem
    {
        public OptionProblem(string key, string value, string error, string defaultValue)
        {
            this.Key = key;
            this.Value = value;
            this.Error = error;
            this.DefaultValue = defaultValue;
        }

        public string Key { get; }

        public string Value { get; }

        public string Error { get; }

        public string DefaultValue { get; }
    }
}
