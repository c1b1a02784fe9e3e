namespace PartnershipAtlas.Overlap;

/// <summary>Two networks (snapshot indexes, A before B unless seen from A) and how many schools they share.</summary>
public readonly record struct OverlapPair(int A, int B, int Shared);

/// <summary>How pairs of networks are ordered: by a ratio, largest first, then by the two partnership ids.</summary>
public enum OverlapOrder
{
    SharedCount,
    Jaccard,
    OverlapCoefficient,
}

/// <summary>
/// A pair's sort value as an exact fraction (no rounding, so equal values tie and fall back to the ids), and the
/// cursor built from it: <c>(numerator, denominator, aId, bId)</c> locates a place in the order even after the data change.
/// </summary>
public readonly record struct RankKey(long Numerator, long Denominator, int AId, int BId) : IComparable<RankKey>
{
    /// <summary>Larger fractions first, then ascending ids.</summary>
    public int CompareTo(RankKey other)
    {
        var byValue = (other.Numerator * Denominator).CompareTo(Numerator * other.Denominator);
        if (byValue != 0) return byValue;
        var byA = AId.CompareTo(other.AId);
        return byA != 0 ? byA : BId.CompareTo(other.BId);
    }

    public string ToCursor() => RankCursor.Encode(this);
}

/// <summary>Opaque cursors of ranked lists: base64 of <c>rank:numerator:denominator:aId:bId</c>.</summary>
public static class RankCursor
{
    private const string Prefix = "rank";

    public static string Encode(RankKey key) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(FormattableString.Invariant($"{Prefix}:{key.Numerator}:{key.Denominator}:{key.AId}:{key.BId}")));

    public static RankKey? Decode(string? cursor)
    {
        if (cursor is null) return null;
        try
        {
            var parts = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            if (parts.Length == 5 && parts[0] == Prefix
                && long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var numerator)
                && long.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var denominator) && denominator > 0
                && int.TryParse(parts[3], System.Globalization.CultureInfo.InvariantCulture, out var a)
                && int.TryParse(parts[4], System.Globalization.CultureInfo.InvariantCulture, out var b))
            {
                return new RankKey(numerator, denominator, a, b);
            }
        }
        catch (FormatException)
        {
        }
        throw Api.AtlasErrors.Coded($"The cursor '{cursor}' is not valid.", "HC0078");
    }
}
