using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Api.Limits;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// Runs the document within <c>Atlas:Limits:ExecutionTimeout</c> (HC0045 past it). A document that passed validation
/// before (<see cref="ValidatedDocuments"/>) gets only the limits, which depend on the request; one that passes now is
/// remembered.
/// </summary>
public sealed class ExecuteStep(IDocumentExecuter executer, ISchema schema, QueryCost cost, ValidatedDocuments validated, IOptions<LimitsOptions> limits,
    ILogger<ExecuteStep> logger)
{
    // Made once: the cost rule keeps no state between documents, and a delegate made per request is garbage per request.
    private readonly IValidationRule[] costOnly = [cost.Rule()];
    private IValidationRule[]? everyRule;
    private readonly Func<GraphQL.Execution.UnhandledExceptionContext, Task> logUnhandled = context =>
    {
        var path = context.FieldContext?.Path is { } fieldPath ? string.Join('.', fieldPath) : "(request)";
        if (StoreOutages.Cause(context.OriginalException) is { } outage)
        {
            logger.LogWarning("GraphQL field {Path} failed: the store is unavailable ({Reason})", path, outage.Message);
            context.Exception = AtlasErrors.Coded(StoreOutages.Message, StoreOutages.Code);
            return Task.CompletedTask;
        }
        logger.LogError(context.OriginalException, "GraphQL field {Path} failed", path);
        return Task.CompletedTask;
    };

    public async Task<ExecutionResult> RunAsync(GraphQLExchange exchange)
    {
        var result = await RunAsync(exchange, new Run(exchange.Document!, exchange.Request.Variables, exchange.ValidatedBefore, exchange.Cost));
        if (!exchange.ValidatedBefore && result.Executed) validated.Add(exchange.Request.Query!, exchange.Document!);
        return result;
    }

    /// <summary>
    /// Starts a subscription: validated and its cost charged as any request, but with no execution timeout, since its
    /// event streams (<see cref="ExecutionResult.Streams"/>) live until <paramref name="lifetime"/> ends.
    /// </summary>
    public Task<ExecutionResult> SubscribeAsync(GraphQLExchange exchange, CancellationToken lifetime) =>
        executer.ExecuteAsync(Options(exchange, new Run(exchange.Document!, exchange.Request.Variables, exchange.ValidatedBefore, exchange.Cost), lifetime));

    /// <summary>
    /// A run of another document than the request's (a table export's pages): <paramref name="run"/> says whether it
    /// needs validation, and the report to charge (none: the cost limit is checked, but no client is charged).
    /// </summary>
    public async Task<ExecutionResult> RunAsync(GraphQLExchange exchange, Run run)
    {
        var http = exchange.Http;
        var timeout = limits.Value.ExecutionTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(timeout);
        try
        {
            return await executer.ExecuteAsync(Options(exchange, run, deadline.Token));
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

    private ExecutionOptions Options(GraphQLExchange exchange, Run run, CancellationToken cancellationToken) => new()
    {
        Schema = schema,
        Query = exchange.Request.Query,
        Document = run.Document,
        OperationName = exchange.Request.OperationName,
        Variables = run.Variables,
        Extensions = exchange.Request.Extensions,
        RequestServices = run.Services ?? new ScopeOnDemand(exchange.Http),
        User = exchange.Http.User,
        UserContext = run.Charged is null ? [] : new Dictionary<string, object?> { [CostReport.Key] = run.Charged },
        ValidationRules = run.ValidatedBefore ? costOnly : everyRule ??= [.. DocumentValidator.CoreRules, costOnly[0]],
        CancellationToken = cancellationToken,
        UnhandledExceptionDelegate = logUnhandled,
    };

    /// <param name="Charged">The report the cost is written to and charged against the client's rate limit; null to charge no one.</param>
    /// <param name="Services">The scope to resolve in (its DbContext, its batch loaders' caches); null for the request's own.</param>
    public sealed record Run(GraphQLDocument Document, Inputs? Variables, bool ValidatedBefore, CostReport? Charged, IServiceProvider? Services = null);
}
