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
/// <c>XSortInput</c> generated from entity <typeparamref name="T"/> by reflection: a <c>SortEnumType</c> per scalar
/// (enums sort by their name), a nested <c>YSortInput</c> per related entity. Lists are not sortable.
/// </summary>
public sealed class SortInputGraphType<T> : InputObjectGraphType
{
    public SortInputGraphType()
    {
        Name = typeof(T).Name + "SortInput";
        Description = $"Sort keys of {typeof(T).Name}: give one field per list element, in order of precedence.";
        foreach (var member in EntityShape.Of(typeof(T)).Where(Ordering.IsSortable))
        {
            var type = member.Kind == MemberKind.Scalar ? typeof(SortEnumGraphType) : typeof(SortInputGraphType<>).MakeGenericType(member.ValueType);
            AddField(new FieldType { Name = member.Name, Type = type, Description = $"Sort by {member.Name}." });
        }
    }
}
