using GraphQL.DataLoader;

namespace PartnershipAtlas.Api.Paging;

/// <summary>What <c>pageInfo</c> shows of any page.</summary>
public interface IPageInfo
{
    bool HasNextPage { get; }
    bool HasPreviousPage { get; }
    string? StartCursor { get; }
    string? EndCursor { get; }
}

/// <summary>One page of a connection. The total count is computed only when asked for, batched where the page came from a loader.</summary>
public sealed class Page<T>(IReadOnlyList<T> items, Func<T, string> cursorOf, bool hasNext, bool hasPrevious, Func<IDataLoaderResult<int>> count) : IPageInfo
{
    /// <summary>A page whose cursors are the rows' unique keys (the connection's default order).</summary>
    public Page(IReadOnlyList<T> items, Func<T, long> key, bool hasNext, bool hasPrevious, Func<IDataLoaderResult<int>> count)
        : this(items, item => Cursor.Encode(key(item)), hasNext, hasPrevious, count)
    {
    }

    public IReadOnlyList<T> Items => items;
    public bool HasNextPage => hasNext;
    public bool HasPreviousPage => hasPrevious;
    public string? StartCursor => items.Count == 0 ? null : CursorOf(items[0]);
    public string? EndCursor => items.Count == 0 ? null : CursorOf(items[^1]);

    public string CursorOf(T item) => cursorOf(item);

    public IDataLoaderResult<int> TotalCount() => count();
}
