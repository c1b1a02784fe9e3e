using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PartnershipAtlas.Api.Querying;

/// <summary>
/// Writes a root connection's <c>{ list: { some: … } }</c> conditions as <c>key IN (SELECT foreign key …)</c> instead
/// of a correlated <c>EXISTS</c>, where that cannot cost much more and usually costs far less.
/// </summary>
/// <remarks>
/// SQLite runs an <c>EXISTS</c> once for every row that reaches it (about a microsecond each), but builds the
/// <c>IN</c> set once, from every row of the inner table that matches (a third of that each). On the default data, 540
/// primary schools with over 200 pupils in a diocese, sorted by LA name: 0.8 ms as <c>EXISTS</c>, 0.17 ms as <c>IN</c>.
/// The rewrite is made only when the statement must read every row of the table anyway, so the set's cost is bounded
/// by the tables' sizes: the order is the client's (every matching row is read, then sorted; in the default key order
/// a page can stop after its first rows), and no other condition at the top of the filter is on a column that leads an
/// index (which would let the statement read only a few rows, for which a few <c>EXISTS</c> cost less than any set).
/// The conditions rewritten sit at the top of the filter, joined by <c>and</c>, where a null from <c>IN</c> and a
/// false from <c>EXISTS</c> exclude a row alike. PostgreSQL plans both forms as the same semi-join.
/// </remarks>
public static class SemiJoins
{
    public static Expression<Func<T, bool>> Rewrite<T>(Expression<Func<T, bool>> where, bool clientOrder, DbContext db)
    {
        if (!clientOrder || db.Model.FindEntityType(typeof(T)) is not { } entity) return where;
        var row = where.Parameters[0];
        var conditions = IndexedColumns.Conjuncts(where.Body).ToList();
        var rewritten = conditions.Select(c => AsIn(c, row, entity, db)).ToList();
        if (rewritten.SequenceEqual(conditions)) return where;
        var indexed = IndexedColumns.Of(entity);
        if (conditions.Where((c, i) => rewritten[i] == c).Any(c => IndexedColumns.Reads(c, row, indexed))) return where;
        return Expression.Lambda<Func<T, bool>>(rewritten.Aggregate(Expression.AndAlso), row);
    }

    /// <summary>
    /// <c>row.List.Any(predicate)</c> over a collection navigation with a one-column foreign key to the row's one-column
    /// key, as <c>Set&lt;Item&gt;().Where(predicate).Select(item => (key?)item.ForeignKey).Contains((key?)row.Key)</c>;
    /// anything else unchanged.
    /// </summary>
    private static Expression AsIn(Expression condition, ParameterExpression row, IEntityType entity, DbContext db)
    {
        if (condition is not MethodCallExpression { Method.Name: nameof(Enumerable.Any), Arguments: [MemberExpression list, LambdaExpression predicate] } call
            || call.Method.DeclaringType != typeof(Enumerable) || list.Expression != row
            || entity.FindNavigation(list.Member.Name) is not { IsCollection: true } navigation
            || navigation.ForeignKey is not { Properties: [var foreignKey], PrincipalKey.Properties: [var key] }
            || foreignKey.PropertyInfo is null || key.PropertyInfo is null)
        {
            return condition;
        }
        var itemType = navigation.TargetEntityType.ClrType;
        var keyType = typeof(Nullable<>).MakeGenericType(Nullable.GetUnderlyingType(key.ClrType) ?? key.ClrType);
        var items = ((IQueryable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(itemType).Invoke(db, null)!).Expression;
        var item = Expression.Parameter(itemType, "item");
        var foreignKeys = GenericCalls.Call(typeof(Queryable), nameof(Queryable.Select), [itemType, keyType],
            GenericCalls.Call(typeof(Queryable), nameof(Queryable.Where), [itemType], items, Expression.Quote(predicate)),
            Expression.Quote(Expression.Lambda(Expression.Convert(Expression.Property(item, foreignKey.PropertyInfo), keyType), item)));
        return GenericCalls.Call(typeof(Queryable), nameof(Queryable.Contains), [keyType], foreignKeys, Expression.Convert(Expression.Property(row, key.PropertyInfo), keyType));
    }
}
