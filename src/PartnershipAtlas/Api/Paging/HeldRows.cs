using System.Linq.Expressions;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Api.Paging;

/// <summary>
/// A whole table's rows in its key's order, held in memory while the store is unchanged
/// (<see cref="Data.HeldWhileUnchanged{TFor,T}"/>), cut into the forward pages <see cref="CompiledPages"/> would read
/// from the store: the rows whose key is above the cursor's, the page plus one. Immutable once made, so requests share
/// it, and its rows are shared too: nothing may change them.
/// </summary>
public sealed class HeldRows<T>
{
    private readonly T[] rows;
    private readonly long[] keys;
    private readonly LambdaExpression key;
    private readonly DeferredResult<int> count;

    /// <param name="rows">Every row of the table, in <paramref name="keyOf"/>'s order, each key once.</param>
    /// <param name="key">The connection's key the rows are in the order of (what <see cref="IsFor"/> compares).</param>
    public HeldRows(T[] rows, Func<T, long> keyOf, LambdaExpression key)
    {
        (this.rows, this.key) = (rows, key);
        keys = Array.ConvertAll(rows, row => keyOf(row));
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] <= keys[i - 1]) throw new ArgumentException($"Held rows must be in their key's order, each key once: {keys[i - 1]} is followed by {keys[i]}.", nameof(rows));
        }
        count = new DeferredResult<int>(_ => Task.FromResult(rows.Length));
    }

    /// <summary>Whether the rows are in the order of <paramref name="other"/>, a connection's key.</summary>
    public bool IsFor(LambdaExpression other) => KeyComparisons.SameKey(key, other);

    /// <summary>The forward page that starts after the key <paramref name="after"/> (null: at the first row), in the key's order.</summary>
    public Page<T> Page(long? after, Ordering<T> order, PageRequest page)
    {
        var from = after is { } value ? FirstAbove(value) : 0;
        var rowsPlusOne = new ArraySegment<T>(rows, from, Math.Min(page.Size + 1, rows.Length - from));
        return Keyset.FromLoaded(rowsPlusOne, order, page, () => count);
    }

    /// <summary>The row whose key is <paramref name="value"/>, or null when the table has none.</summary>
    public T? Find(long value)
    {
        var at = Array.BinarySearch(keys, value);
        return at >= 0 ? rows[at] : default;
    }

    private int FirstAbove(long value)
    {
        var at = Array.BinarySearch(keys, value);
        return at >= 0 ? at + 1 : ~at;
    }
}
