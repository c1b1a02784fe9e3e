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

/// <summary>Cursors of ranked lists, in the one cursor format (<see cref="Api.Paging.Cursor"/>): the rank's four values.</summary>
public static class RankCursor
{
    private const string Order = "rank";
    private static readonly Type[] Types = [typeof(long), typeof(long), typeof(int), typeof(int)];

    public static string Encode(RankKey key) => Api.Paging.Cursor.Encode(Order, [key.Numerator, key.Denominator, key.AId, key.BId]);

    public static RankKey? Decode(string? cursor) => Api.Paging.Cursor.Decode(cursor, Order, Types) switch
    {
        null => null,
        [long numerator, long denominator, int a, int b] when denominator > 0 => new RankKey(numerator, denominator, a, b),
        _ => throw Api.Paging.Cursor.Invalid(cursor!),
    };
}
