using System.Linq.Expressions;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace PartnershipAtlas.Api.Paging;

/// <summary>Keyset paging over a query ordered by a unique key, translated to SQL.</summary>
public static class Keyset
{
    public static async Task<Page<T>> PageAsync<T>(IQueryable<T> query, Expression<Func<T, long>> key, PageRequest page, CancellationToken cancellationToken)
    {
        var window = query;
        if (page.After is long after) window = window.Where(Compare(key, after, ExpressionType.GreaterThan));
        if (page.Before is long before) window = window.Where(Compare(key, before, ExpressionType.LessThan));
        var ordered = page.Backward ? window.OrderByDescending(key) : window.OrderBy(key);
        var rows = await ordered.Take(page.Size + 1).ToListAsync(cancellationToken);
        var more = rows.Count > page.Size;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (page.Backward) rows.Reverse();

        var hasNext = page.Backward ? page.Before is not null : more;
        var hasPrevious = page.Backward ? more : page.After is not null;
        return new Page<T>(rows, key.Compile(), hasNext, hasPrevious, () => new DeferredResult<int>(ct => query.CountAsync(ct)));
    }

    /// <summary>A page cut from rows already loaded in key order (a batch loaded for many parents at once).</summary>
    public static Page<T> FromLoaded<T>(IReadOnlyList<T> rowsPlusOne, Func<T, long> key, PageRequest page, Func<IDataLoaderResult<int>> count)
    {
        var rows = rowsPlusOne.Take(page.Size).ToList();
        var more = rowsPlusOne.Count > page.Size;
        if (page.Backward) rows.Reverse();
        var hasNext = page.Backward ? page.Before is not null : more;
        var hasPrevious = page.Backward ? more : page.After is not null;
        return new Page<T>(rows, key, hasNext, hasPrevious, count);
    }

    public static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, long>> key, long value, ExpressionType comparison) =>
        Expression.Lambda<Func<T, bool>>(Expression.MakeBinary(comparison, key.Body, Expression.Constant(value)), key.Parameters);
}
