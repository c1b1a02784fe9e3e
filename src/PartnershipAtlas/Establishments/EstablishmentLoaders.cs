using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Establishments;

/// <summary>Batched loads on the establishment side: by URN, and active memberships.</summary>
public static class EstablishmentLoaders
{
    public static IDataLoaderResult<Establishment?> ByUrn(IResolveFieldContext context, int urn)
    {
        var db = context.Db();
        return context.Loaders().Get<int, Establishment?>("EstablishmentByUrn",
            async (urns, ct) => await db.Establishments.AsNoTracking().Where(e => urns.Contains(e.Urn)).ToDictionaryAsync(e => e.Urn, e => (Establishment?)e, ct),
            null).Load(urn);
    }

    public static IDataLoaderResult<IReadOnlyList<Membership>> Memberships(IResolveFieldContext context, int urn)
    {
        var db = context.Db();
        var (asOf, kinds) = (context.AsOf(), context.Kinds());
        return context.Loaders().Get<int, IReadOnlyList<Membership>>($"MembershipsByEstablishment:{asOf}:{kinds.KindsKey()}",
            (urns, ct) => MembershipQueries.OfEstablishmentsAsync(db, urns, asOf, kinds, ct), []).Load(urn);
    }
}
