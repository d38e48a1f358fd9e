using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamLint.Streamiz.Config;

namespace StreamLint.Streamiz.Rules
{
    /// <summary>
    /// SL2009: a StreamConfig of known content that never sets <c>Guarantee</c>, running a topology that keeps state or
    /// writes to Kafka: one started with it (<c>new KafkaStream(builder.Build(), config)</c>), or one whose config is not
    /// provable when no StreamConfig of the compilation sets a guarantee. Silent when any config's content is unknown
    /// (dictionary constructor, indexer, <c>AddConfig</c>, a config not created in the compilation).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DefaultAtLeastOnceGuaranteeAnalyzer : StreamizAnalyzer
    {
        public DefaultAtLeastOnceGuaranteeAnalyzer()
            : base(Descriptors.SL2009_DefaultAtLeastOnceGuarantee)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, StreamizCompilation streamiz) =>
            RegisterStreamizFiles(context, c =>
            {
                if (!TreeHasConfig(c.SemanticModel.SyntaxTree, c.CancellationToken))
                {
                    return;
                }

                StreamConfigFacts facts = streamiz.Configs(c.CancellationToken);
                if (facts.UnattributedWrite || !facts.Configs.Any(config => config.Creation.Syntax.SyntaxTree == c.SemanticModel.SyntaxTree))
                {
                    return;
                }

                ImmutableArray<StatefulUse> uses = streamiz.StatefulUses(c.CancellationToken);
                StatefulUse? untied = uses.Where(u => u.Builders.IsEmpty || !u.Builders.All(facts.IsTied)).Cast<StatefulUse?>().FirstOrDefault();
                bool untiedDefault = untied is not null && facts.Global == GuaranteeState.NotSet;
                foreach (ConfigCreation config in facts.Configs)
                {
                    if (config.Creation.Syntax.SyntaxTree != c.SemanticModel.SyntaxTree || config.Effective != GuaranteeState.NotSet)
                    {
                        continue;
                    }

                    StatefulUse? tied = uses.Where(u => u.Builders.Any(config.Builders.Contains)).Cast<StatefulUse?>().FirstOrDefault();
                    StatefulUse? reason = tied ?? (untiedDefault ? untied : null);
                    if (reason is not { } use)
                    {
                        continue;
                    }

                    Location location = config.Creation.Syntax is ObjectCreationExpressionSyntax { Type: { } type }
                        ? type.GetLocation()
                        : config.Creation.Syntax is ImplicitObjectCreationExpressionSyntax implicitCreation ? implicitCreation.NewKeyword.GetLocation() : config.Creation.Syntax.GetLocation();
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2009_DefaultAtLeastOnceGuarantee, location, Describe(use)));
                }
            });

        private static bool TreeHasConfig(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) =>
            StreamLint.Core.TreeText.For(tree).HasIdentifier("StreamConfig", cancellationToken)
            || tree.GetRoot(cancellationToken).DescendantNodes().OfType<ImplicitObjectCreationExpressionSyntax>().Any();

        private static string Describe(StatefulUse use) =>
            use.Call.TargetMethod.Name switch
            {
                "To" => "it writes to Kafka with To",
                string name => "it keeps state in " + name,
            };
    }
}
