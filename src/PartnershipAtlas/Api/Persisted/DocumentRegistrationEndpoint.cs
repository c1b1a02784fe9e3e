using System.Text;
using Microsoft.Extensions.Options;

namespace PartnershipAtlas.Api.Persisted;

/// <summary>
/// <c>POST /graphql/documents</c> with a GraphQL document as the body (text) and the configured key in
/// <c>X-Registration-Key</c>: keeps the document and answers <c>{"documentId": "sha256:…"}</c>. 404 while no key is configured.
/// </summary>
public static class DocumentRegistrationEndpoint
{
    public const string Path = "/graphql/documents";
    public const string KeyHeader = "X-Registration-Key";

    public static async Task<IResult> HandleAsync(HttpContext http, PersistedDocumentStore store, IOptions<PersistedDocumentsOptions> options, IOptions<Limits.LimitsOptions> limits)
    {
        var key = options.Value.RegistrationKey;
        if (string.IsNullOrEmpty(key)) return Results.NotFound();
        if (!CryptographicEquals(http.Request.Headers[KeyHeader].ToString(), key)) return Results.Json(new { error = $"{KeyHeader} is missing or wrong." }, statusCode: StatusCodes.Status401Unauthorized);
        var body = await Limits.RequestBody.ReadAsync(http.Request, limits.Value.MaxRequestBytes, http.RequestAborted);
        if (body is null) return Results.Json(new { error = $"The document is larger than {limits.Value.MaxRequestBytes} bytes." }, statusCode: StatusCodes.Status413PayloadTooLarge);
        var document = Encoding.UTF8.GetString(body);
        try
        {
            GraphQLParser.Parser.Parse(document);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException e)
        {
            return Results.Json(new { error = $"The document is not valid GraphQL: {e.Message}" }, statusCode: StatusCodes.Status400BadRequest);
        }
        return Results.Json(new { documentId = await store.RegisterAsync(document, http.RequestAborted) });
    }

    private static bool CryptographicEquals(string given, string expected) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
