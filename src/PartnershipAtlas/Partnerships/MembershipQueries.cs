using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Partnerships;

/// <summary>Membership queries shared by the establishment and partnership sides, translated to SQL.</summary>
public static class MembershipQueries
{
    /// <summary>
    /// Built once per date: writing the expression out costs reflection and allocation on every call. The date stays
    /// a SQL parameter.
    /// </summary>
    private static readonly ConcurrentDictionary<DateOnly, Expression<Func<Membership, bool>>> ActiveOnDate = new();
    private const int MaxCachedDates = 512;

    public static Expression<Func<Membership, bool>> ActiveOn(DateOnly date)
    {
        if (ActiveOnDate.Count > MaxCachedDates) ActiveOnDate.Clear();
        return ActiveOnDate.GetOrAdd(date, d => m => (m.Joined == null || m.Joined <= d) && (m.Left == null || m.Left > d));
    }

    /// <summary>
    /// Whether no earlier membership of the same establishment in the same partnership is also active on the date, so
    /// that an establishment counts once even if two sources recorded overlapping memberships.
    /// </summary>
    /// <remarks>
    /// Written with <c>.Value</c> on the outer side so that SQL compares with a plain <c>=</c> (no null compensation),
    /// which lets SQLite search the (PartnershipId, EstablishmentUrn) index instead of scanning the partnership's rows.
    /// </remarks>
    public static Expression<Func<Membership, bool>> FirstActiveOfItsEstablishment(AtlasDbContext db, DateOnly date) =>
        m => (m.EstablishmentUrn != null && !db.Memberships.Any(o => o.PartnershipId == m.PartnershipId && o.EstablishmentUrn == m.EstablishmentUrn.Value && o.Id < m.Id
                && (o.Joined == null || o.Joined <= date) && (o.Left == null || o.Left > date)))
            || (m.OrganisationId != null && !db.Memberships.Any(o => o.PartnershipId == m.PartnershipId && o.OrganisationId == m.OrganisationId.Value && o.Id < m.Id
                && (o.Joined == null || o.Joined <= date) && (o.Left == null || o.Left > date)));

    /// <summary>Memberships active on the date, one per establishment and partnership, optionally in networks of some kinds only.</summary>
    public static IQueryable<Membership> Active(this AtlasDbContext db, DateOnly asOf, PartnershipKind[]? kinds)
    {
        var query = db.Memberships.AsNoTracking().Where(ActiveOn(asOf)).Where(FirstActiveOfItsEstablishment(db, asOf));
        return kinds is null ? query : query.Where(m => EF.Parameter(kinds).Contains(m.Partnership!.Kind));
    }

    /// <summary>Active memberships of many establishments at once, with their partnerships.</summary>
    public static async Task<IDictionary<int, IReadOnlyList<Membership>>> OfEstablishmentsAsync(
        AtlasDbContext db, IReadOnlyCollection<int> urns, DateOnly asOf, PartnershipKind[]? kinds, CancellationToken cancellationToken)
    {
        var rows = await db.Active(asOf, kinds)
            .Where(m => m.EstablishmentUrn != null && EF.Parameter(urns).Contains(m.EstablishmentUrn.Value))
            .Include(m => m.Partnership)
            .OrderBy(m => m.EstablishmentUrn).ThenBy(m => m.Partnership!.Kind).ThenBy(m => m.Partnership!.Name).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(m => m.EstablishmentUrn!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<Membership>)g.ToList());
    }

    /// <summary>How many active members each of many partnerships has.</summary>
    public static async Task<IDictionary<int, int>> CountsAsync(AtlasDbContext db, IReadOnlyCollection<int> partnershipIds, DateOnly asOf, CancellationToken cancellationToken,
        Expression<Func<Membership, bool>>? where = null) =>
        await db.Active(asOf, null)
            .Where(where ?? (m => true))
            .Where(m => EF.Parameter(partnershipIds).Contains(m.PartnershipId))
            .GroupBy(m => m.PartnershipId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
}
