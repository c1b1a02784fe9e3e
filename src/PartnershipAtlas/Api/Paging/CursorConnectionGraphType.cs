using GraphQL.Types;

namespace PartnershipAtlas.Api.Paging;

/// <summary>A page of a list in a computed order, whose cursors are made by the item itself (e.g. a rank and two ids).</summary>
public sealed class CursorPage<T>(IReadOnlyList<T> items, Func<T, string> cursorOf, bool hasNext, bool hasPrevious, int totalCount) : IPageInfo
{
    public IReadOnlyList<T> Items => items;
    public bool HasNextPage => hasNext;
    public bool HasPreviousPage => hasPrevious;
    public string? StartCursor => items.Count == 0 ? null : cursorOf(items[0]);
    public string? EndCursor => items.Count == 0 ? null : cursorOf(items[^1]);
    public int TotalCount => totalCount;

    public IEnumerable<Edge<T>> Edges => items.Select(item => new Edge<T>(cursorOf(item), item));
}

/// <summary>The connection shape of <see cref="ConnectionGraphType{TNodeType,TNode}"/> over a <see cref="CursorPage{T}"/>.</summary>
public abstract class CursorConnectionGraphType<TNodeType, TNode> : ObjectGraphType<CursorPage<TNode>>
    where TNodeType : IGraphType
{
    protected CursorConnectionGraphType(string fieldName)
    {
        Name = fieldName + "Connection";
        Description = "A connection to a list of items.";
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Information to aid in pagination.").Resolve(c => c.Source);
        Field("edges", new ListGraphType(new NonNullGraphType(new EdgeGraphType<TNodeType, TNode>(fieldName)))).Description("A list of edges.").Resolve(c => c.Source.Edges.ToList());
        Field<ListGraphType<NonNullGraphType<TNodeType>>>("nodes").Description("A flattened list of the nodes.").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Identifies the total count of items in the connection.").Resolve(c => c.Source.TotalCount);
    }
}
