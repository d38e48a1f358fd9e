using System;
using System.Collections.Generic;

namespace StreamLint.Spark.Sql
{
    /// <summary>
    /// A recursive-descent reader of Spark SQL over the tokens of <see cref="SqlLexer"/>: expressions by precedence
    /// climbing (SqlParser.Expressions.cs), queries (SqlParser.Queries.cs). A syntax error throws
    /// <see cref="SqlSyntaxException"/>, which <see cref="SqlText"/> turns into null; nothing else escapes.
    /// </summary>
    internal sealed partial class SqlParser
    {
        /// <summary>Nesting allowed before the text is treated as unknown (keeps the stack small on hostile input).</summary>
        public const int MaxDepth = 64;

        private readonly string source;
        private readonly List<SqlToken> tokens;
        private int position;
        private int depth;

        public SqlParser(string source, List<SqlToken> tokens)
        {
            this.source = source;
            this.tokens = tokens;
        }

        private SqlToken Current => this.tokens[this.position];

        /// <summary>The token <paramref name="offset"/> ahead; End past the end.</summary>
        private SqlToken Peek(int offset = 1) => this.tokens[Math.Min(this.position + offset, this.tokens.Count - 1)];

        private bool AtEnd => this.Current.Kind == SqlTokenKind.End;

        /// <summary>True when every token has been read (the caller rejects trailing text).</summary>
        public bool IsAtEnd => this.AtEnd;

        private SqlToken Advance()
        {
            SqlToken token = this.Current;
            if (token.Kind != SqlTokenKind.End)
            {
                this.position++;
            }

            return token;
        }

        private bool Accept(SqlTokenKind kind)
        {
            if (this.Current.Kind != kind)
            {
                return false;
            }

            this.position++;
            return true;
        }

        private bool AcceptKeyword(string keyword)
        {
            if (!this.Current.IsKeyword(keyword))
            {
                return false;
            }

            this.position++;
            return true;
        }

        private bool AcceptOperator(string op)
        {
            if (!this.Current.IsOperator(op))
            {
                return false;
            }

            this.position++;
            return true;
        }

        private void Expect(SqlTokenKind kind)
        {
            if (!this.Accept(kind))
            {
                throw this.Error("expected " + kind);
            }
        }

        private void ExpectKeyword(string keyword)
        {
            if (!this.AcceptKeyword(keyword))
            {
                throw this.Error("expected " + keyword);
            }
        }

        /// <summary>An identifier in a position where any word is a name (after AS, after a dot).</summary>
        private string ExpectName()
        {
            SqlToken token = this.Current;
            if (token.Kind is SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier)
            {
                this.position++;
                return token.Text;
            }

            throw this.Error("expected a name");
        }

        /// <summary>Source text from the start of token <paramref name="first"/> to the end of the token before the current one.</summary>
        private string SourceFrom(int first)
        {
            int start = this.tokens[first].Start;
            int end = this.tokens[Math.Max(first, this.position - 1)].End;
            return this.source.Substring(start, end - start);
        }

        /// <summary>Counts one level of nesting; every caller decrements in a finally block.</summary>
        private void Enter()
        {
            if (++this.depth > MaxDepth)
            {
                throw this.Error("nested too deeply");
            }
        }

        private SqlSyntaxException Error(string message) =>
            new SqlSyntaxException(message + " at offset " + this.Current.Start);
    }

    /// <summary>Thrown by <see cref="SqlParser"/> on text it does not understand; never leaves <see cref="SqlText"/>.</summary>
    internal sealed class SqlSyntaxException : Exception
    {
        public SqlSyntaxException(string message)
            : base(message)
        {
        }
    }
}
