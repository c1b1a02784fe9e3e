using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using System.Linq.Expressions;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Partnerships;

/// <summary>Batched loads on the partnership side: by id, member counts and pages of members.</summary>
public static class PartnershipLoaders
{
    public static IDataLoaderResult<Partnership?> ById(IResolveFieldContext context, int id)
    {
        var db = context.Db();
        return context.Loaders().Get<int, Partnership?>("PartnershipById",
            async (ids, ct) => await db.Partnerships.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (Partnership?)p, ct),
            null).Load(id);
    }

    public static IDataLoaderResult<Organisation?> OrganisationById(IResolveFieldContext context, int id)
    {
        var db = context.Db();
        return context.Loaders().Get<int, Organisation?>("OrganisationById",
            async (ids, ct) => await db.Organisations.AsNoTracking().Where(o => EF.Parameter(ids).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (Organisation?)o, ct),
            null).Load(id);
    }

    public static IDataLoaderResult<IReadOnlyList<Review>> Reviews(IResolveFieldContext context, int partnershipId)
    {
        var db = context.Db();
        return context.Loaders().Get<int, IReadOnlyList<Review>>("ReviewsByPartnership",
            async (ids, ct) => (await db.Reviews.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.PartnershipId)).OrderBy(r => r.Date).ThenBy(r => r.Id).ToListAsync(ct))
                .GroupBy(r => r.PartnershipId).ToDictionary(g => g.Key, g => (IReadOnlyList<Review>)g.ToList()),
            []).Load(partnershipId);
    }

    public static IDataLoaderResult<int> MemberCount(IResolveFieldContext context, int partnershipId, DateOnly asOf)
    {
        var db = context.Db();
        return context.Loaders().Get<int, int>($"MemberCountByPartnership:{asOf}",
            (ids, ct) => MembershipQueries.CountsAsync(db, ids, asOf, ct), 0).Load(partnershipId);
    }

    /// <summary>
    /// One page of members for each of many partnerships, in one statement (a window per partnership), filtered by the
    /// field's <c>where:</c> and sorted by its <c>order:</c> (then membership id).
    /// </summary>
    public static IDataLoaderResult<Page<Membership>> Members(IResolveFieldContext context, int partnershipId, DateOnly asOf, PageRequest page)
    {
        var db = context.Db();
        var key = $"{asOf}:{page.CacheKey}:{context.WhereAndOrderKey()}";
        var loader = context.Loaders().Get<int, Page<Membership>?>($"MembersByPartnership:{key}",
            async (ids, ct) =>
            {
                var (where, order) = (context.Where<Membership>(), context.Order<Membership>(m => m.Id));
                Func<int, IDataLoaderResult<int>> count = id => where is null ? MemberCount(context, id, asOf) : MatchingMemberCount(context, id, asOf, where, key);
                if (where is null && order.IsDefault && page.IsFirst)
                {
                    var first = await MembershipQueries.FirstOfPartnershipsAsync(db, ids, asOf, page.Size + 1, ct);
                    return Keyset.PagesOf(first, m => m.PartnershipId, ids, order, page, count).ToDictionary(p => p.Key, p => (Page<Membership>?)p.Value);
                }
                var active = MembershipQueries.ActiveOn(asOf);
                var once = MembershipQueries.FirstActiveOfItsEstablishment(db, asOf);
                var matching = where ?? (m => true);
                var pages = await Keyset.PageManyAsync(db.Partnerships.AsNoTracking(),
                    p => p.Memberships.AsQueryable().Where(active).Where(once).Where(matching), m => m.PartnershipId, ids, order, page, count, ct);
                return pages.ToDictionary(p => p.Key, p => (Page<Membership>?)p.Value);
            },
            null);
        return new MappedResult<Page<Membership>?, Page<Membership>>(loader.Load(partnershipId), p => p!);
    }

    private static IDataLoaderResult<int> MatchingMemberCount(IResolveFieldContext context, int partnershipId, DateOnly asOf, Expression<Func<Membership, bool>> where, string key)
    {
        var db = context.Db();
        return context.Loaders().Get<int, int>($"MatchingMemberCountByPartnership:{key}",
            (ids, ct) => MembershipQueries.CountsAsync(db, ids, asOf, ct, where), 0).Load(partnershipId);
    }
}
