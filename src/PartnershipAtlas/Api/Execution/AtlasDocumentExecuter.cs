using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;
using GraphQL.Instrumentation;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace PartnershipAtlas.Api.Execution;

/// <summary>GraphQL.NET's executer, running each request in a <see cref="SerialExecutionContext"/>.</summary>
public sealed class AtlasDocumentExecuter(IDocumentBuilder documentBuilder, IDocumentValidator documentValidator, IExecutionStrategySelector executionStrategySelector,
    IEnumerable<IConfigureExecution> configurations)
    : DocumentExecuter(documentBuilder, documentValidator, executionStrategySelector, configurations)
{
    protected override ExecutionContext BuildExecutionContext(ExecutionOptions options, GraphQLDocument document, GraphQLOperationDefinition operation,
        IValidationResult validationResult, Metrics metrics) =>
        new SerialExecutionContext(base.BuildExecutionContext(options, document, operation, validationResult, metrics));
}
