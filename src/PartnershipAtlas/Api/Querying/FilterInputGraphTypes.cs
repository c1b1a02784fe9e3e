using GraphQL.Types;

namespace PartnershipAtlas.Api.Querying;

/// <summary>
/// <c>XFilterInput</c> for entity <typeparamref name="T"/>, made from its <see cref="QueryFields{T}"/> declaration in
/// HotChocolate's shape: <c>and or not</c>, an operation input per value, <c>IdOperationFilterInput</c> for the public id,
/// <c>YFilterInput</c> per related entity and <c>ListFilterInputTypeOfYFilterInput</c> per collection.
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
        foreach (var member in QueryFieldDeclarations.Of(typeof(T)))
        {
            var type = member.Kind switch
            {
                MemberKind.Scalar => typeof(OperationFilterInputGraphType<>).MakeGenericType(OperationFilterInputNames.KeyType(member.ValueType)),
                MemberKind.Id => typeof(IdOperationFilterInputGraphType),
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

/// <summary>HotChocolate's <c>IdOperationFilterInput</c>: conditions on a public <c>ID</c> (the global id the object type shows).</summary>
public sealed class IdOperationFilterInputGraphType : InputObjectGraphType
{
    public IdOperationFilterInputGraphType()
    {
        Name = "IdOperationFilterInput";
        Description = "Operations on ID values: the ids the object types show.";
        AddField(new FieldType { Name = "eq", Type = typeof(IdGraphType), Description = "Equal to the id." });
        AddField(new FieldType { Name = "neq", Type = typeof(IdGraphType), Description = "Not equal to the id." });
        AddField(new FieldType { Name = "in", Type = typeof(ListGraphType<IdGraphType>), Description = "One of the ids." });
        AddField(new FieldType { Name = "nin", Type = typeof(ListGraphType<IdGraphType>), Description = "None of the ids." });
    }
}
