using System.Collections;
using System.Globalization;
using System.Linq.Expressions;

namespace PartnershipAtlas.Api.Querying;

/// <summary>
/// Values from arguments as expression-tree parameters: a boxed value is read through a member access, so EF Core
/// sends it as a SQL parameter (one cached plan per query shape, not per value).
/// </summary>
public static class QueryValues
{
    public const int MaxListValues = 1000;

    public static Expression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), Convert(value, type))!;
        return Expression.Property(Expression.Constant(box), "Value");
    }

    /// <summary>A typed list parameter (for <c>in</c>), at most <see cref="MaxListValues"/> values.</summary>
    public static Expression ListParameter(IEnumerable values, Type elementType, string operation)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        var canBeNull = !elementType.IsValueType || Nullable.GetUnderlyingType(elementType) is not null;
        foreach (var value in values)
        {
            if (value is null && !canBeNull) continue;
            list.Add(Convert(value, elementType));
        }
        if (list.Count > MaxListValues)
        {
            throw AtlasErrors.Coded($"'{operation}' takes at most {MaxListValues} values.", "FILTER_LIST_TOO_LONG",
                new Dictionary<string, object?> { ["maxValues"] = MaxListValues, ["values"] = list.Count });
        }
        return SingleParameter(Expression.Property(Expression.Constant(Activator.CreateInstance(typeof(Box<>).MakeGenericType(list.GetType()), list)!), "Value"));
    }

    /// <summary>
    /// A list sent as one SQL parameter (<c>EF.Parameter</c>: json_each on SQLite, an array on PostgreSQL) instead of one
    /// parameter per value: EF Core cannot cache the SQL of a statement with a parameter per value, so it would
    /// regenerate it for every request.
    /// </summary>
    public static Expression SingleParameter(Expression list) =>
        GenericCalls.Call(typeof(Microsoft.EntityFrameworkCore.EF), nameof(Microsoft.EntityFrameworkCore.EF.Parameter), [list.Type], list);

    public static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    public static object? Convert(object? value, Type type)
    {
        if (value is null) return null;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsInstanceOfType(value)) return value;
        if (underlying.IsEnum) return value is string name ? Enum.Parse(underlying, name) : Enum.ToObject(underlying, value);
        if (underlying == typeof(DateTimeOffset) && value is DateTime dateTime) return new DateTimeOffset(dateTime);
        return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
    }
}

/// <summary>Holds one argument value for <see cref="QueryValues"/>.</summary>
public sealed class Box<T>(T value)
{
    public T Value { get; } = value;
}
