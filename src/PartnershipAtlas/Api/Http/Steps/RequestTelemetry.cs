using System.Diagnostics;
using PartnershipAtlas.Hosting.Telemetry;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// The trace activity, log scope and metrics of one operation (<see cref="AtlasTelemetry"/>): started once the
/// operation is known, recorded once with its outcome, cost and cache use.
/// </summary>
public sealed class RequestTelemetry : IDisposable
{
    private readonly Activity? activity;
    private readonly IDisposable? scope;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly string operationType;

    private RequestTelemetry(GraphQLExchange exchange, ILogger logger)
    {
        var name = exchange.Request.OperationName;
        operationType = exchange.OperationType;
        activity = AtlasTelemetry.Source.StartActivity($"graphql {name ?? operationType}");
        activity?.SetTag("graphql.operation.name", name).SetTag("graphql.operation.type", operationType);
        scope = logger.BeginScope(new Dictionary<string, object?> { ["GraphQLOperation"] = name ?? operationType });
    }

    public static RequestTelemetry Start(GraphQLExchange exchange, ILogger logger) => new(exchange, logger);

    /// <param name="cache"><c>hit</c>, <c>miss</c> (computed and kept), <c>bypass</c> (computed, not kept) or null (not cacheable).</param>
    public void Record(string outcome, int cost, string? cache)
    {
        AtlasTelemetry.GraphQLRequests.Add(1, new("operation.type", operationType), new("outcome", outcome), new("cache", cache ?? "none"));
        AtlasTelemetry.GraphQLDuration.Record(clock.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("operation.type", operationType));
        activity?.SetTag("graphql.cost", cost).SetTag("graphql.cache", cache);
    }

    public void Dispose()
    {
        scope?.Dispose();
        activity?.Dispose();
    }
}
