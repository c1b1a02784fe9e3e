using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Attainment;

/// <summary>What the attainment feature registers: its fields on the partnership and establishment types.</summary>
public static class AttainmentServiceCollectionExtensions
{
    public static IServiceCollection AddAttainment(this IServiceCollection services) => services
        .AddObjectTypeExtension<Partnership, AttainmentPartnershipFields>()
        .AddObjectTypeExtension<Establishment, AttainmentEstablishmentFields>();
}

/// <summary>Adds <c>attainment</c> and <c>comparison</c> to the partnership type.</summary>
internal sealed class AttainmentPartnershipFields : IObjectTypeExtension<Partnership>
{
    public void AddFieldsTo(ObjectGraphType<Partnership> type)
    {
        PartnershipAttainmentGraphType.AddTo(type);
        PartnershipComparisonGraphType.AddTo(type);
    }
}

/// <summary>Adds <c>results</c> to the establishment type.</summary>
internal sealed class AttainmentEstablishmentFields : IObjectTypeExtension<Establishment>
{
    public void AddFieldsTo(ObjectGraphType<Establishment> type) => SchoolResultGraphType.AddResultsTo(type, e => e.Urn);
}
