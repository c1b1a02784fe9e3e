using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Characteristics.Profiles;
using PartnershipAtlas.Characteristics.Similarity;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Characteristics;

/// <summary>What the characteristics feature registers: its fields on the partnership and establishment types.</summary>
public static class CharacteristicsServiceCollectionExtensions
{
    public static IServiceCollection AddCharacteristics(this IServiceCollection services) => services
        .AddObjectTypeExtension<Partnership, CharacteristicsPartnershipFields>()
        .AddObjectTypeExtension<Establishment, CharacteristicsEstablishmentFields>();
}

/// <summary>Adds <c>profile</c> and <c>similar</c> to the partnership type.</summary>
internal sealed class CharacteristicsPartnershipFields : IObjectTypeExtension<Partnership>
{
    public void AddFieldsTo(ObjectGraphType<Partnership> type)
    {
        NetworkProfileGraphType.AddTo(type);
        SimilarNetworkGraphType.AddTo(type);
    }
}

/// <summary>Adds <c>characteristics</c> and <c>extractAttributes</c> to the establishment type.</summary>
internal sealed class CharacteristicsEstablishmentFields : IObjectTypeExtension<Establishment>
{
    public void AddFieldsTo(ObjectGraphType<Establishment> type)
    {
        CharacteristicsGraphType.AddTo(type, e => e.Urn);
        ExtractAttributesGraphType.AddTo(type, e => e.Urn);
    }
}
