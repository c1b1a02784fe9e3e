using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api.Querying;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Partnerships;

/// <summary>Membership queries shared by the establishment and partnership sides, translated to SQL.</summary>
public static class MembershipQueries
{
    /// <summary>Whether the membership is active on the date: the one rule of <see cref="MembershipActivity.Rule"/>.</summary>
    private static readonly Expression<Func<Membership, DateOnly, bool>> ActiveOnRule = MembershipActivity.Rule;

    /// <summary>
    /// Whether no earlier membership of the same member (establishment, organisation or network) in the same partnership
    /// is also active on the date, so that a member counts once even if two sources recorded overlapping memberships.
    /// </summary>
    /// <remarks>
    /// Written with <c>.Value</c> on the outer side so that SQL compares with a plain <c>=</c> (no null compensation),
    /// which lets SQLite search the (PartnershipId, EstablishmentUrn) index instead of scanning the partnership's rows.
    /// </remarks>
    private static readonly Expression<Func<AtlasDbContext, Membership, DateOnly, bool>> FirstActiveRule =
        (db, m, date) => (m.EstablishmentUrn != null && !db.Set<Membership>().Any(o => o.PartnershipId == m.PartnershipId && o.EstablishmentUrn == m.EstablishmentUrn.Value && o.Id < m.Id
                && IsActiveOn(o, date)))
            || (m.OrganisationId != null && !db.Set<Membership>().Any(o => o.PartnershipId == m.PartnershipId && o.OrganisationId == m.OrganisationId.Value && o.Id < m.Id
                && IsActiveOn(o, date)))
            || (m.MemberPartnershipId != null && !db.Set<Membership>().Any(o => o.PartnershipId == m.PartnershipId && o.MemberPartnershipId == m.MemberPartnershipId.Value && o.Id < m.Id
                && IsActiveOn(o, date)));

    /// <summary>Names <see cref="ActiveOnRule"/> inside a query lambda (see <see cref="RuleInliner"/>); never runs.</summary>
    private static bool IsActiveOn(Membership m, DateOnly date) => throw new InvalidOperationException($"{nameof(IsActiveOn)} {m.Id} {date} only names a rule in a query.");

    /// <summary>Names <see cref="FirstActiveRule"/> inside a query lambda; never runs.</summary>
    private static bool IsFirstActiveOfItsEstablishment(AtlasDbContext db, Membership m, DateOnly date) =>
        throw new InvalidOperationException($"{nameof(IsFirstActiveOfItsEstablishment)} {db.ContextId} {m.Id} {date} only names a rule in a query.");

    private static readonly Dictionary<System.Reflection.MethodInfo, LambdaExpression> RuleSet = new()
    {
        [((Func<Membership, DateOnly, bool>)IsActiveOn).Method] = ActiveOnRule,
        [((Func<AtlasDbContext, Membership, DateOnly, bool>)IsFirstActiveOfItsEstablishment).Method] = FirstActiveRule,
    };

    private static readonly RuleInliner Rules = new(RuleSet);

    /// <summary>
    /// Built once per date: writing the expression out costs reflection and allocation on every call. The date stays
    /// a SQL parameter.
    /// </summary>
    private static readonly ConcurrentDictionary<DateOnly, Expression<Func<Membership, bool>>> ActiveOnDate = new();
    private const int MaxCachedDates = 512;

    public static Expression<Func<Membership, bool>> ActiveOn(DateOnly date)
    {
        if (ActiveOnDate.Count > MaxCachedDates) ActiveOnDate.Clear();
        return ActiveOnDate.GetOrAdd(date, d => OnDate(ActiveOnRule.Parameters[0], m => Rules.Apply(ActiveOnRule, m, QueryValues.Parameter(d, typeof(DateOnly)))));
    }

    /// <summary>The rule of <see cref="FirstActiveRule"/> on the date, over this context's memberships.</summary>
    public static Expression<Func<Membership, bool>> FirstActiveOfItsEstablishment(AtlasDbContext db, DateOnly date)
    {
        var byDate = FirstActiveByContext.GetOrCreateValue(db);
        if (byDate.Count > MaxCachedDates) byDate.Clear();
        if (!byDate.TryGetValue(date, out var rule))
        {
            byDate[date] = rule = OnDate(FirstActiveRule.Parameters[1],
                m => Rules.Apply(FirstActiveRule, Expression.Constant(db), m, QueryValues.Parameter(date, typeof(DateOnly))));
        }
        return rule;
    }

    /// <summary>
    /// <see cref="FirstActiveOfItsEstablishment"/> by context and date: the rule names the context's own Memberships,
    /// so it is kept per (pooled, reused) context instance; a context runs one query at a time.
    /// </summary>
    private static readonly ConditionalWeakTable<AtlasDbContext, Dictionary<DateOnly, Expression<Func<Membership, bool>>>> FirstActiveByContext = [];

    private static Expression<Func<Membership, bool>> OnDate(ParameterExpression like, Func<ParameterExpression, Expression> body)
    {
        var m = Expression.Parameter(typeof(Membership), like.Name);
        return Expression.Lambda<Func<Membership, bool>>(body(m), m);
    }

    /// <summary>Memberships active on the date, one per establishment and partnership, optionally in networks of some kinds only.</summary>
    public static IQueryable<Membership> Active(this AtlasDbContext db, DateOnly asOf, PartnershipKind[]? kinds)
    {
        var query = db.Memberships.AsNoTracking().Where(ActiveOn(asOf)).Where(FirstActiveOfItsEstablishment(db, asOf));
        return kinds is null ? query : query.Where(m => EF.Parameter(kinds).Contains(m.Partnership!.Kind));
    }

    /// <summary>
    /// Active memberships of many establishments at once, with their partnerships, read as <paramref name="read"/> says:
    /// the whole rows, or fewer columns when the selection needs no more.
    /// </summary>
    public static async Task<IDictionary<int, IReadOnlyList<Membership>>> OfEstablishmentsAsync(
        AtlasDbContext db, IReadOnlyCollection<int> urns, DateOnly asOf, PartnershipKind[]? kinds, MembershipRead read, CancellationToken cancellationToken)
    {
        var query = CompiledRows.GetOrAdd((kinds is not null, read), key => CompileRows(key.InKinds ? InKinds : AnyKind, Row(key.Read)));
        var rows = await query(db, [.. urns], asOf, kinds ?? []).ToListAsync(cancellationToken);
        var first = FirstOfEachPartnership(rows);
        var byUrn = new Dictionary<int, IReadOnlyList<Membership>>();
        foreach (var row in rows)
        {
            var membership = row.Membership;
            if (first[(membership.EstablishmentUrn!.Value, membership.PartnershipId)] != membership.Id) continue;
            membership.Partnership = row.Partnership;
            if (!byUrn.TryGetValue(membership.EstablishmentUrn.Value, out var list)) byUrn[membership.EstablishmentUrn.Value] = list = new List<Membership>();
            ((List<Membership>)list).Add(membership);
        }
        return byUrn;
    }

    /// <summary>
    /// <see cref="FirstActiveRule"/> for an establishment's memberships, applied in memory: the rows hold every active
    /// membership of their establishments (in the kinds asked for, which a partnership's memberships share), so the
    /// first of each establishment and partnership is the one with the lowest id among them. SQLite would otherwise
    /// run a correlated subquery per row.
    /// </summary>
    private static Dictionary<(int Urn, int PartnershipId), long> FirstOfEachPartnership(List<MembershipRow> rows)
    {
        var first = new Dictionary<(int, int), long>(rows.Count);
        foreach (var row in rows)
        {
            var key = (row.Membership.EstablishmentUrn!.Value, row.Membership.PartnershipId);
            if (!first.TryGetValue(key, out var id) || row.Membership.Id < id) first[key] = row.Membership.Id;
        }
        return first;
    }

    /// <summary>
    /// A membership and its partnership, read side by side (the same join as an Include) and put together after: an
    /// Include would have EF Core create its fix-up delegate for every row.
    /// </summary>
    private sealed class MembershipRow
    {
        public required Membership Membership { get; init; }
        public Partnership? Partnership { get; init; }
    }

    /// <summary>
    /// Every active membership of many establishments in networks of some kinds only (<see cref="IsOfKinds"/>), in
    /// answer order; <see cref="OfEstablishmentsAsync"/> keeps the first of each partnership.
    /// </summary>
    private static readonly Expression<Func<AtlasDbContext, List<int>, DateOnly, PartnershipKind[], IQueryable<Membership>>> OfEstablishments =
        (db, urns, asOf, kinds) => db.Set<Membership>().AsNoTracking()
            .Where(m => IsActiveOn(m, asOf)).Where(m => IsOfKinds(m, kinds))
            .Where(m => m.EstablishmentUrn != null && urns.Contains(m.EstablishmentUrn.Value))
            .OrderBy(m => m.EstablishmentUrn).ThenBy(m => m.Partnership!.Kind).ThenBy(m => m.Partnership!.Name).ThenBy(m => m.Id);

    /// <summary>A membership read whole.</summary>
    private static readonly Expression<Func<Membership, Membership>> WholeMembership = m => m;

    /// <summary>
    /// A membership as its establishment's <c>partnerships</c> needs it: which school, which network (3 of its 10
    /// columns). What is not read is left null or default; the source, required, is null so that reading it fails.
    /// </summary>
    private static readonly Expression<Func<Membership, Membership>> NetworkOfMembership = m => new Membership
    {
        Id = m.Id, EstablishmentUrn = m.EstablishmentUrn, PartnershipId = m.PartnershipId, Source = null!,
    };

    /// <summary>A membership with its role besides (the fields of <see cref="MembershipNarrowRead.Fields"/>).</summary>
    private static readonly Expression<Func<Membership, Membership>> RoleAndNetworkOfMembership = m => new Membership
    {
        Id = m.Id, EstablishmentUrn = m.EstablishmentUrn, PartnershipId = m.PartnershipId, Role = m.Role, Source = null!,
    };

    /// <summary>A membership's partnership read whole.</summary>
    private static readonly Expression<Func<Membership, Partnership?>> WholePartnership = m => m.Partnership;

    /// <summary>
    /// A membership's partnership with its id, kind and name only (3 of its 15 columns). The source key is left null, so
    /// a field that wrongly reads it fails (a non-null field) instead of answering something false.
    /// </summary>
    private static readonly Expression<Func<Membership, Partnership?>> PartnershipIdKindAndName = m =>
        new Partnership { Id = m.Partnership!.Id, Kind = m.Partnership.Kind, Name = m.Partnership.Name, SourceKey = null! };

    /// <summary>A row of <see cref="OfEstablishments"/>: the membership and its partnership, each read as <paramref name="read"/> says.</summary>
    private static Expression<Func<Membership, MembershipRow>> Row(MembershipRead read)
    {
        var membership = read.Membership switch
        {
            MembershipColumns.Network => NetworkOfMembership,
            MembershipColumns.RoleAndNetwork => RoleAndNetworkOfMembership,
            _ => WholeMembership,
        };
        var partnership = read.PartnershipIdKindAndName ? PartnershipIdKindAndName : WholePartnership;
        var m = membership.Parameters[0];
        return Expression.Lambda<Func<Membership, MembershipRow>>(Expression.MemberInit(Expression.New(typeof(MembershipRow)),
            Expression.Bind(typeof(MembershipRow).GetProperty(nameof(MembershipRow.Membership))!, membership.Body),
            Expression.Bind(typeof(MembershipRow).GetProperty(nameof(MembershipRow.Partnership))!, new ParameterSwap(partnership.Parameters[0], m).Visit(partnership.Body))), m);
    }

    /// <summary>Names the kinds condition of <see cref="OfEstablishments"/>: no condition, or the partnership's kind among the kinds.</summary>
    private static bool IsOfKinds(Membership m, PartnershipKind[] kinds) => throw new InvalidOperationException($"{nameof(IsOfKinds)} {m.Id} {kinds.Length} only names a rule in a query.");

    private static readonly Expression<Func<Membership, PartnershipKind[], bool>> AnyKind = (m, kinds) => true;
    private static readonly Expression<Func<Membership, PartnershipKind[], bool>> InKinds = (m, kinds) => kinds.Contains(m.Partnership!.Kind);

    /// <summary>The statement of each kinds condition and way of reading, compiled on first use.</summary>
    private static readonly ConcurrentDictionary<(bool InKinds, MembershipRead Read), Func<AtlasDbContext, List<int>, DateOnly, PartnershipKind[], IAsyncEnumerable<MembershipRow>>> CompiledRows = new();

    /// <summary><see cref="OfEstablishments"/> with the kinds rule and each row read as <paramref name="row"/>, compiled once.</summary>
    private static Func<AtlasDbContext, List<int>, DateOnly, PartnershipKind[], IAsyncEnumerable<MembershipRow>> CompileRows(
        Expression<Func<Membership, PartnershipKind[], bool>> kindsRule, Expression<Func<Membership, MembershipRow>> row)
    {
        var rows = Expression.Lambda<Func<AtlasDbContext, List<int>, DateOnly, PartnershipKind[], IQueryable<MembershipRow>>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Membership), typeof(MembershipRow)], OfEstablishments.Body, Expression.Quote(row)),
            OfEstablishments.Parameters);
        return EF.CompileAsyncQuery(RulesWith(IsOfKinds, kindsRule).Inline(rows));
    }

    private static RuleInliner RulesWith(Func<Membership, PartnershipKind[], bool> marker, Expression<Func<Membership, PartnershipKind[], bool>> rule) =>
        new(new Dictionary<System.Reflection.MethodInfo, LambdaExpression>(RuleSet) { [marker.Method] = rule });

    /// <summary>
    /// The first <paramref name="take"/> memberships (by id) active on the date of each of these partnerships, one per
    /// member, ordered by partnership then id: the statement <see cref="Api.Paging.Keyset.PageManyAsync"/> writes for a
    /// first page in the default order with no filter, compiled once (EF Core then neither walks nor compares the
    /// expression tree on each request).
    /// </summary>
    public static async Task<List<Membership>> FirstOfPartnershipsAsync(AtlasDbContext db, IReadOnlyCollection<int> partnershipIds, DateOnly asOf, int take, CancellationToken cancellationToken) =>
        await FirstOfPartnerships(db, [.. partnershipIds], asOf, take).ToListAsync(cancellationToken);

    private static readonly Func<AtlasDbContext, List<int>, DateOnly, int, IAsyncEnumerable<Membership>> FirstOfPartnerships = EF.CompileAsyncQuery(Rules.Inline<Func<AtlasDbContext, List<int>, DateOnly, int, IQueryable<Membership>>>(
        (db, ids, asOf, take) => db.Set<Partnership>().AsNoTracking()
            .SelectMany(p => p.Memberships.AsQueryable()
                .Where(m => IsActiveOn(m, asOf)).Where(m => IsFirstActiveOfItsEstablishment(db, m, asOf)).Where(m => ids.Contains(m.PartnershipId))
                .OrderBy(m => m.Id).Take(take))
            .OrderBy(m => m.PartnershipId).ThenBy(m => m.Id)));

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

/// <summary>Which of a membership's columns a selection needs read.</summary>
public enum MembershipColumns
{
    /// <summary>All of them.</summary>
    Whole,

    /// <summary>Its id, school, network and role (<see cref="MembershipNarrowRead.Fields"/>).</summary>
    RoleAndNetwork,

    /// <summary>Its id, school and network only (an establishment's <c>partnerships</c>).</summary>
    Network,
}

/// <summary>How much of an establishment's memberships a selection needs read.</summary>
/// <param name="Membership">The membership's columns.</param>
/// <param name="PartnershipIdKindAndName">Only the partnerships' id, kind and name (<see cref="PartnershipNarrowRead.Fields"/>).</param>
public readonly record struct MembershipRead(MembershipColumns Membership, bool PartnershipIdKindAndName)
{
    public override string ToString() => Membership + (PartnershipIdKindAndName ? ":narrow" : ":whole");
}
