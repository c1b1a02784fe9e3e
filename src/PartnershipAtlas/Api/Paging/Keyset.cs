using System.Linq.Expressions;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Api.Paging;

/// <summary>Keyset paging over a query ordered by a unique key (or by sort keys and that key), translated to SQL.</summary>
public static class Keyset
{
    /// <summary>
    /// A page in a client's order (<see cref="Ordering{T}.From"/>); cursors carry the key values. Each row is read
    /// through <paramref name="projection"/> when one is given (it must keep every sort key).
    /// </summary>
    public static async Task<Page<T>> PageAsync<T>(IQueryable<T> query, Ordering<T> order, PageRequest page, CancellationToken cancellationToken,
        Expression<Func<T, T>>? projection = null)
    {
        var window = Seeks(order, page).Aggregate(query, (q, seek) => q.Where(seek));
        window = order.Includes.Aggregate(window, Include);
        var ordered = order.Apply(window, page.Backward).Take(page.Size + 1);
        var rows = await (projection is null ? ordered : ordered.Select(projection)).ToListAsync(cancellationToken);
        return FromLoaded(rows, order, page, () => new DeferredResult<int>(ct => query.CountAsync(ct)));
    }

    /// <summary>
    /// One page of children for each of many parents in one statement (a window per parent: ROW_NUMBER in SQL), so
    /// the statements a request runs do not grow with the number of parents.
    /// </summary>
    /// <param name="parents">
    /// The parents' table, unfiltered: the window already keeps the children of <paramref name="keys"/> only, and
    /// filtering the parents by the keys as well made SQLite build an index over the window for each of them (three
    /// times the statement's cost for a page of 20).
    /// </param>
    public static async Task<IDictionary<TKey, Page<T>>> PageManyAsync<TParent, TKey, T>(
        IQueryable<TParent> parents, Expression<Func<TParent, IEnumerable<T>>> children, Expression<Func<T, TKey>> parentKey,
        IReadOnlyCollection<TKey> keys, Ordering<T> order, PageRequest page, Func<TKey, IDataLoaderResult<int>> count, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var queryable = typeof(IQueryable<T>).IsAssignableFrom(children.Body.Type);
        var methods = queryable ? typeof(Queryable) : typeof(Enumerable);
        Expression Lambda(Expression lambda) => queryable ? Expression.Quote(lambda) : lambda;
        var window = Seeks(order, page).Prepend(OfParents(parentKey, keys))
            .Aggregate(children.Body, (body, seek) => GenericCalls.Call(methods, nameof(Enumerable.Where), [typeof(T)], body, Lambda(seek)));
        window = order.Apply(window, page.Backward, methods, quote: queryable);
        window = GenericCalls.Call(methods, nameof(Enumerable.Take), [typeof(T)], window, Expression.Constant(page.Size + 1));
        var query = parents.SelectMany(Expression.Lambda<Func<TParent, IEnumerable<T>>>(window, children.Parameters));
        query = order.Includes.Aggregate(query, Include);
        var rows = await order.Apply(query.OrderBy(parentKey), page.Backward, thenBy: true).ToListAsync(cancellationToken);
        return PagesOf(rows, CompiledKeys<T, TKey>.Of(parentKey), keys, order, page, count);
    }

    /// <summary>The page of each parent, cut from rows loaded for all of them in parent order, then the page's fetch order (each parent's page plus one).</summary>
    public static IDictionary<TKey, Page<T>> PagesOf<T, TKey>(IReadOnlyList<T> rows, Func<T, TKey> parentKey, IReadOnlyCollection<TKey> keys, Ordering<T> order,
        PageRequest page, Func<TKey, IDataLoaderResult<int>> count)
        where TKey : notnull
    {
        var byParent = rows.ToLookup(parentKey);
        return keys.ToDictionary(key => key, key => FromLoaded(byParent[key].ToList(), order, page, () => count(key)));
    }

    /// <summary>
    /// <c>child => keys.Contains(parentKey(child))</c>, repeated inside the window so SQL numbers the rows of these
    /// parents only (otherwise ROW_NUMBER runs over the whole table).
    /// </summary>
    private static Expression<Func<T, bool>> OfParents<T, TKey>(Expression<Func<T, TKey>> parentKey, IReadOnlyCollection<TKey> keys)
    {
        var values = QueryValues.SingleParameter(Expression.Property(Expression.Constant(new Box<List<TKey>>([.. keys])), nameof(Box<List<TKey>>.Value)));
        return Expression.Lambda<Func<T, bool>>(GenericCalls.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)], values, parentKey.Body), parentKey.Parameters);
    }

    /// <summary>A page cut from rows loaded in the page's fetch order (reversed for a backward page), one more than the page.</summary>
    public static Page<T> FromLoaded<T>(IReadOnlyList<T> rowsPlusOne, Ordering<T> order, PageRequest page, Func<IDataLoaderResult<int>> count)
    {
        var rows = rowsPlusOne.Take(page.Size).ToList();
        var more = rowsPlusOne.Count > page.Size;
        if (page.Backward) rows.Reverse();
        var hasNext = page.Backward ? page.Before is not null : more;
        var hasPrevious = page.Backward ? more : page.After is not null;
        return new Page<T>(rows, row => CursorOf(order, row), hasNext, hasPrevious, count);
    }

    /// <summary>A row's cursor: the order's signature and the row's key values.</summary>
    public static string CursorOf<T>(Ordering<T> order, T row) => Cursor.Encode(order.Signature, order.ValuesOf(row));

    /// <summary>
    /// The conditions a page's <c>after</c>/<c>before</c> cursors put on the rows. In the default order the cursor holds
    /// the unique key alone, compared on its own column so the index serves the seek.
    /// </summary>
    public static IEnumerable<Expression<Func<T, bool>>> Seeks<T>(Ordering<T> order, PageRequest page)
    {
        var types = order.Keys.Select(k => k.ValueType).ToList();
        foreach (var (cursor, after) in new[] { (page.After, true), (page.Before, false) })
        {
            if (Cursor.Decode(cursor, order.Signature, types) is not { } values) continue;
            yield return order.IsDefault && values[0] is long key
                ? Compare((Expression<Func<T, long>>)order.Keys[0].Selector, key, after ? ExpressionType.GreaterThan : ExpressionType.LessThan)
                : order.Seek(values, after);
        }
    }

    /// <summary>EF's string Include for any row type (entities are classes; the constraint is not spelled out here).</summary>
    private static IQueryable<T> Include<T>(IQueryable<T> query, string path) =>
        (IQueryable<T>)IncludeMethod.MakeGenericMethod(typeof(T)).Invoke(null, [query, path])!;

    private static readonly System.Reflection.MethodInfo IncludeMethod = typeof(EntityFrameworkQueryableExtensions).GetMethods()
        .Single(m => m.Name == nameof(EntityFrameworkQueryableExtensions.Include) && m.GetParameters() is [_, { ParameterType.Name: "String" }]);

    /// <summary>
    /// The key compared with a cursor's value, as a SQL parameter (not a literal, so one statement serves every page)
    /// and on the column's own type, so that an <c>int</c> key cast to <c>long</c> still uses its index.
    /// </summary>
    public static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, long>> key, long value, ExpressionType comparison)
    {
        var column = KeyComparisons.WithoutWidening(key);
        var parameter = QueryValues.Parameter(System.Convert.ChangeType(value, column.ReturnType, System.Globalization.CultureInfo.InvariantCulture), column.ReturnType);
        return Expression.Lambda<Func<T, bool>>(Expression.MakeBinary(comparison, column.Body, parameter), column.Parameters);
    }
}

/// <summary>Key selectors compiled once by their text: compiling per request costs more than the query it serves (and its dynamic method a finalizer).</summary>
internal static class CompiledKeys<T, TKey>
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<T, TKey>> Compiled = new();

    public static Func<T, TKey> Of(Expression<Func<T, TKey>> selector) => Compiled.GetOrAdd(selector.ToString(), _ => selector.Compile());
}
