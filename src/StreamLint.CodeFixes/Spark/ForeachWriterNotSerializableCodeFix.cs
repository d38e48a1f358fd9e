using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using StreamLint.CodeFixes.Core;
using StreamLint.Spark.Rules;

namespace StreamLint.CodeFixes.Spark
{
    /// <summary>SL1017: mark the writer [Serializable].</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ForeachWriterNotSerializableCodeFix))]
    [Shared]
    public sealed class ForeachWriterNotSerializableCodeFix : SingleEditCodeFix
    {
        public const string AddSerializableKey = "SL1017.AddSerializable";

        public ForeachWriterNotSerializableCodeFix()
            : base(Descriptors.SL1017_ForeachWriterNotSerializable.Id, AddSerializableKey)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.ContainsKey(ForeachWriterNotSerializableAnalyzer.AddSerializableProperty)
                || root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not ClassDeclarationSyntax type)
            {
                return null;
            }

            AttributeListSyntax attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Attribute(SyntaxFactory.ParseName("System.Serializable").WithAdditionalAnnotations(Simplifier.Annotation))))
                .WithAdditionalAnnotations(Formatter.Annotation);
            ClassDeclarationSyntax marked = type.AttributeLists.Count == 0
                ? type.WithoutLeadingTrivia().AddAttributeLists(attribute.WithLeadingTrivia(type.GetLeadingTrivia()))
                : type.AddAttributeLists(attribute);
            return ("Mark the writer [Serializable]", type, marked);
        }
    }
}
