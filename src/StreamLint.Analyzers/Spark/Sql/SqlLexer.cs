using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace StreamLint.Spark.Sql
{
    /// <summary>
    /// Splits Spark SQL text into tokens following Spark's lexer (SqlBaseLexer.g4): bare words, backticked
    /// identifiers (<c>``</c> escapes a backtick), single- or double-quoted strings with backslash escapes,
    /// numbers with type suffixes, operators, <c>--</c> line comments and nested <c>/* */</c> comments
    /// (which also swallow hints such as <c>/*+ BROADCAST(t) */</c>).
    /// </summary>
    internal static class SqlLexer
    {
        /// <summary>The tokens of <paramref name="text"/> ending with an End token; null when the text cannot be tokenised.</summary>
        public static List<SqlToken>? Tokenize(string text)
        {
            var tokens = new List<SqlToken>();
            int i = 0;
            while (true)
            {
                i = SkipTrivia(text, i);
                if (i < 0)
                {
                    return null; // unterminated comment
                }

                if (i >= text.Length)
                {
                    tokens.Add(new SqlToken(SqlTokenKind.End, string.Empty, text.Length, 0));
                    return tokens;
                }

                SqlToken? token = Next(text, i);
                if (token is not { } t)
                {
                    return null;
                }

                tokens.Add(t);
                i = t.End;
            }
        }

        /// <summary>Skips white space and comments; -1 for an unterminated block comment.</summary>
        private static int SkipTrivia(string text, int i)
        {
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '-' && At(text, i + 1) == '-')
                {
                    while (i < text.Length && text[i] != '\n' && text[i] != '\r')
                    {
                        i++;
                    }
                }
                else if (c == '/' && At(text, i + 1) == '*')
                {
                    // Spark 3 allows nested bracketed comments.
                    int depth = 0;
                    do
                    {
                        if (i + 1 >= text.Length)
                        {
                            return -1;
                        }

                        if (text[i] == '/' && text[i + 1] == '*')
                        {
                            depth++;
                            i += 2;
                        }
                        else if (text[i] == '*' && text[i + 1] == '/')
                        {
                            depth--;
                            i += 2;
                        }
                        else
                        {
                            i++;
                        }
                    }
                    while (depth > 0);
                }
                else
                {
                    break;
                }
            }

            return i;
        }

        private static SqlToken? Next(string text, int start)
        {
            char c = text[start];
            switch (c)
            {
                case '(': return Single(SqlTokenKind.LeftParen, text, start);
                case ')': return Single(SqlTokenKind.RightParen, text, start);
                case '[': return Single(SqlTokenKind.LeftBracket, text, start);
                case ']': return Single(SqlTokenKind.RightBracket, text, start);
                case ',': return Single(SqlTokenKind.Comma, text, start);
                case ':': return Single(SqlTokenKind.Colon, text, start);
                case ';': return Single(SqlTokenKind.Semicolon, text, start);
                case '`': return QuotedIdentifier(text, start);
                case '\'':
                case '"':
                    return StringLiteral(text, start);
                case '.':
                    return char.IsDigit(At(text, start + 1)) ? Number(text, start) : Single(SqlTokenKind.Dot, text, start);
            }

            if (char.IsDigit(c))
            {
                return Number(text, start);
            }

            if (IsWordChar(c))
            {
                int end = start;
                while (end < text.Length && IsWordChar(text[end]))
                {
                    end++;
                }

                return new SqlToken(SqlTokenKind.Identifier, text.Substring(start, end - start), start, end - start);
            }

            foreach (string op in Operators)
            {
                if (string.CompareOrdinal(text, start, op, 0, op.Length) == 0)
                {
                    return new SqlToken(SqlTokenKind.Operator, op, start, op.Length);
                }
            }

            return null;
        }

        /// <summary>Longest first, so that <c>&lt;=&gt;</c> wins over <c>&lt;=</c> and <c>&lt;</c>.</summary>
        private static readonly string[] Operators =
        {
            "<=>", "->", "<=", ">=", "<>", "!=", "==", "||", "=", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "~", "!",
        };

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

        private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

        private static SqlToken Single(SqlTokenKind kind, string text, int start) => new SqlToken(kind, text.Substring(start, 1), start, 1);

        private static SqlToken? QuotedIdentifier(string text, int start)
        {
            var name = new StringBuilder();
            int i = start + 1;
            while (i < text.Length)
            {
                if (text[i] == '`')
                {
                    if (At(text, i + 1) != '`')
                    {
                        return new SqlToken(SqlTokenKind.QuotedIdentifier, name.ToString(), start, i + 1 - start);
                    }

                    i++; // `` is one backtick
                }

                name.Append(text[i]);
                i++;
            }

            return null;
        }

        /// <summary>
        /// A string literal unescaped as Spark's ParserUtils.unescapeSQLString does: \n \t \r \b \0 \Z, \uXXXX,
        /// three-digit octal, \% and \_ keep their backslash (they are LIKE escapes), any other \x is x.
        /// </summary>
        private static SqlToken? StringLiteral(string text, int start)
        {
            char quote = text[start];
            var value = new StringBuilder();
            int i = start + 1;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == quote)
                {
                    return new SqlToken(SqlTokenKind.String, value.ToString(), start, i + 1 - start);
                }

                if (c != '\\')
                {
                    value.Append(c);
                    i++;
                    continue;
                }

                if (i + 1 >= text.Length)
                {
                    return null;
                }

                char e = text[i + 1];
                i += 2;
                switch (e)
                {
                    case 'n': value.Append('\n'); break;
                    case 't': value.Append('\t'); break;
                    case 'r': value.Append('\r'); break;
                    case 'b': value.Append('\b'); break;
                    case '0' when !IsOctal(text, i - 1): value.Append('\0'); break;
                    case 'Z': value.Append('\u001A'); break;
                    case '%': value.Append("\\%"); break;
                    case '_': value.Append("\\_"); break;
                    case 'u' when i + 4 <= text.Length
                        && int.TryParse(text.Substring(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code):
                        value.Append((char)code);
                        i += 4;
                        break;
                    default:
                        if (IsOctal(text, i - 1))
                        {
                            value.Append((char)System.Convert.ToInt32(text.Substring(i - 1, 3), 8));
                            i += 2;
                        }
                        else
                        {
                            value.Append(e);
                        }

                        break;
                }
            }

            return null;
        }

        /// <summary>Three octal digits starting at <paramref name="i"/>, the first 0-3 (Spark's \ooo escape).</summary>
        private static bool IsOctal(string text, int i) =>
            i + 3 <= text.Length && text[i] >= '0' && text[i] <= '3'
            && text[i + 1] >= '0' && text[i + 1] <= '7' && text[i + 2] >= '0' && text[i + 2] <= '7';

        /// <summary>
        /// Digits, an optional fraction and exponent, and an optional suffix (L, S, Y, F, D, BD). Spark lets a word
        /// start with digits (<c>1st</c> is an identifier), so digits followed by other word characters are a word.
        /// </summary>
        private static SqlToken Number(string text, int start)
        {
            int i = start;
            while (char.IsDigit(At(text, i)))
            {
                i++;
            }

            // "1.5" and "1." are numbers; in "1.x" the dot is a field access on a word.
            if (At(text, i) == '.' && (char.IsDigit(At(text, i + 1)) || !IsWordChar(At(text, i + 1))))
            {
                i++;
                while (char.IsDigit(At(text, i)))
                {
                    i++;
                }
            }

            if ((At(text, i) == 'e' || At(text, i) == 'E')
                && (char.IsDigit(At(text, i + 1)) || ((At(text, i + 1) == '+' || At(text, i + 1) == '-') && char.IsDigit(At(text, i + 2)))))
            {
                i += 2;
                while (char.IsDigit(At(text, i)))
                {
                    i++;
                }
            }

            int suffix = SuffixLength(text, i);
            i += suffix;
            if (IsWordChar(At(text, i)) && text.IndexOf('.', start, i - start) < 0)
            {
                while (IsWordChar(At(text, i)))
                {
                    i++;
                }

                return new SqlToken(SqlTokenKind.Identifier, text.Substring(start, i - start), start, i - start);
            }

            return new SqlToken(SqlTokenKind.Number, text.Substring(start, i - start), start, i - start);
        }

        private static int SuffixLength(string text, int i)
        {
            char c = char.ToUpperInvariant(At(text, i));
            if (c == 'B' && char.ToUpperInvariant(At(text, i + 1)) == 'D')
            {
                return 2;
            }

            return c is 'L' or 'S' or 'Y' or 'F' or 'D' ? 1 : 0;
        }
    }
}
