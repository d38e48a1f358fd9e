using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StreamLint.Core
{
    /// <summary>Small IOperation helpers shared by the model and the rules.</summary>
    internal static class OperationFacts
    {
        /// <summary>The argument bound to the parameter at <paramref name="ordinal"/> (named arguments may reorder them).</summary>
        public static IOperation? Argument(IInvocationOperation invocation, int ordinal)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : Unwrap(argument.Value);
                }
            }

            return null;
        }

        /// <summary>The values passed to a <c>params</c> parameter, or the single array argument when it is not expanded (then null).</summary>
        public static System.Collections.Immutable.ImmutableArray<IOperation>? ParamsElements(IInvocationOperation invocation, int ordinal)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal != ordinal)
                {
                    continue;
                }

                if (argument.Value is IArrayCreationOperation { Initializer: { } initializer }
                    && argument.ArgumentKind == ArgumentKind.ParamArray)
                {
                    return System.Collections.Immutable.ImmutableArray.CreateRange(initializer.ElementValues, Unwrap);
                }

                return argument.ArgumentKind == ArgumentKind.ParamArray
                    ? System.Collections.Immutable.ImmutableArray<IOperation>.Empty
                    : null;
            }

            return System.Collections.Immutable.ImmutableArray<IOperation>.Empty;
        }

        public static string? ConstantString(IOperation? operation) =>
            operation is not null && operation.ConstantValue.HasValue ? operation.ConstantValue.Value as string : null;

        /// <summary>Strips implicit conversions and parentheses, which do not change a Spark value.</summary>
        public static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation { IsImplicit: true } conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>The location of a call's method name (<c>Count</c> in <c>x.Count()</c>), where squiggles read best.</summary>
        public static Location NameLocation(SyntaxNode invocationSyntax)
        {
            if (invocationSyntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation)
            {
                switch (invocation.Expression)
                {
                    case Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member:
                        return member.Name.GetLocation();
                    case Microsoft.CodeAnalysis.CSharp.Syntax.MemberBindingExpressionSyntax binding:
                        return binding.Name.GetLocation();
                    case Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax name:
                        return name.GetLocation();
                }
            }

            return invocationSyntax.GetLocation();
        }
    }
}
