using GraphQL.DataLoader;

namespace PartnershipAtlas.Api.Paging;

/// <summary>
/// One page of any connection: its items, the cursor of each (<see cref="Cursor"/>), whether there are more either way,
/// and the total count, computed only when asked for (batched where the page came from a loader).
/// </summary>
public sealed class Page<T>(IReadOnlyList<T> items, Func<T, string> cursorOf, bool hasNext, bool hasPrevious, Func<IDataLoaderResult<int>> count)
{
    /// <summary>A page of a list whose length is known.</summary>
    public Page(IReadOnlyList<T> items, Func<T, string> cursorOf, bool hasNext, bool hasPrevious, int totalCount)
        : this(items, cursorOf, hasNext, hasPrevious, () => new DeferredResult<int>(_ => Task.FromResult(totalCount)))
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
