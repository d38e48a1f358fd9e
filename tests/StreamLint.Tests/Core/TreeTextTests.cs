using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using StreamLint.Core;
using Xunit;

namespace StreamLint.Tests.Core
{
    /// <summary>
    /// A file's relevance to each word set is found in one pass for every set asked about so far; each answer must be
    /// the one that set alone would give, whichever set is asked first.
    /// </summary>
    public class TreeTextTests
    {
        private static readonly NameSet Spark = new NameSet(new[] { "DataFrame", "SparkSession" });
        private static readonly NameSet Kafka = new NameSet(new[] { "ConsumerBuilder", "IConsumer" });
        private static readonly NameSet Streamiz = new NameSet(new[] { "StreamBuilder", "KafkaStream" });

        private const string KafkaFile = "class Worker { void Run(IConsumer<string, string> consumer) { } } // DataFrames are elsewhere";

        [Fact]
        public void Each_set_gets_its_own_answer_whichever_is_asked_first()
        {
            TreeText sparkFirst = Text(KafkaFile);
            Assert.False(sparkFirst.IsRelevant(Spark, CancellationToken.None));
            Assert.True(sparkFirst.IsRelevant(Kafka, CancellationToken.None));
            Assert.False(sparkFirst.IsRelevant(Streamiz, CancellationToken.None));

            TreeText kafkaFirst = Text(KafkaFile);
            Assert.True(kafkaFirst.IsRelevant(Kafka, CancellationToken.None));
            Assert.False(kafkaFirst.IsRelevant(Streamiz, CancellationToken.None));
            Assert.False(kafkaFirst.IsRelevant(Spark, CancellationToken.None));
        }

        [Fact]
        public void A_set_first_asked_after_a_file_was_read_is_answered_too()
        {
            TreeText text = Text("class Job { SparkSession session; StreamBuilder builder; }");
            Assert.True(text.IsRelevant(Spark, CancellationToken.None));

            var later = new NameSet(new[] { "builder" });
            Assert.True(text.IsRelevant(later, CancellationToken.None));
            Assert.False(text.IsRelevant(new NameSet(new[] { "Topology" }), CancellationToken.None));
            Assert.True(text.IsRelevant(Streamiz, CancellationToken.None));
        }

        [Fact]
        public void A_file_with_escapes_may_hold_any_set()
        {
            TreeText text = Text("class \\u0041 { }");

            Assert.True(text.IsRelevant(Spark, CancellationToken.None));
            Assert.True(text.IsRelevant(Kafka, CancellationToken.None));
        }

        [Fact]
        public void A_string_literal_spelled_with_escapes_is_found_and_a_missing_one_is_not()
        {
            TreeText hex = Text("class C { string s = \"\\x41utoCommit\"; string t = \"\\u0065nable\"; }");
            TreeText plain = Text("class C { string s = \"enable.auto.commit\"; }");

            Assert.True(hex.HasStringLiteral("AutoCommit", CancellationToken.None));
            Assert.True(hex.HasStringLiteral("enable", CancellationToken.None));
            Assert.False(hex.HasStringLiteral("disable", CancellationToken.None));
            Assert.True(plain.HasStringLiteral("enable.auto.commit", CancellationToken.None));
            Assert.False(plain.HasStringLiteral("enable.auto", CancellationToken.None));
        }

        [Fact]
        public void An_identifier_spelled_with_escapes_is_found()
        {
            TreeText text = Text("class \\u0044ataFrame { } class Other { }");

            Assert.True(text.HasIdentifier("DataFrame", CancellationToken.None));
            Assert.True(text.HasIdentifier("Other", CancellationToken.None));
            Assert.False(text.HasIdentifier("Another", CancellationToken.None));
        }

        private static TreeText Text(string source) => TreeText.For(CSharpSyntaxTree.ParseText(source));
    }
}
