using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Api.Paging;

/// <summary>
/// Forward pages of a whole table in its key's order, read through a narrow projection, run as EF Core compiled
/// queries: one per projection (<see cref="NarrowRead{T}"/> makes one per selection shape) and per first or later
/// page. A request then skips EF Core's per-query work, extracting the parameters and hashing the expression tree to
/// find its cached query (issue 20: 6% of the nested connection's time). The statement is the one
/// <see cref="Keyset.PageAsync{T}"/> writes for such a page: the key above the cursor's, in key order, the page plus one.
/// </summary>
public static class CompiledPages
{
    private static readonly ConditionalWeakTable<LambdaExpression, Compiled> ByProjection = new();

    /// <summary>
    /// The page, when <paramref name="query"/> is a whole table read without tracking, in the default order, forwards, and
    /// <paramref name="projection"/> is given; otherwise null (the caller builds the query itself).
    /// </summary>
    public static async Task<Page<T>?> PageAsync<T>(DbContext db, IQueryable<T> query, Ordering<T> order, PageRequest page,
        Expression<Func<T, T>>? projection, CancellationToken cancellationToken)
        where T : class
    {
        if (projection is null || !IsWholeTable(query) || !IsForwardByKey(order, page, out var after)) return null;
        var compiled = ByProjection.GetValue(projection, _ => Compile(order, projection));
        if (!compiled.IsFor(order.Keys[0].Selector)) return null;
        var rows = new List<T>(page.Size + 1);
        await foreach (var row in compiled.Read<T>(db, after, page.Size + 1).WithCancellation(cancellationToken)) rows.Add(row);
        return Keyset.FromLoaded(rows, order, page, () => new DeferredResult<int>(ct => query.CountAsync(ct)));
    }

    /// <summary>
    /// Whether <paramref name="page"/> is a forward page in <paramref name="order"/>'s key order (the default order), and
    /// where it starts: after the key its cursor holds (<paramref name="after"/>; null at the first row). A cursor holding
    /// anything but a key (null, say) is left to the general path, which answers it as before.
    /// </summary>
    public static bool IsForwardByKey<T>(Ordering<T> order, PageRequest page, out long? after)
    {
        after = null;
        if (!order.IsDefault || page.Backward || page.Before is not null) return false;
        if (page.After is null) return true;
        if (Cursor.Decode(page.After, order.Signature, [order.Keys[0].Selector.ReturnType]) is not [long value]) return false;
        after = value;
        return true;
    }

    private static bool IsWholeTable<T>(IQueryable<T> query) =>
        query.Expression is MethodCallExpression { Method.Name: nameof(EntityFrameworkQueryableExtensions.AsNoTracking), Arguments: [EntityQueryRootExpression root] }
        && root.ElementType == typeof(T);

    private static Compiled Compile<T>(Ordering<T> order, Expression<Func<T, T>> projection)
        where T : class
    {
        var column = KeyComparisons.WithoutWidening(order.Keys[0].Selector);
        return (Compiled)typeof(CompiledPages).GetMethod(nameof(CompileFor), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(typeof(T), column.ReturnType).Invoke(null, [order.Keys[0].Selector, column, projection])!;
    }

    private static Compiled CompileFor<T, TColumn>(LambdaExpression key, Expression<Func<T, TColumn>> column, Expression<Func<T, T>> projection)
        where T : class
        where TColumn : struct
    {
        var db = Expression.Parameter(typeof(DbContext), "db");
        var after = Expression.Parameter(typeof(TColumn), "after");
        var take = Expression.Parameter(typeof(int), "take");
        var table = Expression.Call(db, typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(typeof(T)));
        Expression rows = GenericCalls.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.AsNoTracking), [typeof(T)], table);
        var later = GenericCalls.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(T)], rows,
            Expression.Quote(Expression.Lambda<Func<T, bool>>(Expression.GreaterThan(column.Body, after), column.Parameters)));
        Expression Page(Expression source) =>
            GenericCalls.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(T), typeof(T)],
                GenericCalls.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)],
                    GenericCalls.Call(typeof(Queryable), nameof(Queryable.OrderBy), [typeof(T), typeof(TColumn)], source, Expression.Quote(column)), take),
                Expression.Quote(projection));
        var first = EF.CompileAsyncQuery(Expression.Lambda<Func<DbContext, int, IQueryable<T>>>(Page(rows), db, take));
        var next = EF.CompileAsyncQuery(Expression.Lambda<Func<DbContext, TColumn, int, IQueryable<T>>>(Page(later), db, after, take));
        return new Compiled<T, TColumn>(key, first, next);
    }

    /// <param name="key">The key the pages were compiled for: a projection could serve two connections of one type with different keys.</param>
    private abstract class Compiled(LambdaExpression key)
    {
        public bool IsFor(LambdaExpression other) => KeyComparisons.SameKey(key, other);

        public abstract IAsyncEnumerable<T> Read<T>(DbContext db, long? after, int take);
    }

    private sealed class Compiled<TRow, TColumn>(LambdaExpression key, Func<DbContext, int, IAsyncEnumerable<TRow>> first,
        Func<DbContext, TColumn, int, IAsyncEnumerable<TRow>> next)
        : Compiled(key)
        where TColumn : struct
    {
        public override IAsyncEnumerable<T> Read<T>(DbContext db, long? after, int take) =>
            (IAsyncEnumerable<T>)(after is { } key
                ? next(db, (TColumn)System.Convert.ChangeType(key, typeof(TColumn), System.Globalization.CultureInfo.InvariantCulture), take)
                : first(db, take));
    }
}
