using System.Collections.Concurrent;
using System.Linq.Expressions;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Api.Paging;

/// <summary>
/// A whole table's rows in its key's order, held in memory while the store is unchanged
/// (<see cref="Data.HeldWhileUnchanged{TFor,T}"/>), cut into the pages the store would answer: filtered by
/// <c>where:</c> (<see cref="HeldFilter"/>) and sorted by <c>order:</c> (<see cref="HeldOrder{T}"/>) as the store
/// filters and sorts, after or before a cursor. Immutable once made, so requests share it, and its rows are shared too:
/// nothing may change them.
/// </summary>
public sealed class HeldRows<T>
{
    private readonly T[] rows;
    private readonly long[] keys;
    private readonly LambdaExpression key;
    private readonly HeldShape shape;
    private readonly DeferredResult<int> count;

    /// <param name="rows">Every row of the table, in <paramref name="keyOf"/>'s order, each key once.</param>
    /// <param name="key">The connection's key the rows are in the order of (what <see cref="IsFor"/> compares).</param>
    /// <param name="shape">What the rows are held with, which says what filters and orders they can answer.</param>
    public HeldRows(T[] rows, Func<T, long> keyOf, LambdaExpression key, HeldShape shape)
    {
        (this.rows, this.key, this.shape) = (rows, key, shape);
        keys = Array.ConvertAll(rows, row => keyOf(row));
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] <= keys[i - 1]) throw new ArgumentException($"Held rows must be in their key's order, each key once: {keys[i - 1]} is followed by {keys[i]}.", nameof(rows));
        }
        count = new DeferredResult<int>(_ => Task.FromResult(rows.Length));
    }

    /// <summary>Whether the rows are in the order of <paramref name="other"/>, a connection's key.</summary>
    public bool IsFor(LambdaExpression other) => KeyComparisons.SameKey(key, other);

    /// <summary>
    /// The page of the rows that pass <paramref name="where"/>, in <paramref name="order"/>, as the store would answer
    /// it (<see cref="Keyset.PageAsync{T}"/>); null when the filter or the order is one only the store can answer, or
    /// one the store answers from an index in a table of more than <see cref="ScannedWhole"/> rows.
    /// </summary>
    public Page<T>? Query(Expression<Func<T, bool>>? where, Ordering<T> order, PageRequest page)
    {
        if (where is null && CompiledPages.IsForwardByKey(order, page, out var afterKey)) return Page(afterKey, order, page);
        if (where is not null && rows.Length > ScannedWhole && IndexedColumns.Narrow(where, shape.Indexed)) return null;
        Func<T, bool>? filter = null;
        if (where is not null && (filter = HeldFilter.Of(where, shape)) is null) return null;
        if (HeldOrder<T>.Of(order, shape.TextByCodePoint) is not { } sorted) return null;
        var types = order.Keys.Select(k => k.ValueType).ToArray();
        var (from, to) = (Cursor.Decode(page.After, order.Signature, types), Cursor.Decode(page.Before, order.Signature, types));
        if (!Comparable(from, types) || !Comparable(to, types)) return null;
        bool Passes(T row) => filter is null || filter(row);
        var inOrder = order.IsDefault ? rows : SortedBy(order, sorted);
        if (inOrder is null) return Nearest(Passes, row => (from is null || sorted.Compare(row, from) > 0) && (to is null || sorted.Compare(row, to) < 0), sorted, order, page);
        var after = from is null ? 0 : SortedSlice.FirstWhere(inOrder, row => sorted.Compare(row, from) > 0);
        var before = to is null ? inOrder.Length : SortedSlice.FirstWhere(inOrder, row => sorted.Compare(row, to) >= 0);
        var rowsPlusOne = new List<T>(page.Size + 1);
        for (var i = page.Backward ? before - 1 : after; i >= after && i < before && rowsPlusOne.Count <= page.Size; i += page.Backward ? -1 : 1)
        {
            if (Passes(inOrder[i])) rowsPlusOne.Add(inOrder[i]);
        }
        return Keyset.FromLoaded(rowsPlusOne, order, page, () => new DeferredResult<int>(_ => Task.FromResult(filter is null ? rows.Length : rows.Count(Passes))));
    }

    /// <summary>
    /// The most rows a filter the store could narrow by an index (a condition at its top on a column that leads one) is
    /// evaluated over here; above it the store answers it, reading only the rows the index keeps. Reading a few
    /// thousand held rows costs less than a statement does.
    /// </summary>
    public const int ScannedWhole = 5_000;

    /// <summary>The most orders the rows are kept sorted in (each an array as long as the table); a page in another order is cut by <see cref="Nearest"/>.</summary>
    public const int MaxSortedOrders = 16;

    private readonly ConcurrentDictionary<string, Lazy<T[]>> sortedBy = new();

    /// <summary>
    /// The rows sorted in a client's order, made by the first page that asks and kept: a page then reads from its
    /// cursor until it has the page plus one (an order on an indexed column, unfiltered, costs what the store's index
    /// does); null once <see cref="MaxSortedOrders"/> orders are kept.
    /// </summary>
    private T[]? SortedBy(Ordering<T> order, HeldOrder<T> sorted)
    {
        if (!sortedBy.TryGetValue(order.Signature, out var kept))
        {
            if (sortedBy.Count >= MaxSortedOrders) return null;
            kept = sortedBy.GetOrAdd(order.Signature, _ => new Lazy<T[]>(() =>
            {
                var copy = (T[])rows.Clone();
                Array.Sort(copy, sorted.Compare);
                return copy;
            }));
        }
        return kept.Value;
    }

    /// <summary>
    /// In an order the rows are not kept sorted in, every row is read: the page plus one nearest the cursor kept in a
    /// heap as they pass (not a sort of every matching row), and the count of them all.
    /// </summary>
    private Page<T> Nearest(Func<T, bool> passes, Func<T, bool> inWindow, HeldOrder<T> sorted, Ordering<T> order, PageRequest page)
    {
        Comparison<T> fetch = page.Backward ? (x, y) => sorted.Compare(y, x) : sorted.Compare;
        var farthestFirst = new PriorityQueue<T, T>(Comparer<T>.Create((x, y) => fetch(y, x)));
        var count = 0;
        foreach (var row in rows)
        {
            if (!passes(row)) continue;
            count++;
            if (!inWindow(row)) continue;
            if (farthestFirst.Count <= page.Size) farthestFirst.Enqueue(row, row);
            else if (fetch(row, farthestFirst.Peek()) < 0) farthestFirst.DequeueEnqueue(row, row);
        }
        var rowsPlusOne = new T[farthestFirst.Count];
        for (var i = rowsPlusOne.Length - 1; i >= 0; i--) rowsPlusOne[i] = farthestFirst.Dequeue();
        return Keyset.FromLoaded(rowsPlusOne, order, page, () => new DeferredResult<int>(_ => Task.FromResult(count)));
    }

    /// <summary>Whether a cursor's values can be compared here: a null for a key that is never null only a made-up cursor carries, and the store answers it.</summary>
    private static bool Comparable(object?[]? values, Type[] types) =>
        values is null || !values.Where((value, i) => value is null && !QueryValues.CanBeNull(types[i])).Any();

    /// <summary>The forward page that starts after the key <paramref name="after"/> (null: at the first row), in the key's order.</summary>
    private Page<T> Page(long? after, Ordering<T> order, PageRequest page)
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
