using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Overlap;

/// <summary>What the overlap feature registers: its snapshots and its fields on the partnership type.</summary>
public static class OverlapServiceCollectionExtensions
{
    public static IServiceCollection AddOverlap(this IServiceCollection services) => services
        .AddSingleton<OverlapSnapshots>()
        .AddScoped<OverlapSession>()
        .AddObjectTypeExtension<Partnership, OverlapPartnershipFields>();
}

/// <summary>Adds <c>overlappingPartnerships</c> to the partnership type.</summary>
internal sealed class OverlapPartnershipFields : IObjectTypeExtension<Partnership>
{
    public void AddFieldsTo(ObjectGraphType<Partnership> type) => OverlapQueries.AddTo(type);
}
