using System.Linq.Expressions;
using GraphQL;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Api.Paging;

/// <summary>Resolves root connections: a page of a query, filtered by <c>where:</c> and sorted by <c>order:</c>.</summary>
public static class ConnectionPages
{
    /// <summary>
    /// One page of a root connection: filtered by <c>where:</c> (its <c>some</c> conditions as <see cref="SemiJoins"/> says),
    /// sorted by <c>order:</c> then the unique key; reading only
    /// the columns its nodes' fields need when <paramref name="narrow"/> declares them all.
    /// </summary>
    public static Task<Page<T>> PageAsync<T>(this IResolveFieldContext context, IQueryable<T> query, Expression<Func<T, long>> key, NarrowRead<T>? narrow = null)
    {
        var page = PageRequest.From(context);
        var order = context.Order(key);
        if (context.Where<T>() is { } where) query = query.Where(SemiJoins.Rewrite(where, clientOrder: !order.IsDefault, context.Db()));
        var projection = narrow is not null && NodeFields(context) is { } fields ? narrow.Projection(order, fields) : null;
        return Keyset.PageAsync(query, order, page, context.CancellationToken, projection);
    }

    /// <summary>The fields the connection's nodes select, under <c>nodes</c> and <c>edges { node }</c>; null when the document does not say.</summary>
    private static HashSet<string>? NodeFields(IResolveFieldContext context) =>
        SelectedFields.At(context, "nodes") is { } nodes && SelectedFields.At(context, "edges", "node") is { } edgeNodes ? [.. nodes, .. edgeNodes] : null;
}
