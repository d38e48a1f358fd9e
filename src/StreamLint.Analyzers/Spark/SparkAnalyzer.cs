using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;

namespace StreamLint.Spark
{
    /// <summary>Base of every Microsoft.Spark rule: the family's context and the ways a rule sees Spark code.</summary>
    public abstract class SparkAnalyzer : LibraryAnalyzer<SparkCompilation>
    {
        private protected SparkAnalyzer(params DiagnosticDescriptor[] descriptors)
            : base(descriptors)
        {
        }

        private protected sealed override string LibraryAssembly => SparkSymbols.AssemblyName;

        private protected sealed override SparkCompilation? Resolve(Compilation compilation) => SparkCompilation.For(compilation);

        /// <summary>Calls <paramref name="analyze"/> for every member of a file that calls Microsoft.Spark.</summary>
        private protected static void RegisterSparkMembers(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            Action<MemberContext, SparkMember> analyze) =>
            RegisterMembers(context, spark.MembersIn, analyze);

        /// <summary>
        /// Calls <paramref name="analyze"/> for every streaming query started in a member, with the member in view,
        /// so a diagnostic may point anywhere in it (an aggregation several statements before Start).
        /// </summary>
        private protected static void RegisterStartedQueries(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            Action<MemberContext, StartedQuery> analyze) =>
            RegisterSparkMembers(context, spark, (member, sparkMember) =>
            {
                foreach (StartedQuery query in sparkMember.Queries(spark, member.CancellationToken))
                {
                    analyze(member, query);
                }
            });

        /// <summary>
        /// Calls <paramref name="analyze"/> for each call to Microsoft.Spark that <paramref name="interesting"/>
        /// selects (a cheap test on the bound method), in source order, with its member in view.
        /// </summary>
        private protected static void RegisterSparkCalls(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            Func<IInvocationOperation, bool> interesting,
            Action<MemberContext, IInvocationOperation> analyze) =>
            RegisterCalls<SparkMember>(context, spark.MembersIn, interesting, analyze);

        /// <summary>As the overload with a filter, for every Spark call.</summary>
        private protected static void RegisterSparkCalls(
            CompilationStartAnalysisContext context,
            SparkCompilation spark,
            Action<MemberContext, IInvocationOperation> analyze) =>
            RegisterSparkCalls(context, spark, _ => true, analyze);
    }
}
