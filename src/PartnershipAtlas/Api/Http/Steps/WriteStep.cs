using GraphQL;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PartnershipAtlas.Api.Caching;
using PartnershipAtlas.Api.Limits;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// The last step: writes a refusal, a result or a kept answer in the negotiated media type, each with
/// <c>extensions.cost</c>. A result that did not run (or, asked for as a table, has any error) is a 400 in graphql-response+json (200 in application/json); a
/// rate-limited one a 429 with Retry-After; a computed one carries the document analysis time in Server-Timing; a kept answer carries its entity tag, and a GET naming it in
/// <c>If-None-Match</c> gets 304 Not Modified.
/// </summary>
public sealed class WriteStep(ResponseSerializer serializer, IOptions<LimitsOptions> limits)
{
    /// <summary>Carries how long measuring the document's expansion took on the server (<c>analysis;dur=</c> milliseconds).</summary>
    public const string ServerTiming = "Server-Timing";

    public Task WriteRefusalAsync(GraphQLExchange exchange, Refusal refusal)
    {
        var response = exchange.Http.Response;
        if (refusal.Allow is { } allow) response.Headers.Allow = allow;
        response.StatusCode = refusal.Status ?? NotExecutedStatus(exchange.MediaType);
        response.ContentType = exchange.MediaType + "; charset=utf-8";
        return serializer.WriteBodyAsync(response, WithCost(refusal.Result, null), exchange.Http.RequestAborted);
    }

    public Task WriteResultAsync(GraphQLExchange exchange, ExecutionResult result)
    {
        var response = exchange.Http.Response;
        response.StatusCode = result.Executed && (exchange.Table is null || result.Errors is not { Count: > 0 }) ? StatusCodes.Status200OK : NotExecutedStatus(exchange.MediaType);
        if (exchange.Cost?.RetryAfter is { } retryAfter)
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        WriteServerTiming(exchange);
        response.ContentType = exchange.MediaType + "; charset=utf-8";
        return serializer.WriteBodyAsync(response, WithCost(result, exchange.Cost), exchange.Http.RequestAborted);
    }

    /// <summary>The bytes of a successful answer, to be kept by the response cache.</summary>
    public byte[] Serialize(GraphQLExchange exchange, ExecutionResult result) => serializer.ToUtf8Bytes(WithCost(result, exchange.Cost));

    /// <param name="cache">The <see cref="ResponseCache.Header"/> value: <c>hit</c> or <c>miss</c>.</param>
    public static async Task WriteAnswerAsync(GraphQLExchange exchange, ResponseCache.Answer answer, string cache)
    {
        var http = exchange.Http;
        http.Response.Headers[ResponseCache.Header] = cache;
        WriteServerTiming(exchange);
        http.Response.Headers.ETag = answer.ETag;
        http.Response.ContentType = exchange.MediaType + "; charset=utf-8";
        var tag = new EntityTagHeaderValue(answer.ETag);
        if (exchange.IsGet && http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false)))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentLength = answer.Body.Length;
        await http.Response.Body.WriteAsync(answer.Body, http.RequestAborted);
    }

    private static void WriteServerTiming(GraphQLExchange exchange)
    {
        if (exchange.Cost?.Analysis is not { } analysis) return;
        exchange.Http.Response.Headers[ServerTiming] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"analysis;dur={analysis.TotalMilliseconds:0.###}");
    }

    private static int NotExecutedStatus(string mediaType) =>
        mediaType == MediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    private ExecutionResult WithCost(ExecutionResult result, CostReport? report)
    {
        result.Extensions ??= [];
        result.Extensions["cost"] = (report ?? new CostReport("", limits.Value.MaxCost)).ToExtension();
        return result;
    }
}
