using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Api.Paging;

/// <summary>
/// One page cut from a list already sorted in memory, located by cursors compared with the items (binary search),
/// so a cursor keeps its place in the order even when items before it come or go.
/// </summary>
public static class SortedSlice
{
    /// <param name="afterCursor">The item compared with the <c>after</c> cursor (negative: before it), or null when there is none.</param>
    /// <param name="beforeCursor">The item compared with the <c>before</c> cursor, or null when there is none.</param>
    public static (IReadOnlyList<T> Items, bool HasNext, bool HasPrevious) Take<T>(
        IReadOnlyList<T> sorted, Func<T, int>? afterCursor, Func<T, int>? beforeCursor, int size, bool backward)
    {
        var start = afterCursor is null ? 0 : FirstWhere(sorted, item => afterCursor(item) > 0);
        var end = beforeCursor is null ? sorted.Count : FirstWhere(sorted, item => beforeCursor(item) >= 0);
        end = Math.Max(start, end);
        var (from, to) = backward ? (Math.Max(start, end - size), end) : (start, Math.Min(end, start + size));
        var items = new List<T>(to - from);
        for (var i = from; i < to; i++) items.Add(sorted[i]);
        return (items, to < sorted.Count, from > 0);
    }

    /// <summary>The first index whose item satisfies a condition that, once true, stays true.</summary>
    public static int FirstWhere<T>(IReadOnlyList<T> sorted, Func<T, bool> condition)
    {
        var (low, high) = (0, sorted.Count);
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (condition(sorted[middle])) high = middle;
            else low = middle + 1;
        }
        return low;
    }
}

/// <summary>Pages of lists sorted in memory by a unique long key, with the same cursors as the default order of a keyset page in SQL.</summary>
public static class InMemoryKeyset
{
    private static readonly Type[] KeyType = [typeof(long)];

    public static Page<T> Page<T>(IReadOnlyList<T> sortedByKey, Func<T, long> key, PageRequest page)
    {
        var after = Cursor.Decode(page.After, SortKey.KeyOnly, KeyType)?[0] as long?;
        var before = Cursor.Decode(page.Before, SortKey.KeyOnly, KeyType)?[0] as long?;
        var (items, hasNext, hasPrevious) = SortedSlice.Take(sortedByKey,
            after is long a ? item => key(item).CompareTo(a) : null,
            before is long b ? item => key(item).CompareTo(b) : null,
            page.Size, page.Backward);
        return new Page<T>(items, item => CursorOf(key(item)), hasNext, hasPrevious, sortedByKey.Count);
    }

    /// <summary>The cursor of the item with this key.</summary>
    public static string CursorOf(long key) => Cursor.Encode(SortKey.KeyOnly, [key]);
}
