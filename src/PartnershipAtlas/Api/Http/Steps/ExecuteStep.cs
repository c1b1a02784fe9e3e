using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Api.Limits;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// Runs the document within <c>Atlas:Limits:ExecutionTimeout</c> (HC0045 past it). A document that passed validation
/// before (<see cref="ValidatedDocuments"/>) gets only the limits, which depend on the request; one that passes now is
/// remembered.
/// </summary>
public sealed class ExecuteStep(IDocumentExecuter executer, ISchema schema, QueryCost cost, ValidatedDocuments validated, IOptions<LimitsOptions> limits,
    ILogger<ExecuteStep> logger)
{
    public Task<ExecutionResult> RunAsync(GraphQLExchange exchange) => RunAsync(exchange, exchange.Request.Variables);

    /// <summary>Runs the exchange's document with <paramref name="variables"/> in place of the request's (a table export's pages).</summary>
    public async Task<ExecutionResult> RunAsync(GraphQLExchange exchange, Inputs? variables)
    {
        var http = exchange.Http;
        var timeout = limits.Value.ExecutionTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(timeout);
        try
        {
            var result = await executer.ExecuteAsync(Options(exchange, variables, deadline.Token));
            if (!exchange.ValidatedBefore && result.Executed) validated.Add(exchange.Request.Query!, exchange.Document!);
            return result;
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            return new ExecutionResult
            {
                Executed = true,
                Errors = [AtlasErrors.Coded($"The request exceeded the configured timeout of `{timeout:c}` ({LimitsOptions.Section}:ExecutionTimeout).", "HC0045")],
            };
        }
    }

    private ExecutionOptions Options(GraphQLExchange exchange, Inputs? variables, CancellationToken cancellationToken) => new()
    {
        Schema = schema,
        Query = exchange.Request.Query,
        Document = exchange.Document,
        OperationName = exchange.Request.OperationName,
        Variables = variables,
        Extensions = exchange.Request.Extensions,
        RequestServices = exchange.Http.RequestServices,
        User = exchange.Http.User,
        UserContext = new Dictionary<string, object?> { [CostReport.Key] = exchange.Cost },
        ValidationRules = exchange.ValidatedBefore ? [cost.Rule()] : DocumentValidator.CoreRules.Append(cost.Rule()),
        CancellationToken = cancellationToken,
        UnhandledExceptionDelegate = context =>
        {
            logger.LogError(context.OriginalException, "GraphQL field {Path} failed", context.FieldContext?.Path is { } path ? string.Join('.', path) : "(request)");
            return Task.CompletedTask;
        },
    };
}
