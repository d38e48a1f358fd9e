using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Core.Flow;
using StreamLint.Kafka.Clients;

namespace StreamLint.Kafka.Rules
{
    /// <summary>Small pieces the Kafka rules share: names for messages, report places, fix targets.</summary>
    internal static class KafkaRuleFacts
    {
        /// <summary>Diagnostic property naming what an additional location is for.</summary>
        public const string FixProperty = "Fix";

        /// <summary>How a message names a client: the expression the code uses for it.</summary>
        public static string NameOf(IOperation receiver)
        {
            string text = ValueOrigins.Strip(receiver).Syntax.ToString();
            return text.StartsWith("this.", System.StringComparison.Ordinal) ? text.Substring(5) : text;
        }

        /// <summary>Diagnostic property holding the client's name as the code writes it (for fixes that call it).</summary>
        public const string ClientProperty = "Client";

        /// <summary>
        /// Where a fix sets <paramref name="property"/> on the client's config: the one write that decided its value
        /// (its value is replaced), or — when it is not set — the one config creation (the property is added to its
        /// initializer); null when neither is in <paramref name="tree"/>.
        /// </summary>
        public static Location? ConfigTarget(KafkaClient client, SyntaxTree tree, string property) => ConfigTarget(client.Settings, tree, property);

        /// <summary>As the overload for a client, for a config's settings.</summary>
        public static Location? ConfigTarget(ObjectSettings settings, SyntaxTree tree, string property)
        {
            SettingFact fact = settings[property];
            if (fact.Site is { Syntax: AssignmentExpressionSyntax assignment })
            {
                return assignment.SyntaxTree == tree ? assignment.GetLocation() : null;
            }

            return fact.IsNotSet && settings.Creations.Length == 1 && settings.Creations[0] is { } creation && creation.Syntax.SyntaxTree == tree && creation.Syntax is BaseObjectCreationExpressionSyntax
                ? creation.Syntax.GetLocation()
                : null;
        }

        public static ImmutableArray<Location> Locations(params Location?[] locations) =>
            locations.Where(l => l is not null).Select(l => l!).ToImmutableArray();

        public static ImmutableDictionary<string, string?> Properties(string fix, string? client = null) =>
            client is null
                ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix)
                : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix).Add(ClientProperty, client);

        /// <summary>How a fact reads in a message: "true (the default)" or "true".</summary>
        public static string Describe(SettingFact fact, string value) => fact.IsNotSet ? value + " (the default)" : value;

        /// <summary>Every SendOffsetsToTransaction call in the scope.</summary>
        public static IEnumerable<IInvocationOperation> SendOffsetsCalls(KafkaCompilation kafka, ImmutableArray<IOperation> scope) =>
            scope.SelectMany(b => b.Descendants().OfType<IInvocationOperation>())
                .Where(c => kafka.IsProducerCall(c, KafkaApi.SendOffsetsToTransaction));

        /// <summary>The consumer whose group metadata a SendOffsetsToTransaction call passes (<c>consumer.ConsumerGroupMetadata</c>).</summary>
        public static IOperation? MetadataConsumer(IInvocationOperation sendOffsets, KafkaCompilation kafka, System.Threading.CancellationToken cancellationToken)
        {
            if (OperationFacts.Argument(sendOffsets, 1) is not { } metadata)
            {
                return null;
            }

            IOperation value = ValueOrigins.Strip(metadata);
            if (value is ILocalReferenceOperation)
            {
                value = kafka.Origins.SingleOf(value, cancellationToken) ?? value;
            }

            return value is IPropertyReferenceOperation { Property.Name: KafkaApi.ConsumerGroupMetadata, Instance: { } consumer } ? consumer : null;
        }

        /// <summary>Whether the loop holds a Consume call of any consumer (a consume loop).</summary>
        public static bool IsConsumeLoop(ILoopOperation loop, KafkaCompilation kafka) =>
            loop.Descendants().OfType<IInvocationOperation>().Any(c => kafka.IsConsumerCall(c, KafkaApi.Consume));
    }
}
