using GraphQL.Types;

namespace PartnershipAtlas.Api.Querying;

/// <summary>A sort direction.</summary>
public enum SortDirection
{
    Asc,
    Desc,
}

/// <summary>HotChocolate's <c>SortEnumType { ASC DESC }</c>.</summary>
public sealed class SortEnumGraphType : EnumerationGraphType<SortDirection>
{
    public SortEnumGraphType()
    {
        Name = "SortEnumType";
        Description = "The direction of a sort key: ASC (smallest first; nulls first) or DESC (largest first; nulls last).";
    }
}

/// <summary>
/// <c>XSortInput</c> for entity <typeparamref name="T"/>, from its <see cref="QueryFields{T}"/> declaration: a
/// <c>SortEnumType</c> per value (enums sort by their name), a nested <c>YSortInput</c> per related entity. Lists and
/// ids are not sortable (the unique key is always the last key).
/// </summary>
public sealed class SortInputGraphType<T> : InputObjectGraphType
{
    public SortInputGraphType()
    {
        Name = typeof(T).Name + "SortInput";
        Description = $"Sort keys of {typeof(T).Name}: give one field per list element, in order of precedence.";
        foreach (var member in QueryFieldDeclarations.Of(typeof(T)).Where(QueryScalars.IsSortable))
        {
            var type = member.Kind == MemberKind.Scalar ? typeof(SortEnumGraphType) : typeof(SortInputGraphType<>).MakeGenericType(member.ValueType);
            AddField(new FieldType { Name = member.Name, Type = type, Description = $"Sort by {member.Name}." });
        }
    }
}
