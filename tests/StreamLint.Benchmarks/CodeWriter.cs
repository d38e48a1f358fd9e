using System.Text;

namespace StreamLint.Benchmarks
{
    /// <summary>An indenting line writer for generated C#.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder builder = new StringBuilder();
        private int indent;

        public int Lines { get; private set; }

        public CodeWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                this.builder.Append(' ', this.indent * 4);
            }

            this.builder.Append(text).Append('\n');
            this.Lines++;
            return this;
        }

        /// <summary>Appends a multi-line block (a raw string literal), each line at the current indentation.</summary>
        public CodeWriter Block(string text)
        {
            foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
            {
                this.Line(line.TrimEnd());
            }

            return this;
        }

        public CodeWriter Open(string header)
        {
            this.Line(header);
            this.Line("{");
            this.indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            this.indent--;
            this.Line("}" + suffix);
            return this;
        }

        public override string ToString() => this.builder.ToString();
    }
}
