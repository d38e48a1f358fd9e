using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamLint.Spark.Rules;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1006: <c>stream.Show(n)</c> becomes a console-sink query.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BatchActionOnStreamCodeFix))]
    [Shared]
    public sealed class BatchActionOnStreamCodeFix : SingleEditCodeFix
    {
        public const string ConsoleSinkKey = "SL1006.ConsoleSink";

        public BatchActionOnStreamCodeFix()
            : base("SL1006", ConsoleSinkKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (SyntaxLocator.InvocationAt(root, diagnostic.Location) is not { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Show" } member } show
                || show.Parent is not ExpressionStatementSyntax)
            {
                return null;
            }

            ExpressionSyntax receiver = member.Expression;
            InvocationExpressionSyntax writer = Call(Call(receiver, "WriteStream"), "Format", FluentCalls.String("console"));
            ArgumentSyntax? numRows = show.ArgumentList.Arguments.Count > 0 && show.ArgumentList.Arguments[0].NameColon is null ? show.ArgumentList.Arguments[0] : null;
            if (numRows is not null)
            {
                writer = Call(writer, "Option", FluentCalls.String("numRows"), numRows.Expression.WithoutTrivia());
            }

            return ("Write to the console sink (WriteStream().Format(\"console\").Start())", show, Call(writer, "Start").WithTriviaFrom(show));
        }

        private static InvocationExpressionSyntax Call(ExpressionSyntax receiver, string name, params ExpressionSyntax[] arguments) =>
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(name)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(System.Array.ConvertAll(arguments, SyntaxFactory.Argument))));
    }

    /// <summary>SL1007: <c>CountDistinct(col)</c> becomes <c>ApproxCountDistinct(col)</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnsupportedStreamingOperationCodeFix))]
    [Shared]
    public sealed class UnsupportedStreamingOperationCodeFix : SingleEditCodeFix
    {
        public const string ApproxCountDistinctKey = "SL1007.ApproxCountDistinct";

        public UnsupportedStreamingOperationCodeFix()
            : base("SL1007", ApproxCountDistinctKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(UnsupportedStreamingOperationAnalyzer.CountDistinctProperty)
            && root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is IdentifierNameSyntax { Identifier.ValueText: "CountDistinct" } name
                ? ("Use ApproxCountDistinct", name, SyntaxFactory.IdentifierName("ApproxCountDistinct").WithTriviaFrom(name))
                : null;
    }

    /// <summary>SL1008: write the legal output mode (keeping the string or enum form).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidOutputModeCodeFix))]
    [Shared]
    public sealed class InvalidOutputModeCodeFix : SingleEditCodeFix
    {
        public const string LegalModeKey = "SL1008.LegalMode";

        public InvalidOutputModeCodeFix()
            : base("SL1008", LegalModeKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(InvalidOutputModeAnalyzer.LegalModeProperty, out string? mode) || mode is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } argument)
            {
                return null;
            }

            argument = argument is ArgumentSyntax wrapper ? wrapper.Expression : argument;
            string title = $"Use output mode {mode}";
            return argument switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => (title, literal, FluentCalls.String(mode).WithTriviaFrom(literal)),
                MemberAccessExpressionSyntax member => (title, member.Name, SyntaxFactory.IdentifierName(char.ToUpperInvariant(mode[0]) + mode.Substring(1)).WithTriviaFrom(member.Name)),
                _ => null,
            };
        }
    }

    /// <summary>SL1009: read the source as a stream: <c>Read()</c> becomes <c>ReadStream()</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WriteStreamOnBatchCodeFix))]
    [Shared]
    public sealed class WriteStreamOnBatchCodeFix : SingleEditCodeFix
    {
        public const string ReadStreamKey = "SL1009.ReadStream";

        public WriteStreamOnBatchCodeFix()
            : base("SL1009", ReadStreamKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(WriteStreamOnBatchAnalyzer.ReadStreamFixProperty)
            && diagnostic.AdditionalLocations.Count == 1
            && SyntaxLocator.InvocationAt(root, diagnostic.AdditionalLocations[0]) is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Read" } member }
                ? ("Read the source as a stream (ReadStream())", member.Name, SyntaxFactory.IdentifierName("ReadStream").WithTriviaFrom(member.Name))
                : null;
    }

    /// <summary>SL1014: kafka.auto.offset.reset becomes startingOffsets; other rejected options are removed.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidKafkaOptionsCodeFix))]
    [Shared]
    public sealed class InvalidKafkaOptionsCodeFix : SingleEditCodeFix
    {
        public const string StartingOffsetsKey = "SL1014.StartingOffsets";
        public const string RemoveOptionKey = "SL1014.RemoveOption";

        public InvalidKafkaOptionsCodeFix()
            : base("SL1014", StartingOffsetsKey, RemoveOptionKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(InvalidKafkaOptionsAnalyzer.FixProperty, out string? fix)
                || SyntaxLocator.InvocationAt(root, diagnostic.Location) is not { Expression: MemberAccessExpressionSyntax member, ArgumentList.Arguments.Count: 2 } option)
            {
                return null;
            }

            if (fix == "StartingOffsets")
            {
                ExpressionSyntax value = option.ArgumentList.Arguments[1].Expression;
                string? mapped = value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                    ? literal.Token.ValueText.ToLowerInvariant() switch { "earliest" or "smallest" => "earliest", "latest" or "largest" => "latest", _ => null }
                    : null;
                if (mapped is null)
                {
                    return null;
                }

                var arguments = SyntaxFactory.SeparatedList(new[]
                {
                    option.ArgumentList.Arguments[0].WithExpression(FluentCalls.String("startingOffsets").WithTriviaFrom(option.ArgumentList.Arguments[0].Expression)),
                    option.ArgumentList.Arguments[1].WithExpression(FluentCalls.String(mapped).WithTriviaFrom(value)),
                });
                return ($"Use Option(\"startingOffsets\", \"{mapped}\")", option, option.WithArgumentList(option.ArgumentList.WithArguments(arguments)));
            }

            // x.Option("kafka.key.deserializer", …).Next() → x.Next()
            return option.Parent is MemberAccessExpressionSyntax
                ? ("Remove the option", option, member.Expression.WithTrailingTrivia(option.GetTrailingTrivia()))
                : null;
        }

        protected override string KeyFor(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(InvalidKafkaOptionsAnalyzer.FixProperty, out string? fix) && fix == "StartingOffsets" ? StartingOffsetsKey : RemoveOptionKey;
    }

    /// <summary>SL1015: correct an unambiguous unit typo in an interval literal.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidDurationCodeFix))]
    [Shared]
    public sealed class InvalidDurationCodeFix : SingleEditCodeFix
    {
        public const string CorrectUnitKey = "SL1015.CorrectUnit";

        public InvalidDurationCodeFix()
            : base("SL1015", CorrectUnitKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(InvalidDurationAnalyzer.CorrectedProperty, out string? corrected) && corrected is not null
            && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is { } node
            && (node is ArgumentSyntax argument ? argument.Expression : node) is LiteralExpressionSyntax literal
                ? ($"Change to \"{corrected}\"", literal, FluentCalls.String(corrected).WithTriviaFrom(literal))
                : null;
    }

    /// <summary>SL1016: <c>Trigger.Continuous(x)</c> becomes <c>Trigger.ProcessingTime(x)</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ContinuousTriggerUnsupportedCodeFix))]
    [Shared]
    public sealed class ContinuousTriggerUnsupportedCodeFix : SingleEditCodeFix
    {
        public const string ProcessingTimeKey = "SL1016.ProcessingTime";

        public ContinuousTriggerUnsupportedCodeFix()
            : base("SL1016", ProcessingTimeKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is IdentifierNameSyntax { Identifier.ValueText: "Continuous" } name
                ? ("Use Trigger.ProcessingTime", name, SyntaxFactory.IdentifierName("ProcessingTime").WithTriviaFrom(name))
                : null;
    }
}
