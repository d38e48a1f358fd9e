using System.Collections.Generic;

namespace StreamLint.Spark.Sql
{
    /// <summary>
    /// Entry points for Spark SQL text found in the compilation. Each returns null for text it cannot read
    /// (syntax it does not know, text longer than <see cref="MaxLength"/>, nesting deeper than
    /// <see cref="SqlParser.MaxDepth"/>) and never throws.
    /// </summary>
    internal static class SqlText
    {
        /// <summary>Longer text is not read (real SQL strings in code are far shorter).</summary>
        public const int MaxLength = 65536;

        /// <summary>
        /// An expression as <c>Expr("…")</c>, <c>Filter("…")</c> / <c>Where("…")</c> and join conditions take it. Spark
        /// parses these as a named expression, so <c>"a AS b"</c> gives a <see cref="SqlAlias"/>.
        /// </summary>
        public static SqlExpr? ParseExpression(string? text)
        {
            SqlSelectItem? item = ParseSelectItem(text);
            return item is null ? null : item.Aliases.IsEmpty ? item.Expression : new SqlAlias(item.Expression, item.Aliases);
        }

        /// <summary>One <c>SelectExpr("…")</c> argument: the expression and its optional alias.</summary>
        public static SqlSelectItem? ParseSelectItem(string? text) =>
            Parse(text, parser => parser.ParseNamedExpression(), allowSemicolon: false);

        /// <summary>A <c>Sql("…")</c> query; trailing semicolons are allowed as Spark allows them.</summary>
        public static SqlQuery? ParseQuery(string? text) =>
            Parse(text, parser => parser.ParseQuery(), allowSemicolon: true);

        private static T? Parse<T>(string? text, System.Func<SqlParser, T> read, bool allowSemicolon)
            where T : class
        {
            if (text is null || text.Length > MaxLength)
            {
                return null;
            }

            List<SqlToken>? tokens = SqlLexer.Tokenize(text);
            if (tokens is null)
            {
                return null;
            }

            if (allowSemicolon)
            {
                while (tokens.Count > 1 && tokens[tokens.Count - 2].Kind == SqlTokenKind.Semicolon)
                {
                    tokens.RemoveAt(tokens.Count - 2);
                }
            }

            var parser = new SqlParser(text, tokens);
            try
            {
                T result = read(parser);
                return parser.IsAtEnd ? result : null;
            }
            catch (SqlSyntaxException)
            {
                return null;
            }
        }
    }
}
