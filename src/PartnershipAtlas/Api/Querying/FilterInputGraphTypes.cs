using GraphQL.Types;

namespace PartnershipAtlas.Api.Querying;

/// <summary>
/// <c>XFilterInput</c> generated from entity <typeparamref name="T"/> by reflection, in HotChocolate's shape:
/// <c>and or not</c>, an operation input per scalar, <c>YFilterInput</c> per related entity and
/// <c>ListFilterInputTypeOfYFilterInput</c> per collection.
/// </summary>
public sealed class FilterInputGraphType<T> : InputObjectGraphType
{
    public FilterInputGraphType()
    {
        Name = typeof(T).Name + "FilterInput";
        Description = $"Conditions on {typeof(T).Name} values; all given conditions must hold.";
        AddField(new FieldType { Name = "and", Type = typeof(ListGraphType<NonNullGraphType<FilterInputGraphType<T>>>), Description = "Every one of these conditions holds." });
        AddField(new FieldType { Name = "or", Type = typeof(ListGraphType<NonNullGraphType<FilterInputGraphType<T>>>), Description = "At least one of these conditions holds." });
        AddField(new FieldType { Name = "not", Type = typeof(FilterInputGraphType<T>), Description = "This condition does not hold." });
        foreach (var member in EntityShape.Of(typeof(T)))
        {
            var type = member.Kind switch
            {
                MemberKind.Scalar => typeof(OperationFilterInputGraphType<>).MakeGenericType(OperationFilterInputGraphType.KeyType(member.ValueType)),
                MemberKind.Object => typeof(FilterInputGraphType<>).MakeGenericType(member.ValueType),
                _ => typeof(ListFilterInputGraphType<>).MakeGenericType(member.ValueType),
            };
            AddField(new FieldType { Name = member.Name, Type = type, Description = $"Conditions on {member.Name}." });
        }
    }
}

/// <summary><c>ListFilterInputTypeOfYFilterInput</c>: conditions on a collection of related entities.</summary>
public sealed class ListFilterInputGraphType<T> : InputObjectGraphType
{
    public ListFilterInputGraphType()
    {
        Name = $"ListFilterInputTypeOf{typeof(T).Name}FilterInput";
        Description = $"Conditions on a list of {typeof(T).Name} values.";
        AddField(new FieldType { Name = "all", Type = typeof(FilterInputGraphType<T>), Description = "Every element matches." });
        AddField(new FieldType { Name = "none", Type = typeof(FilterInputGraphType<T>), Description = "No element matches." });
        AddField(new FieldType { Name = "some", Type = typeof(FilterInputGraphType<T>), Description = "At least one element matches." });
        AddField(new FieldType { Name = "any", Type = typeof(BooleanGraphType), Description = "true: the list has elements; false: it is empty." });
    }
}

/// <summary>Names and keys of the operation inputs.</summary>
public static class OperationFilterInputGraphType
{
    /// <summary>The type an operation input is generated for: the value type without <c>?</c>, except for enums (HotChocolate's NullableOf…).</summary>
    public static Type KeyType(Type valueType) =>
        Nullable.GetUnderlyingType(valueType) is { IsEnum: false } underlying ? underlying : valueType;

    public static string ScalarName(Type type) => type switch
    {
        _ when type == typeof(int) => "Int",
        _ when type == typeof(long) => "Long",
        _ when type == typeof(short) => "Short",
        _ when type == typeof(byte) => "Byte",
        _ when type == typeof(double) || type == typeof(float) => "Float",
        _ when type == typeof(decimal) => "Decimal",
        _ when type == typeof(DateOnly) => "Date",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "DateTime",
        _ when type == typeof(Guid) => "Uuid",
        _ when type == typeof(bool) => "Boolean",
        _ when type == typeof(string) => "String",
        _ => type.Name,
    };
}

/// <summary>
/// The operations on one scalar type: <c>StringOperationFilterInput</c>, <c>BooleanOperationFilterInput</c>,
/// <c>EOperationFilterInput</c> for an enum, and <c>IntOperationFilterInput</c> etc. for comparable values.
/// </summary>
public sealed class OperationFilterInputGraphType<TValue> : InputObjectGraphType
{
    public OperationFilterInputGraphType()
    {
        var nullableEnum = Nullable.GetUnderlyingType(typeof(TValue)) is { IsEnum: true };
        var valueType = Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
        var scalar = typeof(GraphQLClrInputTypeReference<>).MakeGenericType(valueType);
        var name = OperationFilterInputGraphType.ScalarName(valueType);
        Name = (nullableEnum ? "NullableOf" : "") + name + "OperationFilterInput";
        Description = $"Operations on {name} values.";

        if (typeof(TValue) == typeof(string))
        {
            AddField(new FieldType { Name = "and", Type = typeof(ListGraphType<NonNullGraphType<OperationFilterInputGraphType<string>>>), Description = "Every one of these conditions holds." });
            AddField(new FieldType { Name = "or", Type = typeof(ListGraphType<NonNullGraphType<OperationFilterInputGraphType<string>>>), Description = "At least one of these conditions holds." });
        }
        Operation("eq", scalar, "Equal to the value (null: has no value).");
        Operation("neq", scalar, "Not equal to the value (null: has a value).");
        if (typeof(TValue) == typeof(bool)) return;

        var element = valueType.IsEnum && !nullableEnum ? typeof(NonNullGraphType<>).MakeGenericType(scalar) : scalar;
        var list = typeof(ListGraphType<>).MakeGenericType(element);
        var isString = typeof(TValue) == typeof(string);
        if (isString) Text("contains", "Contains");
        Operation("in", list, "One of the values.");
        Operation("nin", list, "None of the values.");
        if (isString)
        {
            Text("startsWith", "Starts with");
            Text("endsWith", "Ends with");
        }
        if (typeof(TValue) == typeof(string) || valueType.IsEnum || !Ordering.IsComparable(valueType)) return;

        foreach (var (op, text) in new[] { ("gt", "Greater than"), ("gte", "Greater than or equal to"), ("lt", "Less than"), ("lte", "Less than or equal to") })
        {
            Operation(op, scalar, $"{text} the value.");
            Operation("n" + op, scalar, $"Not {text.ToLowerInvariant()} the value.");
        }
    }

    private void Text(string name, string text)
    {
        var type = typeof(StringGraphType);
        Operation(name, type, $"{text} the text.");
        Operation("n" + name, type, $"Does not {text.ToLowerInvariant()} the text.");
    }

    private void Operation(string name, Type type, string description) =>
        AddField(new FieldType { Name = name, Type = type, Description = description });
}
