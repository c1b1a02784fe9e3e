using PartnershipAtlas.Api.Caching;
using PartnershipAtlas.Api.Limits;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// The response cache around execution: a query sent again while the store is unchanged is answered from
/// <see cref="ResponseCache"/> (a kept answer was computed by a request with the same text that passed every rule, so a
/// hit needs no validation, only the client's rate limit); an answer without errors is kept, for the API key that asked
/// when there is one (so an admin's audit log never answers anyone else).
/// </summary>
public sealed class CacheStep(ResponseCache responses, CostRateLimiter limiter)
{
    /// <summary>The kept answer, when there is one and the client's budget covers its cost; null to run the request.</summary>
    public async Task<ResponseCache.Answer?> FindAsync(GraphQLExchange exchange)
    {
        if (!responses.Serves(exchange.Operation)) return null;
        var request = exchange.Request;
        // An answer computed for an API key (the audit log, for an admin) is kept for that key alone.
        var user = exchange.Http.User.Identity is { IsAuthenticated: true, Name: var name } ? "\u0000key:" + name : "";
        exchange.CacheLookup = await responses.FindAsync(request.Query!, request.OperationName, exchange.Parsed!.InputsText + user, exchange.Http.RequestAborted);
        return exchange.CacheLookup?.Hit is { } hit && limiter.TryConsume(exchange.Cost!.Client, Math.Max(hit.Cost, 1), out _) ? hit : null;
    }

    /// <summary>Whether an answer with <paramref name="outcome"/> is kept: one looked up, without errors, within the rate limit.</summary>
    public static bool Keeps(GraphQLExchange exchange, string outcome) =>
        exchange.CacheLookup is not null && outcome == RequestOutcome.Ok && exchange.Cost!.RetryAfter is null;

    public ResponseCache.Answer Keep(GraphQLExchange exchange, byte[] body) => responses.Keep(exchange.CacheLookup!, body, exchange.Cost!.Requested);
}
