using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Partnerships;

/// <summary>Batched loads of networks inside networks: each a fixed number of statements per query level, or one per level of nesting.</summary>
public static class NestedNetworkLoaders
{
    /// <summary>The networks that are members of this one on the date, by kind then name.</summary>
    public static IDataLoaderResult<IReadOnlyList<Partnership>> MemberNetworks(IResolveFieldContext context, int partnershipId, DateOnly asOf)
    {
        var db = context.Db();
        return context.Loaders().Get<int, IReadOnlyList<Partnership>>($"MemberNetworksByPartnership:{asOf}",
            async (ids, ct) => Grouped(await db.Memberships.AsNoTracking().Where(MembershipQueries.ActiveOn(asOf))
                .Where(m => m.MemberPartnershipId != null && EF.Parameter(ids).Contains(m.PartnershipId))
                .Select(m => new { Key = m.PartnershipId, Network = m.MemberPartnership! })
                .ToListAsync(ct), x => x.Key, x => x.Network),
            []).Load(partnershipId);
    }

    /// <summary>The networks this one is a member of on the date, by kind then name.</summary>
    public static IDataLoaderResult<IReadOnlyList<Partnership>> PartOf(IResolveFieldContext context, int partnershipId, DateOnly asOf)
    {
        var db = context.Db();
        return context.Loaders().Get<int, IReadOnlyList<Partnership>>($"PartOfByPartnership:{asOf}",
            async (ids, ct) => Grouped(await db.Memberships.AsNoTracking().Where(MembershipQueries.ActiveOn(asOf))
                .Where(m => m.MemberPartnershipId != null && EF.Parameter(ids).Contains(m.MemberPartnershipId.Value))
                .Select(m => new { Key = m.MemberPartnershipId!.Value, Network = m.Partnership! })
                .ToListAsync(ct), x => x.Key, x => x.Network),
            []).Load(partnershipId);
    }

    private static Dictionary<int, IReadOnlyList<Partnership>> Grouped<T>(List<T> rows, Func<T, int> key, Func<T, Partnership> network) =>
        rows.GroupBy(key).ToDictionary(g => g.Key, g => (IReadOnlyList<Partnership>)g.Select(network).DistinctBy(p => p.Id).OrderBy(p => p.Kind).ThenBy(p => p.Name).ThenBy(p => p.Id).ToList());

    /// <summary>How many members the network has on the date with those of the networks inside it, each member once.</summary>
    public static IDataLoaderResult<int> MemberCount(IResolveFieldContext context, int partnershipId, DateOnly asOf)
    {
        var db = context.Db();
        return context.Loaders().Get<int, int>($"NestedMemberCountByPartnership:{asOf}",
            async (ids, ct) => (await NestedNetworks.MembersAsync(db, ids, asOf, null, ct)).ToDictionary(x => x.Key, x => x.Value.Count), 0).Load(partnershipId);
    }

    /// <summary>
    /// A page of the network's members on the date with those of the networks inside it, each member once, in
    /// membership order, filtered by the field's <c>where:</c>. A sort order is refused: the members of many networks
    /// are merged in memory, where only the membership order is kept.
    /// </summary>
    public static IDataLoaderResult<Page<Membership>> Members(IResolveFieldContext context, int partnershipId, DateOnly asOf, PageRequest page)
    {
        if (!context.Order<Membership>(m => m.Id).IsDefault)
        {
            throw AtlasErrors.Coded("members(includeNested: true) comes in membership order only: leave out order, or ask without includeNested.", "INVALID_ARGUMENT");
        }
        var db = context.Db();
        var loader = context.Loaders().Get<int, Page<Membership>?>($"NestedMembersByPartnership:{asOf}:{page.CacheKey}:{context.WhereAndOrderKey()}",
            async (ids, ct) => (await NestedNetworks.MembersAsync(db, ids, asOf, context.Where<Membership>(), ct))
                .ToDictionary(x => x.Key, x => (Page<Membership>?)InMemoryKeyset.Page(x.Value, m => m.Id, page)),
            null);
        return new MappedResult<Page<Membership>?, Page<Membership>>(loader.Load(partnershipId), p => p!);
    }
}
