using GraphQL.Types;

namespace PartnershipAtlas.Api.Paging;

/// <summary>
/// A cursor connection shaped as HotChocolate's: <c>XConnection { pageInfo edges nodes totalCount }</c> and
/// <c>XEdge { cursor node }</c>, named from the field (<c>establishments</c> → <c>EstablishmentsConnection</c>).
/// </summary>
public abstract class ConnectionGraphType<TNodeType, TNode> : ObjectGraphType<Page<TNode>>
    where TNodeType : IGraphType
{
    protected ConnectionGraphType(string fieldName)
    {
        Name = fieldName + "Connection";
        Description = "A connection to a list of items.";
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Information to aid in pagination.").Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.HasPreviousPage, c.Source.StartCursor, c.Source.EndCursor));
        Field("edges", new ListGraphType(new NonNullGraphType(new EdgeGraphType<TNodeType, TNode>(fieldName))))
            .Description("A list of edges.")
            .Resolve(c => c.Source.Items.Select(item => new Edge<TNode>(c.Source.CursorOf(item), item)).ToList());
        Field<ListGraphType<NonNullGraphType<TNodeType>>>("nodes").Description("A flattened list of the nodes.").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Identifies the total count of items in the connection (computed only when asked for).")
            .Resolve(c => c.Source.TotalCount());
    }
}

public sealed record Edge<TNode>(string Cursor, TNode Node);

/// <summary>What <c>pageInfo</c> shows of a page.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>An edge in a connection.</summary>
public sealed class EdgeGraphType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeGraphType(string fieldName)
    {
        Name = fieldName + "Edge";
        Description = "An edge in a connection.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The item at the end of the edge.").Resolve(c => c.Source.Node);
    }
}

/// <summary>Information about pagination in a connection.</summary>
public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Indicates whether more edges exist following the set defined by the clients arguments.")
            .Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("Indicates whether more edges exist prior the set defined by the clients arguments.")
            .Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("When paginating backwards, the cursor to continue.").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Description("When paginating forwards, the cursor to continue.").Resolve(c => c.Source.EndCursor);
    }
}
