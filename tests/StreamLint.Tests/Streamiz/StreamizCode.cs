namespace StreamLint.Tests.Streamiz
{
    /// <summary>Test programs written against the real Streamiz.Kafka.Net package.</summary>
    internal static class StreamizCode
    {
        public const string Usings = @"using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.Stream;
using Streamiz.Kafka.Net.Table;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Crosscutting;
";

        /// <summary>A class with <paramref name="body"/> inside <c>static void Build(StreamBuilder builder)</c> and <paramref name="members"/> beside it.</summary>
        public static string Topology(string body, string members = "") => Usings + @"
static class Clicks
{
    static void Build()
    {
        var builder = new StreamBuilder();
" + body + @"
    }
" + members + @"
}
";
    }
}
