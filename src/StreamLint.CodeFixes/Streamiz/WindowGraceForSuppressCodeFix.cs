using System.Composition;
using System.Globalization;
using Microsoft.CodeAnalysis;
using StreamLint.CodeFixes.Core;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamLint.Streamiz.Rules;

namespace StreamLint.CodeFixes.Streamiz
{
    /// <summary>SL2003: the suppression's grace becomes the window's grace, written as a <c>TimeSpan</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WindowGraceForSuppressCodeFix))]
    [Shared]
    public sealed class WindowGraceForSuppressCodeFix : SingleEditCodeFix
    {
        public const string Key = "SL2003.WindowGrace";

        public WindowGraceForSuppressCodeFix()
            : base(Descriptors.SL2003_SuppressGraceMismatch.Id, Key)
        {
        }

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(SuppressGraceMismatchAnalyzer.WindowGraceProperty, out string? text)
                || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long ms)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
            {
                return null;
            }

            ExpressionSyntax old = node as ExpressionSyntax ?? (node as ArgumentSyntax)?.Expression!;
            if (old is null)
            {
                return null;
            }

            return ("Use the window's grace", old, SyntaxFactory.ParseExpression(TimeSpanText(ms)).WithTriviaFrom(old));
        }

        private static string TimeSpanText(long ms)
        {
            string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
            if (ms == 0)
            {
                return "TimeSpan.Zero";
            }

            if (ms % 3_600_000 == 0)
            {
                return $"TimeSpan.FromHours({Invariant(ms / 3_600_000)})";
            }

            if (ms % 60_000 == 0)
            {
                return $"TimeSpan.FromMinutes({Invariant(ms / 60_000)})";
            }

            return ms % 1000 == 0 ? $"TimeSpan.FromSeconds({Invariant(ms / 1000)})" : $"TimeSpan.FromMilliseconds({Invariant(ms)})";
        }
    }
}
