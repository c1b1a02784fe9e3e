using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace PartnershipAtlas.Api.Querying;

/// <summary>
/// Which columns each of a type's fields reads, declared by the type's feature, so that a page whose nodes ask for
/// declared fields only reads those columns (and its sort keys) instead of the whole row: a projection per selection,
/// built once per shape. Reading a column costs about as much as the rest of a row's way to the answer: a page of 20
/// schools asking for <c>urn name</c> reads 2 columns of 20.
/// </summary>
/// <param name="ColumnsOf">Each field answered from columns of the row, with the properties it reads (none for a field loaded by the key).</param>
/// <param name="Always">The properties every read keeps: the key, and the required members of <typeparamref name="T"/>.</param>
public sealed record NarrowRead<T>(IReadOnlyDictionary<string, string[]> ColumnsOf, IReadOnlyList<string> Always)
{
    private const int MaxShapes = 256;

    private readonly ConcurrentDictionary<string, Expression<Func<T, T>>?> byShape = new();

    /// <summary>
    /// The projection of a page in this order whose nodes select <paramref name="fields"/>: their columns, the ones always
    /// read and every sort key; null when a field is not declared or a key is not a column of the row itself.
    /// </summary>
    public Expression<Func<T, T>>? Projection(Ordering<T> order, IReadOnlySet<string> fields)
    {
        if (!fields.All(ColumnsOf.ContainsKey)) return null;
        var columns = fields.SelectMany(f => ColumnsOf[f]).Concat(Always).Distinct().Order(StringComparer.Ordinal).ToList();
        if (byShape.Count > MaxShapes) byShape.Clear();
        return byShape.GetOrAdd(order.Signature + "|" + string.Join(",", columns), _ => Build(order, columns));
    }

    private static Expression<Func<T, T>>? Build(Ordering<T> order, List<string> columns)
    {
        if (order.Includes.Count > 0) return null;
        var row = Expression.Parameter(typeof(T), "row");
        var members = columns.Select(name => (MemberInfo)(typeof(T).GetProperty(name) ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {name}."))).ToList();
        foreach (var key in order.Keys)
        {
            var body = key.Selector.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : key.Selector.Body;
            if (body is MemberExpression { Member: PropertyInfo property, Expression: ParameterExpression }) members.Add(property);
            else return null;
        }
        var bindings = members.Distinct().Select(m => Expression.Bind(m, Expression.MakeMemberAccess(row, m)));
        return Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), row);
    }
}
