using System.Collections.Immutable;
using StreamLint.Core.Plans;
using StreamLint.Kafka.Plans;
using StreamLint.Spark.Plans;
using StreamLint.Streamiz.Plans;

namespace StreamLint
{
    /// <summary>Every family's plan provider: a new family adds its one provider class here.</summary>
    public static class PlanProviders
    {
        public static ImmutableArray<IPlanProvider> All { get; } = ImmutableArray.Create<IPlanProvider>(
            new SparkPlanProvider(),
            new StreamizPlanProvider(),
            new KafkaPlanProvider());
    }
}
