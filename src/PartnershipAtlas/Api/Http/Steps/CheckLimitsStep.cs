using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Api.Limits;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// The rules a request meets before it runs: subscriptions at <c>/graphql/stream</c> only, and only they there; a GET runs queries only (405, Allow: POST, for a mutation or
/// subscription), a table (CSV, .xlsx) answers queries only (406: a mutation never runs for it), and the request is charged to its client (the API key, else the address) against
/// <c>Atlas:Limits:MaxCost</c>; variables holding a list longer than <c>Atlas:Limits:MaxVariableListLength</c> are refused; depth and cost are measured by <see cref="QueryCost"/> during validation.
/// </summary>
public sealed class CheckLimitsStep(IOptions<LimitsOptions> limits)
{
    public Refusal? Run(GraphQLExchange exchange)
    {
        if (StreamRule(exchange) is { } wrongPlace) return wrongPlace;
        if (exchange.IsGet && !exchange.EventStream && exchange.Operation?.Operation is OperationType.Mutation or OperationType.Subscription)
        {
            return Refusal.Of(StatusCodes.Status405MethodNotAllowed, "Mutations can only be sent with POST.", "POST");
        }
        if (exchange.Table is { } table && exchange.Operation?.Operation is OperationType.Mutation or OperationType.Subscription)
        {
            return Refusal.Of(StatusCodes.Status406NotAcceptable, $"Only queries are answered as {table}; ask for {MediaTypes.GraphQLResponse} to run a mutation.");
        }
        var longest = VariablesShape.LongestList(exchange.Request.Variables);
        if (longest > limits.Value.MaxVariableListLength)
        {
            return Refusal.Of(StatusCodes.Status400BadRequest, AtlasErrors.Coded(
                $"The variables hold a list of {longest} values, more than the {limits.Value.MaxVariableListLength} allowed ({LimitsOptions.Section}:MaxVariableListLength).",
                "MAX_VARIABLE_LIST_LENGTH", new Dictionary<string, object?> { ["detectedListLength"] = longest, ["allowedListLength"] = limits.Value.MaxVariableListLength }));
        }
        exchange.Cost = new CostReport(ClientOf(exchange.Http), limits.Value.MaxCost);
        return null;
    }

    /// <summary>Subscriptions run at <c>/graphql/stream</c> (over Server-Sent Events, GET allowed for EventSource), and only they do.</summary>
    private static Refusal? StreamRule(GraphQLExchange exchange)
    {
        var subscription = exchange.Operation?.Operation == OperationType.Subscription;
        if (exchange.EventStream && exchange.Operation is not null && !subscription)
        {
            return Refusal.Of(StatusCodes.Status400BadRequest,
                AtlasErrors.Coded($"Only subscriptions are served at {StreamPath}; send queries and mutations to /graphql.", "STREAM_SUBSCRIPTIONS_ONLY"));
        }
        if (!exchange.EventStream && subscription)
        {
            return Refusal.Of(StatusCodes.Status400BadRequest, AtlasErrors.Coded(
                $"Subscriptions are served over Server-Sent Events at {StreamPath}: POST the same request there with Accept: text/event-stream (see docs/clients.md).",
                "SUBSCRIPTION_NEEDS_STREAM"));
        }
        return null;
    }

    /// <summary>Where subscriptions are served.</summary>
    public const string StreamPath = "/graphql/stream";

    private string ClientOf(HttpContext http) =>
        http.Request.Headers[limits.Value.ApiKeyHeader].ToString() is { Length: > 0 } key ? "key:" + key : "ip:" + http.Connection.RemoteIpAddress;
}
