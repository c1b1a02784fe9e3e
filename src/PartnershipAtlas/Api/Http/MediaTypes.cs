namespace PartnershipAtlas.Api.Http;

/// <summary>Content negotiation as the GraphQL over HTTP spec describes it.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Whether a negotiated type asks for a table (<see cref="Export.TableShape"/>) rather than a GraphQL response.</summary>
    public static bool IsTable(string mediaType) => mediaType is Csv or Xlsx;

    /// <summary>
    /// The response type for an <c>Accept</c> header, taken in the client's order: graphql-response+json where asked for,
    /// application/json for it, <c>application/*</c> and <c>*/*</c> or no header (legacy clients), text/csv or the .xlsx
    /// type for a table; null when nothing fits.
    /// </summary>
    public static string? Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return Json;
        foreach (var part in accept.Split(','))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (pieces.Length == 0) continue;
            var charset = pieces.Skip(1).FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase));
            if (charset is not null && !IsUtf8(charset["charset=".Length..])) continue;
            switch (pieces[0].ToLowerInvariant())
            {
                case GraphQLResponse: return GraphQLResponse;
                case Json or "application/*" or "*/*": return Json;
                case Csv: return Csv;
                case Xlsx: return Xlsx;
            }
        }
        return null;
    }

    /// <summary>Whether a browser is asking for a page (so GET /graphql without a query shows the IDE).</summary>
    public static bool WantsHtml(string? accept) => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A POST body must be JSON in UTF-8.</summary>
    public static bool IsJsonContent(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return false;
        var pieces = contentType.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!string.Equals(pieces[0], Json, StringComparison.OrdinalIgnoreCase)) return false;
        var charset = pieces.Skip(1).FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase));
        return charset is null || IsUtf8(charset["charset=".Length..]);
    }

    private static bool IsUtf8(string charset) => charset.Trim('"').ToLowerInvariant() is "utf-8" or "utf8";
}
