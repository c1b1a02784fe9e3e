using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace PartnershipAtlas.Api.Querying;

/// <summary>
/// An <see cref="Ordering{T}"/> applied to rows held in memory, in exactly the order the store sorts them: nulls first
/// (last when descending), text by code point (SQLite's bytes of UTF-8, PostgreSQL's <c>C</c> collations), enums by
/// their stored name, false before true. Made once per order (by its signature) and shared.
/// </summary>
public sealed class HeldOrder<T>
{
    private readonly Comparison<T>[] keys;
    private readonly Func<T, object?, int>[] toValues;

    private HeldOrder(Comparison<T>[] keys, Func<T, object?, int>[] toValues) => (this.keys, this.toValues) = (keys, toValues);

    private static readonly ConcurrentDictionary<string, HeldOrder<T>?> Made = new();

    /// <summary>
    /// The order in memory, or null when a key cannot be sorted there as the store sorts it: a key through a related
    /// row, a type the store keeps in another form (decimals, ids, times with offsets), or text when the store's text
    /// order is not by code point (<paramref name="textByCodePoint"/>).
    /// </summary>
    public static HeldOrder<T>? Of(Ordering<T> order, bool textByCodePoint)
    {
        if (order.Includes.Count > 0) return null;
        var key = order.Signature + (textByCodePoint ? "" : "|text by collation");
        if (Made.TryGetValue(key, out var made)) return made;
        return Made.Count >= MaxOrders ? null : Made.GetOrAdd(key, static (_, at) => Make(at.order, at.textByCodePoint), (order, textByCodePoint));
    }

    /// <summary>The most orders kept made (each compiles its keys); an order past that is sorted by the store.</summary>
    public const int MaxOrders = 500;

    /// <summary>Rows in the order: each key in turn, the unique key last.</summary>
    public int Compare(T x, T y)
    {
        foreach (var key in keys)
        {
            if (key(x, y) is var compared and not 0) return compared;
        }
        return 0;
    }

    /// <summary>A row against the key values a cursor carries (<see cref="Ordering{T}.ValuesOf"/>): below 0 when the row comes before them.</summary>
    public int Compare(T row, object?[] values)
    {
        for (var i = 0; i < toValues.Length; i++)
        {
            if (toValues[i](row, values[i]) is var compared and not 0) return compared;
        }
        return 0;
    }

    private static HeldOrder<T>? Make(Ordering<T> order, bool textByCodePoint)
    {
        var keys = new List<Comparison<T>>();
        var toValues = new List<Func<T, object?, int>>();
        foreach (var key in order.Keys)
        {
            var column = KeyComparisons.WithoutWidening(key.Selector);
            if (column.Body is not MemberExpression { Expression: ParameterExpression } || !HeldValueOrder.Sorts(key.ValueType, textByCodePoint)) return null;
            var made = (ValueTuple<Comparison<T>, Func<T, object?, int>>)typeof(HeldOrder<T>).GetMethod(nameof(Key), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(key.ValueType).Invoke(null, [key.Selector, key.Descending])!;
            keys.Add(made.Item1);
            toValues.Add(made.Item2);
        }
        return new HeldOrder<T>([.. keys], [.. toValues]);
    }

    /// <summary>One key's comparison of two rows, and of a row with a cursor's value (read as the key's type).</summary>
    private static (Comparison<T>, Func<T, object?, int>) Key<TKey>(LambdaExpression selector, bool descending)
    {
        var read = ((Expression<Func<T, TKey>>)selector).Compile();
        var compare = HeldValueOrder.Of<TKey>();
        return descending
            ? ((x, y) => compare(read(y), read(x)), (row, value) => compare((TKey)value!, read(row)))
            : ((x, y) => compare(read(x), read(y)), (row, value) => compare(read(row), (TKey)value!));
    }
}

/// <summary>How the store orders one value type, in memory (see <see cref="HeldOrder{T}"/>).</summary>
public static class HeldValueOrder
{
    private static readonly HashSet<Type> ByValue =
        [typeof(int), typeof(long), typeof(short), typeof(byte), typeof(double), typeof(float), typeof(bool), typeof(DateOnly)];

    /// <summary>Whether values of this type sort in memory as the store sorts them.</summary>
    public static bool Sorts(Type type, bool textByCodePoint)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) ? textByCodePoint : ByValue.Contains(underlying) || underlying.IsEnum;
    }

    /// <summary>The comparison of one type's values (one of those <see cref="Sorts"/> accepts), nulls first.</summary>
    public static Comparison<TValue> Of<TValue>() => Comparisons<TValue>.Compare;

    private static class Comparisons<TValue>
    {
        public static readonly Comparison<TValue> Compare = Make();

        private static Comparison<TValue> Make()
        {
            var type = typeof(TValue);
            if (type == typeof(string)) return (Comparison<TValue>)(object)new Comparison<string?>(CodePoints);
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (!underlying.IsEnum) return Comparer<TValue>.Default.Compare; // nulls first for Nullable<T>, false before true
            var rank = Enum.GetValues(underlying).Cast<object>().OrderBy(v => v.ToString(), StringComparer.Ordinal)
                .Select((value, at) => (value, at)).ToDictionary(v => v.value, v => v.at);
            return (x, y) => (x, y) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                _ => rank[x].CompareTo(rank[y]),
            };
        }
    }

    /// <summary>Text by code point, nulls first: UTF-16 order but for surrogates, which stand for code points above every other unit.</summary>
    public static int CodePoints(string? x, string? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        var at = x.AsSpan().CommonPrefixLength(y);
        if (at == x.Length || at == y.Length) return x.Length.CompareTo(y.Length);
        var (a, b) = (x[at], y[at]);
        return char.IsSurrogate(a) == char.IsSurrogate(b) ? a.CompareTo(b) : char.IsSurrogate(a) ? 1 : -1;
    }
}
