using System.Linq.Expressions;

namespace PartnershipAtlas.Api.Querying;

/// <summary>
/// Comparisons of a sort key with a cursor value, in the order SQLite sorts: nulls first, text by bytes, enums by their
/// stored name, false before true.
/// </summary>
public static class KeyComparisons
{
    private static readonly System.Reflection.MethodInfo CompareStrings = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static Expression Equal(Expression key, object? value) => value is null
        ? QueryValues.CanBeNull(key.Type) ? Expression.Equal(key, Expression.Constant(null, key.Type)) : Expression.Constant(false)
        : Expression.Equal(key, QueryValues.Parameter(value, key.Type));

    /// <summary>The key sorts after the value (<paramref name="greater"/>) or before it.</summary>
    public static Expression Beyond(Expression key, object? value, bool greater)
    {
        var nullable = QueryValues.CanBeNull(key.Type);
        if (value is null) return greater && nullable ? Expression.NotEqual(key, Expression.Constant(null, key.Type)) : Expression.Constant(false);
        var strict = Strictly(key, value, greater);
        return !greater && nullable ? Expression.OrElse(Expression.Equal(key, Expression.Constant(null, key.Type)), strict) : strict;
    }

    private static Expression Strictly(Expression key, object value, bool greater)
    {
        var type = Nullable.GetUnderlyingType(key.Type) ?? key.Type;
        if (type == typeof(string))
        {
            var compare = Expression.Call(CompareStrings, key, QueryValues.Parameter(value, typeof(string)));
            return greater ? Expression.GreaterThan(compare, Expression.Constant(0)) : Expression.LessThan(compare, Expression.Constant(0));
        }
        if (type.IsEnum || type == typeof(bool))
        {
            var ordered = Ordered(type);
            var position = ordered.IndexOf(QueryValues.Convert(value, type)!);
            var beyond = greater ? ordered.Skip(position + 1) : ordered.Take(Math.Max(position, 0));
            return GenericCalls.Call(typeof(Enumerable), nameof(Enumerable.Contains), [key.Type], QueryValues.ListParameter(beyond.ToList(), key.Type, "seek"), key);
        }
        return Expression.MakeBinary(greater ? ExpressionType.GreaterThan : ExpressionType.LessThan, key, QueryValues.Parameter(value, key.Type));
    }

    /// <summary>Enum values in the order of their stored names (the store keeps enums as text); false, true.</summary>
    private static List<object> Ordered(Type type) => type == typeof(bool)
        ? [false, true]
        : Enum.GetValues(type).Cast<object>().OrderBy(v => v.ToString(), StringComparer.Ordinal).ToList();

    /// <summary>A key selector without the widening conversion (<c>x => (long)x.Urn</c> becomes <c>x => x.Urn</c>): SQL then sorts and seeks on the indexed column instead of a CAST.</summary>
    public static LambdaExpression WithoutWidening(LambdaExpression key) =>
        key.Body is UnaryExpression { NodeType: ExpressionType.Convert, Operand: var column } && IsInteger(column.Type) && IsInteger(key.Body.Type)
            ? Expression.Lambda(column, key.Parameters)
            : key;

    private static bool IsInteger(Type type) => type == typeof(int) || type == typeof(long) || type == typeof(short);

    /// <summary>
    /// Whether two key selectors are the same key: the same object (a connection's key is made once) or, for a key built
    /// again elsewhere, the same text (what compiled and held pages check before answering a connection).
    /// </summary>
    public static bool SameKey(LambdaExpression key, LambdaExpression other) => ReferenceEquals(key, other) || key.ToString() == other.ToString();
}
