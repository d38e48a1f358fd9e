using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamLint.Spark.Sql;

namespace StreamLint.Spark.Pipeline
{
    /// <summary>
    /// Reads a parsed Spark SQL expression as the model's <see cref="ColumnExpr"/>: column references, aliases, casts,
    /// <c>window(col, …)</c>, current-time calls, aggregates and any other call or operator as a computed column over
    /// its inputs. Returns null for parts the model cannot follow (subqueries, <c>AS (a, b)</c>, a qualified star).
    /// </summary>
    internal static class SqlColumns
    {
        /// <summary>
        /// Reads <paramref name="expression"/>. <paramref name="relations"/> are the qualifiers of a SQL query's
        /// relations (stripped from <c>t.col</c>); without them a dotted reference is ambiguous (see <see cref="CastColumn"/>).
        /// </summary>
        public static ColumnExpr? Read(SqlExpr expression, SyntaxNode syntax, ICollection<string>? relations = null)
        {
            switch (expression)
            {
                case SqlColumn column:
                    if (column.Parts.Length == 1)
                    {
                        return new ColumnRef(column.Name);
                    }

                    return column.Parts.Length == 2 && relations is not null && relations.Contains(column.Parts[0])
                        ? new ColumnRef(column.Name)
                        : new CastColumn(new ColumnRef(column.Name), isAmbiguous: true);

                case SqlStar star:
                    return star.Qualifier.IsEmpty ? new ColumnRef("*") : null;

                case SqlAlias alias:
                    return alias.Names.Length == 1 && Read(alias.Inner, syntax, relations) is { } inner ? new AliasColumn(inner, alias.Names[0]) : null;

                case SqlCast cast:
                    return Read(cast.Operand, syntax, relations) is { } operand ? new CastColumn(operand) : null;

                case SqlFunctionCall call when call.Over is null && SqlTimeWindow.From(call) is { } window:
                    return window.IsSession
                        ? new WindowColumn(Read(window.TimeColumn, syntax, relations), windowDuration: null, syntax, isSession: true)
                        : new WindowColumn(Read(window.TimeColumn, syntax, relations), window.Duration, syntax);

                case SqlFunctionCall call when SqlFunctions.ReadsCurrentTime(call):
                    return new ComputedColumn(call.Name, ImmutableArray<ColumnExpr?>.Empty, isProcessingTime: true);

                case SqlFunctionCall call:
                    return Computed(
                        call.Over is not null ? "Over" : call.Distinct && call.Is("count") ? "CountDistinct" : call.Name,
                        call.Children,
                        syntax,
                        relations,
                        isAggregate: call.Over is null && SqlFunctions.IsAggregate(call.Name));

                case SqlBinary binary:
                    return Computed(OperatorName(binary.Operator), binary.Children, syntax, relations);

                case SqlBetween { Negated: false } between:
                    return Computed("Between", between.Children, syntax, relations);

                case SqlLambda lambda:
                    // The body's names are the lambda's parameters, not columns: only its clock reads matter.
                    return new ComputedColumn("lambda", ImmutableArray<ColumnExpr?>.Empty, SqlSemantics.ReadsCurrentTime(lambda.Body));

                case SqlSubquery:
                    return null;

                default:
                    if (SqlSemantics.DescendantsAndSelf(expression).Any(e => e is SqlSubquery or SqlIn { Subquery: not null }))
                    {
                        return null;
                    }

                    return Computed(expression.GetType().Name, expression.Children, syntax, relations);
            }
        }

        /// <summary>The names the Column API gives these operators, so join conditions read the same either way.</summary>
        private static string OperatorName(SqlBinaryOperator op) => op switch
        {
            SqlBinaryOperator.And => "And",
            SqlBinaryOperator.Or => "Or",
            SqlBinaryOperator.Equal => "EqualTo",
            SqlBinaryOperator.NullSafeEqual => "EqNullSafe",
            SqlBinaryOperator.Less => "Lt",
            SqlBinaryOperator.LessOrEqual => "Leq",
            SqlBinaryOperator.Greater => "Gt",
            SqlBinaryOperator.GreaterOrEqual => "Geq",
            _ => op.ToString(),
        };

        private static ComputedColumn Computed(string function, ImmutableArray<SqlExpr> children, SyntaxNode syntax, ICollection<string>? relations, bool isAggregate = false) =>
            new ComputedColumn(
                function,
                children.Select(c => c is SqlLambda || c is SqlLiteral || c is SqlInterval ? new ComputedColumn("lit", ImmutableArray<ColumnExpr?>.Empty, isProcessingTime: false) : Read(c, syntax, relations)).ToImmutableArray(),
                isProcessingTime: false,
                isAggregate);
    }
}
