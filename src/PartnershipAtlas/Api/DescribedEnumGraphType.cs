using GraphQL.Types;

namespace PartnershipAtlas.Api;

/// <summary>A GraphQL enum from a C# enum whose values each carry a description.</summary>
public abstract class DescribedEnumGraphType<TEnum> : EnumerationGraphType<TEnum>
    where TEnum : Enum
{
    protected void Describe(TEnum value, string description)
    {
        foreach (var v in Values.Where(v => Equals(v.Value, value))) v.Description = description;
    }
}
