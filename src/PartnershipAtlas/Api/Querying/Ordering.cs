using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL;

namespace PartnershipAtlas.Api.Querying;

/// <summary>One sort key: how to read it in SQL and in memory, and its direction.</summary>
public sealed record SortKey(string Name, LambdaExpression Selector, Func<object, object?> Read, bool Descending)
{
    /// <summary>The name of the unique key that ends every order.</summary>
    public const string Tiebreaker = "#";

    /// <summary>The signature of the default order: the unique key alone, ascending.</summary>
    public const string KeyOnly = Tiebreaker + ":ASC";

    public Type ValueType => Selector.ReturnType;
}

/// <summary>
/// The order of a connection: the client's <c>order:</c> keys, then a unique tiebreaker, so the order is total and a
/// keyset cursor (the key values of a row) says exactly where a page starts, even after rows are inserted.
/// </summary>
public sealed class Ordering<T>
{
    private Ordering(IReadOnlyList<SortKey> keys, IReadOnlyList<string> includes)
    {
        Keys = keys;
        Includes = includes;
        Signature = string.Join(",", keys.Select(k => k.Name + (k.Descending ? ":DESC" : ":ASC")));
    }

    /// <summary>The client's keys followed by the tiebreaker.</summary>
    public IReadOnlyList<SortKey> Keys { get; }

    /// <summary>Whether the client gave no keys (the tiebreaker alone orders the rows).</summary>
    public bool IsDefault => Keys.Count == 1;

    /// <summary>Navigations the keys go through, to load with the rows (so cursors can be read from them).</summary>
    public IReadOnlyList<string> Includes { get; }

    /// <summary>Names the keys and directions; a cursor made under another order is refused.</summary>
    public string Signature { get; }

    /// <summary>The most sort keys one order may have (more would overflow EF Core's translator's stack, and no one needs them).</summary>
    public const int MaxKeys = 10;

    /// <summary>Compiled tiebreakers by their text: compiling an expression per request would cost more than the query.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<T, long>> Tiebreakers = new();

    /// <summary>Reads an <c>order: [XSortInput!]</c> argument (null or empty: the tiebreaker alone).</summary>
    public static Ordering<T> From(object? order, Expression<Func<T, long>> tiebreaker)
    {
        var keys = new List<SortKey>();
        var includes = new List<string>();
        foreach (var item in order as IEnumerable ?? Array.Empty<object>())
        {
            if (item is IDictionary<string, object?> input) Collect(typeof(T), input, [], keys, includes);
        }
        if (keys.Count > MaxKeys)
        {
            throw AtlasErrors.Coded($"At most {MaxKeys} sort keys may be given; this order has {keys.Count}.", "SORT_TOO_MANY_KEYS",
                new Dictionary<string, object?> { ["maxKeys"] = MaxKeys, ["keys"] = keys.Count });
        }
        var read = Tiebreakers.GetOrAdd(tiebreaker.ToString(), _ => tiebreaker.Compile());
        keys.Add(new SortKey(SortKey.Tiebreaker, tiebreaker, row => read((T)row), false));
        return new Ordering<T>(keys, includes.Distinct().ToList());
    }

    private static void Collect(Type type, IDictionary<string, object?> input, List<PropertyInfo> path, List<SortKey> keys, List<string> includes)
    {
        foreach (var (name, value) in input)
        {
            if (value is null) continue;
            var member = QueryFieldDeclarations.Find(type, name) is { } found && QueryScalars.IsSortable(found) ? found
                : throw new ExecutionError($"'{name}' cannot be sorted on {type.Name}.");
            List<PropertyInfo> here = [.. path, member.Property];
            if (value is IDictionary<string, object?> nested)
            {
                includes.Add(string.Join(".", here.Select(p => p.Name)));
                Collect(member.ValueType, nested, here, keys, includes);
                continue;
            }
            keys.Add(Key(here, (SortDirection)value == SortDirection.Desc));
        }
    }

    private static SortKey Key(IReadOnlyList<PropertyInfo> path, bool descending)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var body = path.Aggregate((Expression)parameter, Expression.Property);
        object? Read(object row) => path.Aggregate((object?)row, (value, property) => value is null ? null : property.GetValue(value));
        return new SortKey(string.Join(".", path.Select(p => p.Name)), Expression.Lambda(body, parameter), Read, descending);
    }

    /// <summary>The query ordered by the keys (reversed for a backward page).</summary>
    public IQueryable<T> Apply(IQueryable<T> query, bool backward, bool thenBy = false) =>
        query.Provider.CreateQuery<T>(Apply(query.Expression, backward, typeof(Queryable), quote: true, thenBy));

    /// <summary>
    /// OrderBy/ThenBy calls over a sequence expression: <see cref="Queryable"/> for a query, <see cref="Enumerable"/>
    /// inside a lambda (a window of children per parent).
    /// </summary>
    public Expression Apply(Expression source, bool backward, Type methods, bool quote, bool thenBy = false)
    {
        var first = !thenBy;
        foreach (var key in Keys)
        {
            var descending = key.Descending != backward;
            var selector = KeyComparisons.WithoutWidening(key.Selector);
            if (NullsFirst(selector) is { } nulls) source = By(source, nulls, descending);
            source = By(source, selector, descending);
        }
        return source;

        Expression By(Expression sequence, LambdaExpression selector, bool descending)
        {
            var method = (first ? "OrderBy" : "ThenBy") + (descending ? "Descending" : "");
            first = false;
            return GenericCalls.Call(methods, method, [typeof(T), selector.ReturnType], sequence, quote ? Expression.Quote(selector) : selector);
        }
    }

    /// <summary>
    /// For a key that can be null, a key before it that puts nulls first (last when descending), as SQLite does and
    /// <see cref="Seek"/> assumes; PostgreSQL alone would put them last.
    /// </summary>
    private static LambdaExpression? NullsFirst(LambdaExpression selector)
    {
        var type = selector.ReturnType;
        if (type.IsValueType && Nullable.GetUnderlyingType(type) is null) return null;
        var isNull = Expression.Equal(selector.Body, Expression.Constant(null, type));
        return Expression.Lambda(Expression.Condition(isNull, Expression.Constant(0), Expression.Constant(1)), selector.Parameters);
    }

    /// <summary>The values of every key of a row (what its cursor carries), the tiebreaker last.</summary>
    public object?[] ValuesOf(T row) => Keys.Select(k => k.Read(row!)).ToArray();

    /// <summary>
    /// Rows strictly after (or before) a cursor's values in this order: (k1 beyond v1) or (k1 = v1 and k2 beyond v2) or …,
    /// with nulls sorting first as SQLite does.
    /// </summary>
    public Expression<Func<T, bool>> Seek(object?[] values, bool after)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var bodies = Keys.Select(k => new ParameterSwap(k.Selector.Parameters[0], parameter).Visit(k.Selector.Body)).ToList();
        Expression? any = null;
        for (var i = 0; i < Keys.Count; i++)
        {
            var greater = Keys[i].Descending != after;
            Expression condition = KeyComparisons.Beyond(bodies[i], values[i], greater);
            for (var j = i - 1; j >= 0; j--) condition = Expression.AndAlso(KeyComparisons.Equal(bodies[j], values[j]), condition);
            any = any is null ? condition : Expression.OrElse(any, condition);
        }
        return Expression.Lambda<Func<T, bool>>(any!, parameter);
    }

}
