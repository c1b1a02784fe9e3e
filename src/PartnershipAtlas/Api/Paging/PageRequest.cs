using System.Globalization;
using System.Text;
using GraphQL;

namespace PartnershipAtlas.Api.Paging;

/// <summary>A connection's <c>first/after/last/before</c>, checked: at most 100 a page, 20 when not given.</summary>
public sealed record PageRequest(int Size, bool Backward, long? After, long? Before)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public string CacheKey => $"{Size}:{Backward}:{After}:{Before}";

    public static PageRequest From(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        var coordinate = $"{context.ParentType.Name}.{context.FieldDefinition.Name}";
        if (first is not null && last is not null)
        {
            throw AtlasErrors.Coded("Use either first or last, not both.", "PAGING_BOTH_DIRECTIONS", new Dictionary<string, object?> { ["coordinate"] = coordinate });
        }
        var size = first ?? last ?? DefaultSize;
        if (size < 0) throw AtlasErrors.Coded("The requested page size must not be negative.", "HC0079", new Dictionary<string, object?> { ["coordinate"] = coordinate });
        if (size > MaxSize)
        {
            throw AtlasErrors.Coded("The maximum allowed items per page were exceeded.", "HC0051", new Dictionary<string, object?>
            {
                ["requestedItems"] = size,
                ["maxAllowedItems"] = MaxSize,
                ["coordinate"] = coordinate,
            });
        }
        return new PageRequest(size, last is not null, Cursor.Decode(context.GetArgument<string?>("after")), Cursor.Decode(context.GetArgument<string?>("before")));
    }
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
        throw AtlasErrors.Coded($"The cursor '{cursor}' is not valid.", "HC0078");
    }
}
