using System.Linq;
using StreamLint.Core;
using Xunit;

namespace StreamLint.Tests.Core
{
    /// <summary>A name set answers for slices of a larger text exactly as for the names themselves.</summary>
    public class NameSetTests
    {
        private static readonly string Long = "Handler" + new string('x', 70);

        private static readonly NameSet Names = new NameSet(new[] { "Stream", "To", "WithWatermark", "Ünicode", Long, "_private", "" });

        [Theory]
        [InlineData("Stream", true)]
        [InlineData("To", true)]
        [InlineData("WithWatermark", true)]
        [InlineData("Ünicode", true)]
        [InlineData("_private", true)]
        [InlineData("Strean", false)] // same length and first letter as a name
        [InlineData("Tx", false)]
        [InlineData("stream", false)]
        [InlineData("Streams", false)]
        [InlineData("Ünicodf", false)]
        [InlineData("X", false)]
        public void Answers_for_a_slice_of_a_text_as_for_the_name(string word, bool expected)
        {
            string text = "var x = builder." + word + "(topic);";
            int start = text.IndexOf(word, System.StringComparison.Ordinal);

            Assert.Equal(expected, Names.Contains(text, start, word.Length));
            Assert.Equal(expected, Names.Contains(word));
        }

        [Fact]
        public void Names_of_64_characters_and_more_are_found()
        {
            string text = "a." + Long + "()";

            Assert.True(Names.Contains(text, 2, Long.Length));
            Assert.False(Names.Contains(text, 2, Long.Length - 1));
        }

        [Fact]
        public void An_empty_slice_is_not_a_name()
        {
            Assert.False(Names.Contains("abc", 1, 0));
            Assert.False(new NameSet(Enumerable.Empty<string>()).Contains("abc", 0, 3));
        }
    }
}
