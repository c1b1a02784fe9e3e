using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Paging;

namespace PartnershipAtlas.Partnerships;

/// <summary>Batched loads on the partnership side: by id, member counts and pages of members.</summary>
public static class PartnershipLoaders
{
    public static IDataLoaderResult<Partnership?> ById(IResolveFieldContext context, int id)
    {
        var db = context.Db();
        return context.Loaders().Get<int, Partnership?>("PartnershipById",
            async (ids, ct) => await db.Partnerships.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (Partnership?)p, ct),
            null).Load(id);
    }

    public static IDataLoaderResult<Organisation?> OrganisationById(IResolveFieldContext context, int id)
    {
        var db = context.Db();
        return context.Loaders().Get<int, Organisation?>("OrganisationById",
            async (ids, ct) => await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (Organisation?)o, ct),
            null).Load(id);
    }

    public static IDataLoaderResult<IReadOnlyList<Review>> Reviews(IResolveFieldContext context, int partnershipId)
    {
        var db = context.Db();
        return context.Loaders().Get<int, IReadOnlyList<Review>>("ReviewsByPartnership",
            async (ids, ct) => (await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.PartnershipId)).OrderBy(r => r.Date).ThenBy(r => r.Id).ToListAsync(ct))
                .GroupBy(r => r.PartnershipId).ToDictionary(g => g.Key, g => (IReadOnlyList<Review>)g.ToList()),
            []).Load(partnershipId);
    }

    public static IDataLoaderResult<int> MemberCount(IResolveFieldContext context, int partnershipId, DateOnly asOf)
    {
        var db = context.Db();
        return context.Loaders().Get<int, int>($"MemberCountByPartnership:{asOf}",
            (ids, ct) => MembershipQueries.CountsAsync(db, ids, asOf, ct), 0).Load(partnershipId);
    }

    /// <summary>One page of members for each of many partnerships, in one statement (a window per partnership).</summary>
    public static IDataLoaderResult<Page<Membership>> Members(IResolveFieldContext context, int partnershipId, DateOnly asOf, PageRequest page)
    {
        var db = context.Db();
        var loader = context.Loaders().Get<int, Page<Membership>?>($"MembersByPartnership:{asOf}:{page.CacheKey}",
            async (ids, ct) =>
            {
                var active = MembershipQueries.ActiveOn(asOf);
                var once = MembershipQueries.FirstActiveOfItsEstablishment(db, asOf);
                var (after, before, take) = (page.After ?? long.MinValue, page.Before ?? long.MaxValue, page.Size + 1);
                var parents = db.Partnerships.AsNoTracking().Where(p => ids.Contains(p.Id));
                var rows = page.Backward
                    ? await parents.SelectMany(p => p.Memberships.AsQueryable().Where(active).Where(once).Where(m => m.Id > after && m.Id < before).OrderByDescending(m => m.Id).Take(take)).ToListAsync(ct)
                    : await parents.SelectMany(p => p.Memberships.AsQueryable().Where(active).Where(once).Where(m => m.Id > after && m.Id < before).OrderBy(m => m.Id).Take(take)).ToListAsync(ct);
                var groups = rows.ToLookup(m => m.PartnershipId);
                return ids.ToDictionary(id => id, id =>
                {
                    var ordered = page.Backward ? groups[id].OrderByDescending(m => m.Id).ToList() : groups[id].OrderBy(m => m.Id).ToList();
                    return (Page<Membership>?)Keyset.FromLoaded(ordered, m => m.Id, page, () => MemberCount(context, id, asOf));
                });
            },
            null);
        return new MappedResult<Page<Membership>?, Page<Membership>>(loader.Load(partnershipId), p => p!);
    }
}
