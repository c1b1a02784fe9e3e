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
        var (size, backward) = PageSize.From(context);
        return new PageRequest(size, backward, Cursor.Decode(context.GetArgument<string?>("after")), Cursor.Decode(context.GetArgument<string?>("before")));
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
