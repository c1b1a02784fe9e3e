namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// The first step: GET and POST only (405), a browser's GET without a query shows the IDE, the answer's media type
/// from <c>Accept</c> (406 when nothing fits; text/csv and the .xlsx type ask for a table) and a JSON body for a POST (415).
/// </summary>
public sealed class NegotiateStep
{
    public Refusal? Run(GraphQLExchange exchange)
    {
        var request = exchange.Http.Request;
        if (!exchange.IsGet && !HttpMethods.IsPost(request.Method)) return Refusal.Of(StatusCodes.Status405MethodNotAllowed, "Only GET and POST are allowed.", "GET, POST");
        var accept = request.Headers.Accept.ToString();
        if (exchange.IsGet && !request.Query.ContainsKey("query") && MediaTypes.WantsHtml(accept))
        {
            exchange.ShowsIde = true;
            return null;
        }
        if (MediaTypes.Negotiate(accept) is not { } mediaType)
        {
            return Refusal.Of(StatusCodes.Status406NotAcceptable, $"Accept must allow {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
        }
        // A table's errors are answered as graphql-response+json, so a document that cannot run is a 400.
        exchange.Table = MediaTypes.IsTable(mediaType) ? mediaType : null;
        exchange.MediaType = exchange.Table is null ? mediaType : MediaTypes.GraphQLResponse;
        if (!exchange.IsGet && !MediaTypes.IsJsonContent(request.ContentType))
        {
            return Refusal.Of(StatusCodes.Status415UnsupportedMediaType, "The request body must be application/json (UTF-8).");
        }
        return null;
    }
}
