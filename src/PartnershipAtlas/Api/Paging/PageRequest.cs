using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;

namespace PartnershipAtlas.Api.Paging;

/// <summary>A connection's <c>first/after/last/before</c>, checked: at most 100 a page, 20 when not given.</summary>
public sealed record PageRequest(int Size, bool Backward, long? After, long? Before)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    /// <summary>The <c>after</c> cursor when the connection is sorted by <c>order:</c> (it carries key values; see <see cref="Cursor.DecodeValues"/>).</summary>
    public string? AfterCursor { get; init; }

    /// <summary>The <c>before</c> cursor when the connection is sorted by <c>order:</c>.</summary>
    public string? BeforeCursor { get; init; }

    /// <summary>Whether this is a first page forwards: no cursor, not <c>last</c>.</summary>
    public bool IsFirst => !Backward && After is null && Before is null && AfterCursor is null && BeforeCursor is null;

    public string CacheKey => $"{Size}:{Backward}:{After}:{Before}:{AfterCursor}:{BeforeCursor}";

    public static PageRequest From(IResolveFieldContext context)
    {
        var (size, backward) = PageSize.From(context);
        var (after, before) = (context.GetArgument<string?>("after"), context.GetArgument<string?>("before"));
        if (IsOrdered(context)) return new PageRequest(size, backward, null, null) { AfterCursor = after, BeforeCursor = before };
        return new PageRequest(size, backward, Cursor.Decode(after), Cursor.Decode(before));
    }

    /// <summary>Whether the field was given sort keys (then cursors carry key values, not just the row key).</summary>
    private static bool IsOrdered(IResolveFieldContext context) =>
        context.Arguments is { } arguments && arguments.TryGetValue("order", out var order) && order.Value is IEnumerable keys && keys.Cast<object?>().Any();
}

/// <summary>Keyset cursors: an opaque form of the row's key, so a cursor stays valid when rows are inserted.</summary>
public static class Cursor
{
    private const string Prefix = "key:";

    public static string Encode(long key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + key.ToString(CultureInfo.InvariantCulture)));

    public static long? Decode(string? cursor)
    {
        if (cursor is null) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var key)) return key;
        }
        catch (FormatException)
        {
        }
        throw Invalid(cursor);
    }

    private const string ValuesPrefix = "ord:";

    /// <summary>A cursor for a sorted connection: the order's signature and the row's key values (the tiebreaker last).</summary>
    public static string EncodeValues(string signature, object?[] values) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(ValuesPrefix + JsonSerializer.Serialize(new ValuesCursor(signature, values))));

    /// <summary>The key values a sorted connection's cursor carries; an error when it was made under another order.</summary>
    public static object?[] DecodeValues(string cursor, string signature, IReadOnlyList<Type> types)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(ValuesPrefix, StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(text[ValuesPrefix.Length..]);
                var root = json.RootElement;
                var values = root.GetProperty("v");
                if (root.GetProperty("o").GetString() == signature && values.GetArrayLength() == types.Count)
                {
                    return values.EnumerateArray().Select((v, i) => v.ValueKind == JsonValueKind.Null ? null : v.Deserialize(types[i])).ToArray();
                }
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or KeyNotFoundException or NotSupportedException)
        {
        }
        throw Invalid(cursor);
    }

    private static ExecutionError Invalid(string cursor) => AtlasErrors.Coded($"The cursor '{cursor}' is not valid (for this order).", "HC0078");

    private sealed record ValuesCursor([property: JsonPropertyName("o")] string Order, [property: JsonPropertyName("v")] object?[] Values);
}
