using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Spark.Durations;
using StreamLint.Spark.Pipeline;

namespace StreamLint.Spark.Rules
{
    /// <summary>
    /// SL1015: interval strings Spark cannot parse or rejects — Window durations (window &gt; 0, 0 &lt; slide ≤ window,
    /// |start| &lt; slide, no months or years), the WithWatermark delay (not negative) and Trigger.ProcessingTime /
    /// Continuous intervals (no months or years, not negative). Constants are checked fully; interpolated strings
    /// with constant units (<c>$"{n} seconds"</c>) are checked for syntax.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InvalidDurationAnalyzer : SparkAnalyzer
    {
        /// <summary>Property: the corrected string literal the fix writes.</summary>
        public const string CorrectedProperty = "Corrected";

        public InvalidDurationAnalyzer()
            : base(Descriptors.SL1015_InvalidDuration)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, SparkCompilation spark) =>
            RegisterSparkCalls(context, spark, (c, invocation) => Analyze(c, invocation, spark));

        private static void Analyze(MemberContext context, IInvocationOperation invocation, SparkCompilation spark)
        {
            IMethodSymbol method = invocation.TargetMethod;
            SparkSymbols s = spark.Symbols;
            Version version = SparkTarget.For(context.Options, invocation.Syntax.SyntaxTree).Version;
            if (method.Name == "Window" && s.Is(method.ContainingType, s.Functions))
            {
                CheckWindow(context, invocation, version);
            }
            else if (method.Name == "WithWatermark" && s.Is(method.ContainingType, s.DataFrame))
            {
                Check(context, OperationFacts.Argument(invocation, 1), "Watermark delay", version, (text, interval) =>
                    interval.IsNegative ? $"delay threshold ({text}) should not be negative." : null);
            }
            else if (method.Name is "ProcessingTime" or "Continuous" && method.ContainingType.Name == "Trigger"
                && method.ContainingType.ContainingNamespace.ToDisplayString() == "Microsoft.Spark.Sql.Streaming")
            {
                IOperation? argument = OperationFacts.Argument(invocation, 0);
                if (argument is { ConstantValue: { HasValue: true, Value: long or int } } && Convert.ToInt64(argument.ConstantValue.Value, System.Globalization.CultureInfo.InvariantCulture) is var milliseconds && milliseconds < 0)
                {
                    Report(context, argument, $"Trigger interval {milliseconds} ms is negative; Spark throws: \"Interval cannot be negative\"", null);
                    return;
                }

                Check(context, argument, "Trigger interval", version, (text, interval) =>
                    interval.Months != 0 ? $"Doesn't support month or year interval: {text}"
                    : interval.TotalMicros < 0 ? "Interval cannot be negative"
                    : null);
            }
        }

        private static void CheckWindow(MemberContext context, IInvocationOperation invocation, Version version)
        {
            SparkInterval? window = Check(context, OperationFacts.Argument(invocation, 1), "Window duration", version, (text, interval) =>
                interval.Months != 0 ? $"Intervals greater than a month is not supported ({text})."
                : interval.TotalMicros <= 0 ? $"The window duration ({text}) must be greater than 0."
                : null);
            string? windowText = OperationFacts.ConstantString(OperationFacts.Argument(invocation, 1));

            SparkInterval? slide = Check(context, OperationFacts.Argument(invocation, 2), "Slide duration", version, (text, interval) =>
                interval.Months != 0 ? $"Intervals greater than a month is not supported ({text})."
                : interval.TotalMicros <= 0 ? $"The slide duration ({text}) must be greater than 0."
                : window is not null && window.Months == 0 && window.TotalMicros > 0 && interval.TotalMicros > window.TotalMicros
                    ? $"The slide duration ({text}) must be less than or equal to the windowDuration ({windowText})."
                    : null);
            string? slideText = OperationFacts.ConstantString(OperationFacts.Argument(invocation, 2));

            Check(context, OperationFacts.Argument(invocation, 3), "Window start time", version, (text, interval) =>
                interval.Months != 0 ? $"Intervals greater than a month is not supported ({text})."
                : slide is not null && slide.Months == 0 && slide.TotalMicros > 0 && Math.Abs(interval.TotalMicros) >= slide.TotalMicros
                    ? $"The absolute value of start time ({text}) must be less than the slideDuration ({slideText})."
                    : null);
        }

        /// <summary>
        /// Parses the argument when it is a constant (or an interpolation with constant units) and reports what Spark
        /// would reject; returns the interval when it is a constant that parses.
        /// </summary>
        private static SparkInterval? Check(MemberContext context, IOperation? argument, string what, Version version, Func<string, SparkInterval, string?> sparkRejects)
        {
            if (argument is null)
            {
                return null;
            }

            string? text = OperationFacts.ConstantString(argument);
            bool template = false;
            if (text is null)
            {
                text = Template(argument);
                template = true;
                if (text is null)
                {
                    return null; // not constant: unknown
                }
            }

            SparkInterval? interval = SparkInterval.Parse(text, version, out string error, out string? badUnit);
            if (interval is null)
            {
                string? corrected = !template && argument.Syntax.IsKind(SyntaxKind.StringLiteralExpression) && badUnit is not null
                    ? Correct(text, badUnit)
                    : null;
                string display = template ? argument.Syntax.ToString() : "\"" + text + "\"";
                Report(context, argument, $"{what} {display} does not parse as a Spark interval: {error}; Spark throws as soon as this call runs", corrected);
                return null;
            }

            if (!template && sparkRejects(text, interval) is { } rejection)
            {
                Report(context, argument, $"{what} \"{text}\" is rejected by Spark as soon as this call runs: \"{rejection}\"", null);
                return null;
            }

            return template ? null : interval;
        }

        /// <summary>$"{n} seconds" with numeric holes becomes "1 seconds"; null when a hole is not a number.</summary>
        private static string? Template(IOperation argument)
        {
            if (argument is not IInterpolatedStringOperation interpolated)
            {
                return null;
            }

            var builder = new StringBuilder();
            foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } }:
                        builder.Append(text);
                        break;
                    case IInterpolationOperation { Alignment: null, FormatString: null, Expression.Type: { } type } when IsNumber(type):
                        builder.Append('1');
                        break;
                    default:
                        return null;
                }
            }

            return builder.ToString();
        }

        private static bool IsNumber(ITypeSymbol type) =>
            type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
                or SpecialType.System_UInt32 or SpecialType.System_UInt16;

        /// <summary>The text with an unambiguous unit typo corrected, or null.</summary>
        private static string? Correct(string text, string badUnit)
        {
            string? unit = SparkInterval.Abbreviations.TryGetValue(badUnit, out string? expanded) ? expanded : null;
            if (unit is null)
            {
                var close = SparkInterval.Units
                    .Where(u => Math.Min(EditDistance.Compute(badUnit, u), EditDistance.Compute(badUnit, u + "s")) <= 2)
                    .ToList();
                unit = close.Count == 1 ? close[0] : null;
            }

            if (unit is null)
            {
                return null;
            }

            // Replace the offending word itself (not a substring elsewhere); plural unless its number is exactly 1.
            System.Text.RegularExpressions.Match word = System.Text.RegularExpressions.Regex.Match(
                text,
                @"(?<number>\S+)(?<gap>\s+)" + System.Text.RegularExpressions.Regex.Escape(badUnit) + @"(?=\s|$)",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            if (!word.Success)
            {
                return null;
            }

            string number = word.Groups["number"].Value;
            string replacement = number is "1" or "+1" or "-1" ? unit : unit + "s";
            int at = word.Index + number.Length + word.Groups["gap"].Length;
            return text.Substring(0, at) + replacement + text.Substring(at + badUnit.Length);
        }

        private static void Report(MemberContext context, IOperation argument, string message, string? corrected) =>
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SL1015_InvalidDuration,
                argument.Syntax.GetLocation(),
                corrected is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(CorrectedProperty, corrected),
                message));
    }
}
