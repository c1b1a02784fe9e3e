using GraphQL.Transport;
using GraphQLParser.AST;
using PartnershipAtlas.Api.Caching;
using PartnershipAtlas.Api.Limits;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// One request to <c>/graphql</c> as it passes through the endpoint's steps (<see cref="GraphQLHttpEndpoint"/>): each
/// step reads what the earlier ones found and adds its own.
/// </summary>
public sealed class GraphQLExchange(HttpContext http)
{
    public HttpContext Http { get; } = http;

    public bool IsGet { get; } = HttpMethods.IsGet(http.Request.Method);

    /// <summary>The JSON media type answers and errors are written in (<see cref="NegotiateStep"/>).</summary>
    public string MediaType { get; set; } = MediaTypes.Json;

    /// <summary>The table type asked for (<see cref="MediaTypes.Csv"/> or <see cref="MediaTypes.Xlsx"/>), answered by <see cref="ExportTableStep"/>; errors are still JSON.</summary>
    public string? Table { get; set; }

    /// <summary>A request to <c>/graphql/stream</c>, answered as Server-Sent Events (subscriptions only).</summary>
    public bool EventStream { get; init; }

    /// <summary>A browser asking for the IDE rather than for an answer.</summary>
    public bool ShowsIde { get; set; }

    /// <summary>The request as read (<see cref="ReadStep"/>).</summary>
    public GraphQLHttpRequest.Parsed? Parsed { get; set; }

    public GraphQLRequest Request => Parsed?.Request ?? throw new InvalidOperationException("The request has not been read.");

    /// <summary>The parsed document (<see cref="ResolveDocumentStep"/>); <see cref="ValidatedBefore"/> when it came from <see cref="ValidatedDocuments"/>.</summary>
    public GraphQLDocument? Document { get; set; }

    public bool ValidatedBefore { get; set; }

    /// <summary>The operation that runs, when the document and operation name select one.</summary>
    public GraphQLOperationDefinition? Operation { get; set; }

    public string OperationType => Operation?.Operation.ToString().ToLowerInvariant() ?? "unknown";

    /// <summary>Who is charged for the request, and what it cost (<see cref="CheckLimitsStep"/>).</summary>
    public CostReport? Cost { get; set; }

    /// <summary>The response cache's look-up, when the answer may be kept (<see cref="CacheStep"/>).</summary>
    public ResponseCache.Lookup? CacheLookup { get; set; }
}
