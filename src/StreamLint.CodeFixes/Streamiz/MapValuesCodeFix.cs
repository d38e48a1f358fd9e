using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.CodeFixes.Core;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamLint.Streamiz.Rules;

namespace StreamLint.CodeFixes.Streamiz
{
    /// <summary>
    /// SL2006: <c>Map((k, v, c) => KeyValuePair.Create(k, x))</c> becomes <c>MapValues((k, v, c) => x)</c> (FlatMap →
    /// FlatMapValues): every key/value pair the mapper builds is replaced by its value. Explicit type arguments keep the
    /// value type only.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MapValuesCodeFix))]
    [Shared]
    public sealed class MapValuesCodeFix : SingleEditCodeFix
    {
        public const string Key = "SL2006.MapValues";

        public MapValuesCodeFix()
            : base(Descriptors.SL2006_MapKeepsKey.Id, Key)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.ContainsKey(MapKeepsKeyAnalyzer.FixableProperty)
                || SyntaxLocator.InvocationAt(root, diagnostic.Location) is not { Expression: MemberAccessExpressionSyntax member } call
                || call.ArgumentList.Arguments.FirstOrDefault()?.Expression is not LambdaExpressionSyntax lambda)
            {
                return null;
            }

            string newName = member.Name.Identifier.ValueText.StartsWith("Flat", System.StringComparison.Ordinal) ? "FlatMapValues" : "MapValues";
            SimpleNameSyntax name = member.Name is GenericNameSyntax { TypeArgumentList.Arguments.Count: 2 } generic
                ? SyntaxFactory.GenericName(SyntaxFactory.Identifier(newName), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(generic.TypeArgumentList.Arguments[1])))
                : SyntaxFactory.IdentifierName(newName);

            var pairs = lambda.Body.DescendantNodesAndSelf().OfType<ExpressionSyntax>().Where(IsPair).ToList();
            if (pairs.Count == 0)
            {
                return null;
            }

            LambdaExpressionSyntax newLambda = lambda.ReplaceNodes(pairs, (original, _) => PairValue(original).WithTriviaFrom(original));
            InvocationExpressionSyntax fixedCall = call
                .WithExpression(member.WithName(name.WithTriviaFrom(member.Name)))
                .WithArgumentList(call.ArgumentList.ReplaceNode(lambda, newLambda));
            return ("Use " + newName, call, fixedCall);
        }

        private static bool IsPair(ExpressionSyntax expression) => expression switch
        {
            ObjectCreationExpressionSyntax { Type: GenericNameSyntax { Identifier.ValueText: "KeyValuePair" }, ArgumentList.Arguments.Count: 2 } => true,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "KeyValuePair" }, Name.Identifier.ValueText: "Create" }, ArgumentList.Arguments.Count: 2 } => true,
            _ => false,
        };

        private static ExpressionSyntax PairValue(ExpressionSyntax pair) => pair switch
        {
            ObjectCreationExpressionSyntax creation => creation.ArgumentList!.Arguments[1].Expression,
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments[1].Expression,
            _ => pair,
        };
    }
}
