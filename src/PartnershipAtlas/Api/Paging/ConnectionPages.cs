using System.Linq.Expressions;
using GraphQL;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Api.Paging;

/// <summary>Resolves root connections: a page of a query, filtered by <c>where:</c> and sorted by <c>order:</c>.</summary>
public static class ConnectionPages
{
    /// <summary>One page of a root connection: filtered by <c>where:</c>, sorted by <c>order:</c> then the unique key.</summary>
    public static Task<Page<T>> PageAsync<T>(this IResolveFieldContext context, IQueryable<T> query, Expression<Func<T, long>> key)
    {
        var page = PageRequest.From(context);
        if (context.Where<T>() is { } where) query = query.Where(where);
        return Keyset.PageAsync(query, context.Order(key), page, context.CancellationToken);
    }
}
