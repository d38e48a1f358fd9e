using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamLint.Core;
using StreamLint.Streamiz.Config;
using StreamLint.Streamiz.Topology;

namespace StreamLint.Streamiz.Rules
{
    /// <summary>
    /// SL2008: <c>IsolationLevel</c> or <c>EnableIdempotence</c> assigned to a StreamConfig whose <c>Guarantee</c> is
    /// already EXACTLY_ONCE in control-flow order: a preceding member of the same object initialiser, a statement that
    /// always runs before on the same local or field (no reassignment of it between), or an initialiser of the config
    /// the receiver provably is (a config built in a helper).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ExactlyOnceSettingOverriddenAnalyzer : StreamizAnalyzer
    {
        public ExactlyOnceSettingOverriddenAnalyzer()
            : base(Descriptors.SL2008_ExactlyOnceSettingOverridden)
        {
        }

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, StreamizCompilation streamiz) =>
            RegisterStreamizFiles(context, c =>
            {
                SemanticModel model = c.SemanticModel;
                TreeText text = TreeText.For(model.SyntaxTree);
                if (!text.HasIdentifier(StreamizApi.IsolationLevel, c.CancellationToken) && !text.HasIdentifier(StreamizApi.EnableIdempotence, c.CancellationToken))
                {
                    return; // neither setter is named in the file: no node walk
                }

                foreach (AssignmentExpressionSyntax assignment in model.SyntaxTree.GetRoot(c.CancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    string? name = assignment.Left switch
                    {
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (name is not (StreamizApi.IsolationLevel or StreamizApi.EnableIdempotence)
                        || model.GetOperation(assignment, c.CancellationToken) is not ISimpleAssignmentOperation
                        {
                            Target: IPropertyReferenceOperation { Property: { } property } target,
                        }
                        || !streamiz.Symbols.IsOrDerives(property.ContainingType, streamiz.Symbols.StreamConfig))
                    {
                        continue;
                    }

                    if (ExactlyOnceBefore(assignment, model, target, streamiz, c.CancellationToken))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2008_ExactlyOnceSettingOverridden, assignment.GetLocation(), name));
                    }
                }
            });

        private static bool ExactlyOnceBefore(AssignmentExpressionSyntax assignment, SemanticModel model, IPropertyReferenceOperation target, StreamizCompilation streamiz, CancellationToken cancellationToken)
        {
            if (assignment.Parent is InitializerExpressionSyntax initializer)
            {
                // Object initialisers run in text order.
                GuaranteeState state = GuaranteeState.NotSet;
                foreach (ExpressionSyntax item in initializer.Expressions)
                {
                    if (item == assignment)
                    {
                        break;
                    }

                    if (item is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: StreamizApi.Guarantee }, Right: { } value })
                    {
                        state = model.GetOperation(value, cancellationToken) is { } v ? StreamConfigFacts.GuaranteeOf(v, streamiz.Symbols) : GuaranteeState.Unknown;
                    }
                }

                return state == GuaranteeState.ExactlyOnce;
            }

            if (target.Instance is not { } receiver)
            {
                return false;
            }

            // A config created with Guarantee = EXACTLY_ONCE in its initialiser: every later write follows it.
            if (streamiz.Flow.Origins(receiver, null, cancellationToken) is { Length: > 0 } origins
                && origins.All(o => o.Operation is IObjectCreationOperation creation && InitializerGuarantee(creation, streamiz) == GuaranteeState.ExactlyOnce))
            {
                return true;
            }

            return StatementBefore(assignment, receiver, model, streamiz, cancellationToken) == GuaranteeState.ExactlyOnce;
        }

        private static GuaranteeState InitializerGuarantee(IObjectCreationOperation creation, StreamizCompilation streamiz)
        {
            GuaranteeState state = GuaranteeState.NotSet;
            if (creation.Initializer is null)
            {
                return state;
            }

            foreach (IOperation item in creation.Initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: StreamizApi.Guarantee } } guarantee)
                {
                    state = StreamConfigFacts.GuaranteeOf(guarantee.Value, streamiz.Symbols);
                }
            }

            return state;
        }

        /// <summary>
        /// The guarantee set by the nearest statement that always runs before <paramref name="assignment"/> on the same
        /// local or field: earlier statements of the blocks enclosing it, latest first. A reassignment of the variable
        /// ends the search.
        /// </summary>
        private static GuaranteeState StatementBefore(AssignmentExpressionSyntax assignment, IOperation receiver, SemanticModel model, StreamizCompilation streamiz, CancellationToken cancellationToken)
        {
            ISymbol? variable = Variable(receiver);
            if (variable is null)
            {
                return GuaranteeState.Unknown;
            }

            SyntaxNode current = assignment;
            while (current.Parent is { } parent && parent is not MemberDeclarationSyntax and not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
            {
                if (parent is BlockSyntax block && current is StatementSyntax statement)
                {
                    int index = block.Statements.IndexOf(statement);
                    for (int i = index - 1; i >= 0; i--)
                    {
                        switch (block.Statements[i])
                        {
                            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax earlier }
                                when model.GetOperation(earlier, cancellationToken) is ISimpleAssignmentOperation op:
                                if (op.Target is IPropertyReferenceOperation { Property.Name: StreamizApi.Guarantee, Instance: { } instance }
                                    && SymbolEqualityComparer.Default.Equals(Variable(instance), variable))
                                {
                                    return StreamConfigFacts.GuaranteeOf(op.Value, streamiz.Symbols);
                                }

                                if (SymbolEqualityComparer.Default.Equals(Variable(op.Target), variable))
                                {
                                    return op.Value is IObjectCreationOperation created ? InitializerGuarantee(created, streamiz) : GuaranteeState.Unknown;
                                }

                                break;
                            case LocalDeclarationStatementSyntax declaration:
                                foreach (VariableDeclaratorSyntax declarator in declaration.Declaration.Variables)
                                {
                                    if (SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator, cancellationToken), variable))
                                    {
                                        return declarator.Initializer is { } init && model.GetOperation(init.Value, cancellationToken) is { } value
                                            && OperationFacts.Unwrap(value) is IObjectCreationOperation creation
                                            ? InitializerGuarantee(creation, streamiz)
                                            : GuaranteeState.Unknown;
                                    }
                                }

                                break;
                        }
                    }
                }

                current = parent;
            }

            return GuaranteeState.Unknown;
        }

        private static ISymbol? Variable(IOperation operation) => OperationFacts.Unwrap(operation) switch
        {
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property => property.Property,
            _ => null,
        };
    }
}
