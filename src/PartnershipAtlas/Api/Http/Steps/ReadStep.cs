using GraphQL;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Api.Limits;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// Reads the request within the time limit (408 past <c>Atlas:Limits:RequestBodyTimeout</c>, against slowloris) and the size limit (413 over <c>Atlas:Limits:MaxRequestBytes</c>: a POST body is buffered up to
/// it, so every transport enforces it; a GET's query string is measured), from the query string of a GET or the JSON
/// body of a POST (400 when it is not a GraphQL request).
/// </summary>
public sealed class ReadStep(IGraphQLTextSerializer serializer, IOptions<LimitsOptions> limits)
{
    public async Task<Refusal?> RunAsync(GraphQLExchange exchange)
    {
        var request = exchange.Http.Request;
        bool withinSize;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(exchange.Http.RequestAborted))
        {
            deadline.CancelAfter(limits.Value.RequestBodyTimeout);
            try
            {
                withinSize = await WithinSizeLimitAsync(exchange, deadline.Token);
            }
            catch (OperationCanceledException) when (!exchange.Http.RequestAborted.IsCancellationRequested)
            {
                exchange.Http.Response.Headers.Connection = "close";
                return Refusal.Of(StatusCodes.Status408RequestTimeout,
                    $"The request body was not received within {limits.Value.RequestBodyTimeout:c} ({LimitsOptions.Section}:RequestBodyTimeout).");
            }
        }
        if (!withinSize)
        {
            return Refusal.Of(StatusCodes.Status413PayloadTooLarge,
                $"The request is larger than {limits.Value.MaxRequestBytes} bytes ({LimitsOptions.Section}:MaxRequestBytes).");
        }
        exchange.Parsed = exchange.IsGet
            ? GraphQLHttpRequest.FromQueryString(request.Query, serializer)
            : await GraphQLHttpRequest.FromJsonBodyAsync(request, serializer, exchange.Http.RequestAborted);
        return exchange.Parsed.Request is null ? Refusal.Of(StatusCodes.Status400BadRequest, exchange.Parsed.Error!) : null;
    }

    private async Task<bool> WithinSizeLimitAsync(GraphQLExchange exchange, CancellationToken cancellationToken)
    {
        var request = exchange.Http.Request;
        var max = limits.Value.MaxRequestBytes;
        if (exchange.IsGet) return (request.QueryString.Value?.Length ?? 0) <= max;
        var body = await RequestBody.ReadAsync(request, max, cancellationToken);
        if (body is null) return false;
        request.Body = new MemoryStream(body, writable: false);
        return true;
    }
}
