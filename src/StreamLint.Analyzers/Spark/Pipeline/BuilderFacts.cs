using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>The configuration a reader or writer has when it is used, read from its configuration calls in order.</summary>
    internal sealed class BuilderFacts
    {
        public BuilderFacts(BuilderValue builder)
        {
            bool optionsComplete = builder.Complete;
            bool formatKnown = builder.Complete;
            OutputModeFact mode = OutputModeFact.Append;
            var options = ImmutableDictionary.CreateBuilder<string, IOperation>(StringComparer.OrdinalIgnoreCase);

            foreach (IInvocationOperation call in builder.Calls)
            {
                switch (call.TargetMethod.Name)
                {
                    case "Format":
                        string? format = OperationFacts.ConstantString(OperationFacts.Argument(call, 0));
                        this.Format = format?.ToLowerInvariant();
                        formatKnown = builder.Complete && format is not null;
                        this.Sink = this.Format;
                        break;
                    case "Option":
                        string? key = OperationFacts.ConstantString(OperationFacts.Argument(call, 0));
                        if (key is null)
                        {
                            optionsComplete = false;
                        }
                        else if (OperationFacts.Argument(call, 1) is IOperation value)
                        {
                            options[key] = value;
                        }

                        break;
                    case "Options":
                        optionsComplete = false;
                        break;
                    case "OutputMode":
                        this.OutputModeCall = call;
                        mode = ReadMode(OperationFacts.Argument(call, 0));
                        break;
                    case "Mode":
                        IOperation? saveMode = OperationFacts.Argument(call, 0);
                        this.SaveMode = saveMode is { ConstantValue.HasValue: true }
                            ? saveMode.ConstantValue.Value switch
                            {
                                string text => text.ToLowerInvariant(),
                                0 => "append",
                                1 => "overwrite",
                                2 => "errorifexists",
                                3 => "ignore",
                                _ => null,
                            }
                            : null;
                        this.SaveModeKnown = this.SaveMode is not null;
                        break;
                    case "QueryName":
                        this.QueryName = OperationFacts.ConstantString(OperationFacts.Argument(call, 0));
                        break;
                    case "ForeachBatch":
                        this.ForeachBatchCall = call;
                        this.Sink = "foreachBatch";
                        formatKnown = builder.Complete;
                        break;
                    case "Foreach":
                        this.ForeachCall = call;
                        this.Sink = "foreach";
                        formatKnown = builder.Complete;
                        break;
                }
            }

            this.Options = options.ToImmutable();
            this.OptionsComplete = optionsComplete;
            this.FormatKnown = formatKnown;
            // A builder that escapes may get another mode (or its first) where the model cannot see it.
            this.OutputMode = builder.Complete ? mode : OutputModeFact.Unknown;
        }

        /// <summary>The constant format, lower-cased; null when none was set (or not constant: see <see cref="FormatKnown"/>).</summary>
        public string? Format { get; }

        /// <summary>
        /// The sink a writer starts: the last of Format(…), ForeachBatch(…) and Foreach(…) wins, as in Spark's
        /// DataStreamWriter. Null when none was called (Spark then uses spark.sql.sources.default, parquet).
        /// </summary>
        public string? Sink { get; }

        /// <summary>True when <see cref="Format"/> and <see cref="Sink"/> are exactly what Spark will see.</summary>
        public bool FormatKnown { get; }

        /// <summary>Options with constant keys (Spark compares option keys case-insensitively).</summary>
        public ImmutableDictionary<string, IOperation> Options { get; }

        /// <summary>False when some option may be set that the model cannot see (non-constant key, Options(dictionary), escape).</summary>
        public bool OptionsComplete { get; }

        /// <summary>Append when never set; Unknown when not provable.</summary>
        public OutputModeFact OutputMode { get; }

        public IInvocationOperation? OutputModeCall { get; }

        /// <summary>A batch writer's Mode(…), lower-cased (append, overwrite, errorifexists, ignore); null when unset or unknown.</summary>
        public string? SaveMode { get; }

        /// <summary>True when Mode(…) was called with a constant.</summary>
        public bool SaveModeKnown { get; }

        public string? QueryName { get; }

        public IInvocationOperation? ForeachBatchCall { get; }

        public IInvocationOperation? ForeachCall { get; }

        /// <summary>True when the option is set, or might be.</summary>
        public bool MayHaveOption(string key) => !this.OptionsComplete || this.Options.ContainsKey(key);

        private static OutputModeFact ReadMode(IOperation? argument)
        {
            if (argument is null || !argument.ConstantValue.HasValue)
            {
                return OutputModeFact.Unknown;
            }

            object? value = argument.ConstantValue.Value;
            return value is string text ? OutputModes.Parse(text) : OutputModes.FromEnum(value);
        }
    }
}
