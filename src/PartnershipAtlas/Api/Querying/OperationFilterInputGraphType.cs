using GraphQL.Types;

namespace PartnershipAtlas.Api.Querying;

/// <summary>Names and keys of the operation inputs.</summary>
public static class OperationFilterInputNames
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
        var name = OperationFilterInputNames.ScalarName(valueType);
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
        if (typeof(TValue) == typeof(string) || valueType.IsEnum || !QueryScalars.IsComparable(valueType)) return;

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
