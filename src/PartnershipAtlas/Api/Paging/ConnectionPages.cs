using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using GraphQLParser.AST;
using GraphQL;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Api.Paging;

/// <summary>Resolves root connections: a page of a query, filtered by <c>where:</c> and sorted by <c>order:</c>.</summary>
public static class ConnectionPages
{
    /// <summary>
    /// One page of a root connection: filtered by <c>where:</c> (its <c>some</c> conditions as <see cref="SemiJoins"/> says),
    /// sorted by <c>order:</c> then the unique key; reading only
    /// the columns its nodes' fields need when <paramref name="narrow"/> declares them all (a whole table's forward
    /// pages in key order then run as <see cref="CompiledPages"/>).
    /// </summary>
    public static Task<Page<T>> PageAsync<T>(this IResolveFieldContext context, IQueryable<T> query, Expression<Func<T, long>> key, NarrowRead<T>? narrow = null)
        where T : class =>
        context.PageAsync(_ => query, key, narrow, held: null);

    /// <summary>As the other overload, for a table whose rows may also be held in memory: the store is not touched (not even the request's context taken) when they answer.</summary>
    /// <param name="table">The table's query, made only when the store is read.</param>
    /// <param name="held">
    /// The table's rows held in memory while the store is unchanged, or null while they are being read: asked for a
    /// page whose nodes' fields are all declared by <paramref name="narrow"/>, and then answered from them with no
    /// statement when they can filter and sort it as the store would (<see cref="HeldRows{T}.Query"/>).
    /// </param>
    public static async Task<Page<T>> PageAsync<T>(this IResolveFieldContext context, Func<IResolveFieldContext, IQueryable<T>> table, Expression<Func<T, long>> key,
        NarrowRead<T>? narrow, Func<IResolveFieldContext, ValueTask<HeldRows<T>?>>? held)
        where T : class
    {
        var page = PageRequest.From(context);
        var order = context.Order(key);
        var where = context.Where<T>();
        var projection = narrow is null ? null : (Expression<Func<T, T>>?)Projections.GetOrCreateValue(context.FieldAst).GetOrAdd(order.Signature,
            static (_, at) => NodeFields(at.context) is { } fields ? at.narrow.Projection(at.order, fields) : null, (context, narrow, order));
        if (held is not null && projection is not null && await held(context) is { } rows && rows.IsFor(key) && rows.Query(where, order, page) is { } answered)
        {
            return answered;
        }
        var query = table(context);
        if (where is not null) query = query.Where(SemiJoins.Rewrite(where, clientOrder: !order.IsDefault, context.Db()));
        return await CompiledPages.PageAsync(context.Db(), query, order, page, projection, context.CancellationToken)
            ?? await Keyset.PageAsync(query, order, page, context.CancellationToken, projection);
    }

    /// <summary>
    /// Each connection field's projection by order: the nodes' fields depend on the document alone (<see cref="SelectedFields"/>),
    /// and a parsed document is shared by every request that sends it, so a request neither collects them nor names its
    /// shape again. Kept while the document is.
    /// </summary>
    private static readonly ConditionalWeakTable<GraphQLField, ConcurrentDictionary<string, LambdaExpression?>> Projections = new();

    /// <summary>The fields the connection's nodes select, under <c>nodes</c> and <c>edges { node }</c>; null when the document does not say.</summary>
    private static HashSet<string>? NodeFields(IResolveFieldContext context) =>
        SelectedFields.At(context, "nodes") is { } nodes && SelectedFields.At(context, "edges", "node") is { } edgeNodes ? [.. nodes, .. edgeNodes] : null;
}
