using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace PartnershipAtlas.Api.Http;

/// <summary>Reads a GraphQL request from a GET query string or a POST JSON body, or says why it is not one.</summary>
public static class GraphQLHttpRequest
{
    /// <param name="InputsText">The variables and extensions as sent (JSON text): with the document, the key of a cached answer.</param>
    public sealed record Parsed(GraphQLRequest? Request, string? Error, string InputsText = "");

    private static string InputsText(string? variables, string? extensions) => $"{variables}\u0000{extensions}";

    public static Parsed FromQueryString(IQueryCollection query, IGraphQLTextSerializer serializer)
    {
        var text = Single(query, "query");
        var documentId = Single(query, "documentId") ?? Single(query, "id");
        if (string.IsNullOrEmpty(text) && string.IsNullOrEmpty(documentId)) return new(null, "A GraphQL request must have a non-empty 'query' parameter.");
        var variables = Single(query, "variables");
        var extensions = Single(query, "extensions");
        try
        {
            return new(new GraphQLRequest
            {
                Query = string.IsNullOrEmpty(text) ? null : text,
                DocumentId = string.IsNullOrEmpty(documentId) ? null : documentId,
                OperationName = Single(query, "operationName") is { Length: > 0 } name ? name : null,
                Variables = string.IsNullOrEmpty(variables) ? null : ReadMap(serializer, JsonDocument.Parse(variables).RootElement, "variables"),
                Extensions = string.IsNullOrEmpty(extensions) ? null : ReadMap(serializer, JsonDocument.Parse(extensions).RootElement, "extensions"),
            }, null, InputsText(variables, extensions));
        }
        catch (JsonException)
        {
            return new(null, "The 'variables' and 'extensions' parameters must be JSON objects.");
        }
        catch (BadRequestException e)
        {
            return new(null, e.Message);
        }
    }

    public static async Task<Parsed> FromJsonBodyAsync(HttpRequest http, IGraphQLTextSerializer serializer, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Body, default, cancellationToken);
        }
        catch (JsonException)
        {
            return new(null, "The request body is not valid JSON.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array) return new(null, "Batched requests (a JSON array) are not accepted: send one GraphQL request, a JSON object, per POST.");
            if (root.ValueKind != JsonValueKind.Object) return new(null, "The request body must be a JSON object.");
            try
            {
                var query = OptionalString(root, "query");
                var documentId = OptionalString(root, "documentId") ?? OptionalString(root, "id");
                if (string.IsNullOrEmpty(query) && string.IsNullOrEmpty(documentId)) return new(null, "A GraphQL request must have a non-empty 'query' string.");
                return new(new GraphQLRequest
                {
                    Query = string.IsNullOrEmpty(query) ? null : query,
                    DocumentId = string.IsNullOrEmpty(documentId) ? null : documentId,
                    OperationName = OptionalString(root, "operationName"),
                    Variables = root.TryGetProperty("variables", out var variables) ? ReadMap(serializer, variables, "variables") : null,
                    Extensions = root.TryGetProperty("extensions", out var extensions) ? ReadMap(serializer, extensions, "extensions") : null,
                }, null, InputsText(RawText(root, "variables"), RawText(root, "extensions")));
            }
            catch (BadRequestException e)
            {
                return new(null, e.Message);
            }
        }
    }

    private static string? RawText(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetRawText() : null;

    private static string? Single(IQueryCollection query, string key) => query.TryGetValue(key, out var values) ? values.ToString() : null;

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new BadRequestException($"'{name}' must be a string.");
        return value.GetString();
    }

    private static Inputs? ReadMap(IGraphQLTextSerializer serializer, JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Object => serializer.ReadNode<Inputs>(value),
        _ => throw new BadRequestException($"'{name}' must be a JSON object."),
    };

    private sealed class BadRequestException(string message) : Exception(message);
}
