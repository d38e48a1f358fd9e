using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using StreamLint.Core;
using StreamLint.Core.Flow;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>
    /// Evaluates expressions of Microsoft.Spark types to pipeline values by following their lineage backwards:
    /// through fluent chains, locals (reassignment, branches, stored builders configured in separate statements)
    /// and conditional expressions. Results are cached per syntax node for the compilation, so every rule that
    /// asks about the same query shares one walk. Anything it cannot follow evaluates to null (unknown).
    /// </summary>
    internal sealed partial class PipelineEvaluator
    {
        private const int MaxDepth = 256;

        private readonly SparkCompilation spark;
        private readonly Cache<SyntaxNode, SparkValue?> cache = Cache<SyntaxNode, SparkValue?>.Large();

        public PipelineEvaluator(SparkCompilation spark) => this.spark = spark;

        private SparkSymbols Symbols => this.spark.Symbols;

        public SparkValue? Evaluate(IOperation? operation, CancellationToken cancellationToken) =>
            operation is null ? null : this.Eval(operation, new Walk(cancellationToken));

        public PlanNode? EvaluateDataFrame(IOperation? operation, CancellationToken cancellationToken) =>
            (this.Evaluate(operation, cancellationToken) as DataFrameValue)?.Plan;

        public BuilderValue? EvaluateBuilder(IOperation? operation, CancellationToken cancellationToken) =>
            this.Evaluate(operation, cancellationToken) as BuilderValue;

        /// <summary>
        /// The value of <paramref name="operation"/>, from the cache or computed. <paramref name="store"/> is false for
        /// a column's inputs and a builder call's receiver: each is reached only through the expression it is part of,
        /// whose own value is kept, so an entry for it would be written (a locked write, and a node of the table) and
        /// seldom read. A local's definitions, helpers' returns and the rules' own questions are always kept.
        /// </summary>
        private SparkValue? Eval(IOperation? operation, Walk walk, bool store = true)
        {
            if (operation is null)
            {
                return null;
            }

            operation = OperationFacts.Unwrap(operation);
            if (!this.Follows(operation))
            {
                return null; // nothing to follow, so nothing worth a cache entry (each entry is a locked write)
            }

            if (this.cache.TryGetValue(operation.Syntax, out SparkValue? cached))
            {
                return cached;
            }

            walk.CancellationToken.ThrowIfCancellationRequested();
            if (walk.Depth >= MaxDepth || !walk.Enter(operation.Syntax))
            {
                return null; // too deep, or a cycle: unknown
            }

            walk.Depth++;
            SparkValue? value;
            try
            {
                value = this.EvalUncached(operation, walk);
            }
            finally
            {
                walk.Depth--;
                walk.Leave(operation.Syntax);
            }

            return store ? this.cache.GetOrAdd(operation.Syntax, value) : value;
        }

        /// <summary>
        /// Whether <see cref="EvalUncached"/> can give <paramref name="operation"/> a value: not to literals, fields,
        /// creations and the like, nor to anything whose static type cannot hold a Spark object (a string, a number,
        /// a type of another library, void).
        /// </summary>
        private bool Follows(IOperation operation) => this.MayHoldSparkObject(operation.Type) && operation switch
        {
            IInvocationOperation or ILocalReferenceOperation or IParameterReferenceOperation or IPropertyReferenceOperation => true,
            IBinaryOperation binary => this.Symbols.Is(binary.Type, this.Symbols.Column),
            IUnaryOperation unary => this.Symbols.Is(unary.Type, this.Symbols.Column),
            IConditionalOperation { WhenFalse: not null } => true,
            _ => false,
        };

        /// <summary>Every value the model gives is a Spark object (a DataFrame, a column, a builder); object, dynamic and generic types may hold one.</summary>
        private bool MayHoldSparkObject(ITypeSymbol? type) =>
            type is null
            || type.SpecialType == SpecialType.System_Object
            || type.TypeKind is TypeKind.Dynamic or TypeKind.TypeParameter or TypeKind.Interface or TypeKind.Error
            || SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, this.Symbols.Assembly);

        private SparkValue? EvalUncached(IOperation operation, Walk walk)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    return this.EvalInvocation(invocation, walk);
                case ILocalReferenceOperation local:
                    return this.EvalLocal(local, walk);
                case IParameterReferenceOperation parameter:
                    return this.EvalParameter(parameter);
                case IPropertyReferenceOperation property:
                    return this.EvalProperty(property, walk);
                case IBinaryOperation binary: // a Column operator: Eval passes only what Follows accepts
                    return Computed(binary.OperatorMethod?.Name ?? binary.OperatorKind.ToString(), this.Columns(walk, binary.LeftOperand, binary.RightOperand));
                case IUnaryOperation unary:
                    return Computed(unary.OperatorMethod?.Name ?? unary.OperatorKind.ToString(), this.Columns(walk, unary.Operand));
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return this.Merge(conditional.Syntax, new[] { this.Eval(conditional.WhenTrue, walk), this.Eval(whenFalse, walk) });
                default:
                    return null;
            }
        }

        private SparkValue? EvalInvocation(IInvocationOperation invocation, Walk walk)
        {
            INamedTypeSymbol type = invocation.TargetMethod.ContainingType;
            SparkSymbols s = this.Symbols;
            if (s.Is(type, s.DataFrame))
            {
                return this.EvalDataFrameMethod(invocation, walk);
            }

            if (s.Is(type, s.Functions) || s.Is(type, s.Column))
            {
                return this.EvalColumnFunction(invocation, walk);
            }

            if (s.Is(type, s.RelationalGroupedDataset))
            {
                return this.EvalGroupedMethod(invocation, walk);
            }

            if (s.Is(type, s.SparkSession))
            {
                return this.EvalSessionMethod(invocation, walk);
            }

            if (s.Is(type, s.DataStreamReader) || s.Is(type, s.DataFrameReader) || s.Is(type, s.DataStreamWriter) || s.Is(type, s.DataFrameWriter))
            {
                return this.EvalBuilderMethod(invocation, walk);
            }

            return this.EvalHelperCall(invocation, walk);
        }

        private SparkValue? EvalProperty(IPropertyReferenceOperation property, Walk walk)
        {
            // df["ts"]: DataFrame's indexer names a column of that DataFrame.
            if (property.Property.IsIndexer && this.Symbols.Is(property.Property.ContainingType, this.Symbols.DataFrame)
                && property.Arguments.Length == 1 && OperationFacts.ConstantString(property.Arguments[0].Value) is { } name)
            {
                return new ColumnValue(new ColumnRef(name));
            }

            return null;
        }

        private SparkValue? EvalLocal(ILocalReferenceOperation read, Walk walk)
        {
            IOperation root = Root(read);
            LocalDefinitions definitions = this.spark.Library.DefinitionsFor(root);
            ImmutableArray<IOperation> reaching = definitions.ReachingValues(read);
            if (reaching.IsDefault || reaching.IsEmpty)
            {
                return null;
            }

            var values = new SparkValue?[reaching.Length];
            for (int i = 0; i < reaching.Length; i++)
            {
                values[i] = this.Eval(reaching[i], walk);
            }

            if (values.Length == 1 && values[0] is BuilderValue builder)
            {
                // A stored reader or writer: statements such as `writer.Option(…);` configure the same object.
                return this.WithSideConfiguration(builder, read, reaching[0], definitions);
            }

            return this.Merge(read.Syntax, values);
        }

        /// <summary>Joins the values of several control-flow paths: only facts common to all survive.</summary>
        private SparkValue? Merge(SyntaxNode syntax, IReadOnlyList<SparkValue?> values)
        {
            if (values.Count == 0 || values.Any(v => v is null))
            {
                return null;
            }

            if (values.All(v => ReferenceEquals(v, values[0])))
            {
                return values[0];
            }

            if (values.All(v => v is DataFrameValue))
            {
                return new DataFrameValue(new MergeNode(syntax, values.Select(v => ((DataFrameValue)v!).Plan).ToImmutableArray()));
            }

            return null;
        }

        private static IOperation Root(IOperation operation)
        {
            while (operation.Parent is { } parent)
            {
                operation = parent;
            }

            return operation;
        }

        /// <summary>State of one evaluation request: recursion depth and the nodes being evaluated (cycle guard).</summary>
        private sealed class Walk
        {
            // The nodes being evaluated, to cut cycles; made on the first miss, as most questions are answered by the cache.
            private HashSet<SyntaxNode>? inProgress;

            public Walk(CancellationToken cancellationToken) => this.CancellationToken = cancellationToken;

            public CancellationToken CancellationToken { get; }

            /// <summary>False when <paramref name="node"/> is already being evaluated (a cycle).</summary>
            public bool Enter(SyntaxNode node) => (this.inProgress ??= new HashSet<SyntaxNode>()).Add(node);

            public void Leave(SyntaxNode node) => this.inProgress?.Remove(node);

            public int Depth { get; set; }
        }
    }
}
