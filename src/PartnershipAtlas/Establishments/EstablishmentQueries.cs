using GraphQL;
using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Paging;

namespace PartnershipAtlas.Establishments;

/// <summary>Root fields for establishments.</summary>
public static class EstablishmentQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<EstablishmentGraphType>("establishment")
            .Description("One establishment by its URN.")
            .Argument<NonNullGraphType<IntGraphType>>("urn", "The establishment's Unique Reference Number.")
            .Resolve(c => EstablishmentLoaders.ByUrn(c, c.GetArgument<int>("urn")));
        query.Field<EstablishmentsConnectionGraphType>("establishments")
            .Description("All establishments, in URN order.")
            .PagingArguments()
            .ResolveAsync(async c => await Keyset.PageAsync(c.Db().Establishments.AsQueryable(), e => (long)e.Urn, PageRequest.From(c), c.CancellationToken));
    }
}
