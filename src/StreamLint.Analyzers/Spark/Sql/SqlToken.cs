namespace StreamLint.Spark.Sql
{
    /// <summary>The kinds of token the Spark SQL reader distinguishes.</summary>
    internal enum SqlTokenKind
    {
        /// <summary>End of input (always the last token).</summary>
        End,

        /// <summary>A bare word: an identifier or a keyword (keywords are recognised by the parser, case-insensitively).</summary>
        Identifier,

        /// <summary>A backticked identifier: never a keyword.</summary>
        QuotedIdentifier,

        /// <summary>A single- or double-quoted string literal (double quotes are strings in Spark's default dialect).</summary>
        String,

        /// <summary>A numeric literal with its optional type suffix (10L, 1.5D, 2BD).</summary>
        Number,

        /// <summary>An operator, including <c>*</c>, <c>-&gt;</c>, <c>!</c> and <c>~</c>.</summary>
        Operator,

        LeftParen,
        RightParen,
        LeftBracket,
        RightBracket,
        Comma,
        Dot,
        Colon,
        Semicolon,
    }

    /// <summary>
    /// One token. <see cref="Text"/> is the token's value: the unescaped name of an identifier, the unescaped
    /// content of a string, the source text of a number or operator. <see cref="Start"/> and
    /// <see cref="Length"/> locate it in the source (used to keep type names as written).
    /// </summary>
    internal readonly struct SqlToken
    {
        public SqlToken(SqlTokenKind kind, string text, int start, int length)
        {
            this.Kind = kind;
            this.Text = text;
            this.Start = start;
            this.Length = length;
        }

        public SqlTokenKind Kind { get; }

        public string Text { get; }

        public int Start { get; }

        public int Length { get; }

        public int End => this.Start + this.Length;

        /// <summary>True for a bare word equal to <paramref name="keyword"/> ignoring case (a backticked name never is).</summary>
        public bool IsKeyword(string keyword) =>
            this.Kind == SqlTokenKind.Identifier && string.Equals(this.Text, keyword, System.StringComparison.OrdinalIgnoreCase);

        public bool IsOperator(string op) => this.Kind == SqlTokenKind.Operator && this.Text == op;

        public override string ToString() => this.Kind + " " + this.Text;
    }
}
