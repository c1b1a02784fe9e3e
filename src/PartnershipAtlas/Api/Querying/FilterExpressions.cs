using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL;

namespace PartnershipAtlas.Api.Querying;

/// <summary>
/// Turns a parsed <c>where:</c> argument (the dictionaries GraphQL.NET makes of a <see cref="FilterInputGraphType{T}"/>)
/// into an expression tree EF Core translates to SQL; nothing is evaluated in memory.
/// </summary>
public static class FilterExpressions
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;

    /// <summary>The most conditions one filter may hold: deeper expression trees would overflow EF Core's translator's stack.</summary>
    public const int MaxConditions = 100;

    public static Expression<Func<T, bool>>? Build<T>(IDictionary<string, object?>? where)
    {
        if (where is null || where.Count == 0) return null;
        if (Conditions(where) is var count && count > MaxConditions)
        {
            throw AtlasErrors.Coded($"A filter may hold at most {MaxConditions} conditions; this one holds {count}.", "FILTER_TOO_COMPLEX",
                new Dictionary<string, object?> { ["maxConditions"] = MaxConditions, ["conditions"] = count });
        }
        var parameter = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, bool>>(Entity(typeof(T), parameter, where), parameter);
    }

    private static Expression Entity(Type type, Expression instance, IDictionary<string, object?> where)
    {
        var conditions = new List<Expression>();
        foreach (var (name, value) in where)
        {
            if (value is null) continue;
            switch (name)
            {
                case "and":
                    conditions.Add(All(Dictionaries(value).Select(d => Entity(type, instance, d))));
                    break;
                case "or":
                    conditions.Add(Any(Dictionaries(value).Select(d => Entity(type, instance, d))));
                    break;
                case "not":
                    conditions.Add(Expression.Not(Entity(type, instance, (IDictionary<string, object?>)value)));
                    break;
                default:
                    var member = QueryFieldDeclarations.Find(type, name) ?? throw new ExecutionError($"'{name}' cannot be filtered on {type.Name}.");
                    var access = Expression.Property(instance, member.Property);
                    var inner = (IDictionary<string, object?>)value;
                    conditions.Add(member.Kind switch
                    {
                        MemberKind.Scalar => Operations(access, inner),
                        MemberKind.Id => Operations(access, PublicIds.Decode(member, inner)),
                        MemberKind.Object => Expression.AndAlso(Expression.NotEqual(access, Expression.Constant(null, access.Type)), Entity(member.ValueType, access, inner)),
                        _ => List(member.ValueType, access, inner),
                    });
                    break;
            }
        }
        return All(conditions);
    }

    private static Expression Operations(Expression access, IDictionary<string, object?> operations)
    {
        var conditions = new List<Expression>();
        foreach (var (operation, value) in operations)
        {
            conditions.Add(operation switch
            {
                "and" => All(Dictionaries(value).Select(d => Operations(access, d))),
                "or" => Any(Dictionaries(value).Select(d => Operations(access, d))),
                "eq" => IsEqual(access, value),
                "neq" => Expression.Not(IsEqual(access, value)),
                "in" => In(access, value, operation),
                "nin" => Expression.Not(In(access, value, operation)),
                "contains" or "startsWith" or "endsWith" => Text(access, operation, value),
                "ncontains" or "nstartsWith" or "nendsWith" => Expression.Not(Text(access, operation[1..], value)),
                "gt" or "gte" or "lt" or "lte" => Compare(access, operation, value),
                "ngt" or "ngte" or "nlt" or "nlte" => Expression.Not(Compare(access, operation[1..], value)),
                _ => throw new ExecutionError($"Unknown filter operation '{operation}'."),
            });
        }
        return All(conditions);
    }

    private static Expression IsEqual(Expression access, object? value) =>
        value is null && !QueryValues.CanBeNull(access.Type)
            ? Expression.Constant(false)
            : Expression.Equal(access, value is null ? Expression.Constant(null, access.Type) : QueryValues.Parameter(value, access.Type));

    private static Expression In(Expression access, object? values, string operation)
    {
        if (values is not IEnumerable list) return Expression.Constant(operation == "in" && values is null);
        return GenericCalls.Call(typeof(Enumerable), nameof(Enumerable.Contains), [access.Type], QueryValues.ListParameter(list, access.Type, operation), access);
    }

    private static Expression Text(Expression access, string operation, object? value)
    {
        if (value is not string text) throw new ExecutionError($"'{operation}' needs a text, not null.");
        var method = operation switch { "contains" => StringContains, "startsWith" => StringStartsWith, _ => StringEndsWith };
        return Expression.AndAlso(Expression.NotEqual(access, Expression.Constant(null, typeof(string))), Expression.Call(access, method, QueryValues.Parameter(text, typeof(string))));
    }

    private static Expression Compare(Expression access, string operation, object? value)
    {
        if (value is null) throw new ExecutionError($"'{operation}' needs a value, not null.");
        var comparison = operation switch
        {
            "gt" => ExpressionType.GreaterThan,
            "gte" => ExpressionType.GreaterThanOrEqual,
            "lt" => ExpressionType.LessThan,
            _ => ExpressionType.LessThanOrEqual,
        };
        return Expression.MakeBinary(comparison, access, QueryValues.Parameter(value, access.Type));
    }

    private static Expression List(Type elementType, Expression access, IDictionary<string, object?> where)
    {
        var conditions = new List<Expression>();
        foreach (var (operation, value) in where)
        {
            if (value is null) continue;
            if (operation == "any")
            {
                var any = GenericCalls.Call(typeof(Enumerable), nameof(Enumerable.Any), [elementType], access);
                conditions.Add((bool)value ? any : Expression.Not(any));
                continue;
            }
            var element = Expression.Parameter(elementType, "y");
            var predicate = Expression.Lambda(Entity(elementType, element, (IDictionary<string, object?>)value), element);
            var method = operation == "all" ? nameof(Enumerable.All) : nameof(Enumerable.Any);
            var call = GenericCalls.Call(typeof(Enumerable), method, [elementType], access, predicate);
            conditions.Add(operation == "none" ? Expression.Not(call) : call);
        }
        return All(conditions);
    }

    /// <summary>Counts the fields of every input object in the filter (each is a condition or a step into one).</summary>
    private static int Conditions(object? value) => value switch
    {
        IDictionary<string, object?> input => input.Count + input.Values.Sum(Conditions),
        IEnumerable items and not string => items.Cast<object?>().Sum(item => item is IDictionary<string, object?> ? Conditions(item) : 0),
        _ => 0,
    };

    private static IEnumerable<IDictionary<string, object?>> Dictionaries(object? value) =>
        value is IEnumerable items ? items.OfType<IDictionary<string, object?>>() : [];

    private static Expression All(IEnumerable<Expression> conditions) =>
        conditions.DefaultIfEmpty(Expression.Constant(true)).Aggregate(Expression.AndAlso);

    private static Expression Any(IEnumerable<Expression> conditions) =>
        conditions.DefaultIfEmpty(Expression.Constant(true)).Aggregate(Expression.OrElse);
}
