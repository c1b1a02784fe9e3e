using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using PartnershipAtlas.Api;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Establishments;

/// <summary>Root fields for establishments.</summary>
public static class EstablishmentQueries
{
    /// <summary>The connection's unique key, made once: a lambda written in the resolver is built again, by reflection, on every request.</summary>
    internal static readonly Expression<Func<Establishment, long>> ByUrn = e => (long)e.Urn;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<EstablishmentGraphType>("establishment")
            .Description("One establishment by its URN.")
            .Argument<NonNullGraphType<IntGraphType>>("urn", "The establishment's Unique Reference Number.")
            .Resolve(c => EstablishmentLoaders.ByUrn(c, c.GetArgument<int>("urn")));
        query.Field<EstablishmentsConnectionGraphType>("establishments")
            .Description("All establishments, in URN order unless `order` says otherwise, optionally filtered by `where`.")
            .PagingArguments()
            .WhereAndOrder(typeof(Establishment))
            .ResolveAsync(async c => await c.PageAsync(static c => c.Db().Establishments.AsNoTracking(), ByUrn, EstablishmentNarrowRead.Columns, HeldEstablishments.OfRequestAsync));
        EstablishmentCounts.AddTo(query);
    }
}
