using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using StreamLint.CodeFixes.Core;
using StreamLint.Spark.Rules;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1014: kafka.auto.offset.reset becomes startingOffsets; other rejected options are removed.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidKafkaOptionsCodeFix))]
    [Shared]
    public sealed class InvalidKafkaOptionsCodeFix : SingleEditCodeFix
    {
        public const string StartingOffsetsKey = "SL1014.StartingOffsets";
        public const string RemoveOptionKey = "SL1014.RemoveOption";

        public InvalidKafkaOptionsCodeFix()
            : base(Descriptors.SL1014_InvalidKafkaOptions.Id, StartingOffsetsKey, RemoveOptionKey)
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
}
