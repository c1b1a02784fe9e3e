using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;

namespace PartnershipAtlas.Api.Paging;

/// <summary>
/// The one cursor format of every connection: opaque base64 of the order a page was cut in and the values that place an
/// item in it (its sort keys and unique key, or a rank), so a cursor keeps its place when items come or go and a
/// cursor made under another order is refused (<c>HC0078</c>).
/// </summary>
public static class Cursor
{
    public static string Encode(string order, IReadOnlyList<object?> values) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new Place(order, values)));

    /// <summary>The values a cursor carries, read as <paramref name="types"/>; null for no cursor; an error when it is not a cursor of this order.</summary>
    public static object?[]? Decode(string? cursor, string order, IReadOnlyList<Type> types)
    {
        if (cursor is null) return null;
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(cursor));
            var root = json.RootElement;
            var values = root.GetProperty("v");
            if (root.GetProperty("o").GetString() == order && values.GetArrayLength() == types.Count)
            {
                return values.EnumerateArray().Select((v, i) => v.ValueKind == JsonValueKind.Null ? null : v.Deserialize(types[i])).ToArray();
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or KeyNotFoundException or NotSupportedException)
        {
        }
        throw Invalid(cursor);
    }

    public static ExecutionError Invalid(string cursor) => AtlasErrors.Coded($"The cursor '{cursor}' is not valid (for this order).", "HC0078");

    private sealed record Place([property: JsonPropertyName("o")] string Order, [property: JsonPropertyName("v")] IReadOnlyList<object?> Values);
}
