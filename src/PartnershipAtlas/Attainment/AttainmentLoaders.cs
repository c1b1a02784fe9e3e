using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Data;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Attainment;

/// <summary>
/// <c>Partnership.attainment</c> for every partnership of a query level in three statements (members, result sets,
/// values), whatever the number of partnerships.
/// </summary>
public static class AttainmentLoaders
{
    public static IDataLoaderResult<PartnershipAttainment> Attainment(IResolveFieldContext context, int partnershipId, AttainmentRequest request)
    {
        var db = context.Db();
        var loader = context.Loaders().Get<int, PartnershipAttainment?>($"AttainmentByPartnership:{request.CacheKey}",
            async (ids, ct) => await LoadAsync(db, ids, request, ct), null);
        return new MappedResult<PartnershipAttainment?, PartnershipAttainment>(loader.Load(partnershipId), a => a!);
    }

    private static async Task<IDictionary<int, PartnershipAttainment?>> LoadAsync(AtlasDbContext db, IReadOnlyCollection<int> ids, AttainmentRequest request, CancellationToken cancellationToken)
    {
        var networks = request.IncludeNested
            ? await NestedNetworks.WithNestedAsync(db, ids, request.AsOf, cancellationToken)
            : ids.Distinct().ToDictionary(id => id, id => new HashSet<int> { id });
        var read = networks.Values.SelectMany(n => n).Distinct().ToList();
        var rows = await db.Active(request.AsOf, null)
            .Where(m => EF.Parameter(read).Contains(m.PartnershipId) && m.EstablishmentUrn != null)
            .Select(m => new { m.PartnershipId, EstablishmentUrn = m.EstablishmentUrn!.Value, m.Joined, m.Establishment!.OpenDate })
            .ToListAsync(cancellationToken);
        var byNetwork = rows.ToLookup(m => m.PartnershipId);
        var members = networks
            .SelectMany(n => n.Value.SelectMany(id => byNetwork[id]).Select(m => (Network: n.Key, Row: m)))
            .GroupBy(x => (x.Network, x.Row.EstablishmentUrn))
            .Select(g => (PartnershipId: g.Key.Network, Member: new AttainmentSummary.Member(g.Key.EstablishmentUrn, g.Min(x => x.Row.Joined), g.First().Row.OpenDate)))
            .ToLookup(x => x.PartnershipId, x => x.Member);
        var urns = members.SelectMany(g => g.Select(m => m.Urn)).Distinct().ToList();
        var sets = await ResultValuesAsync(db, request.KeyStage, [request.Year], request.Codes,
            r => r.Level != ResultLevel.School || EF.Parameter(urns).Contains(r.Urn!.Value), cancellationToken);
        var schools = sets.Where(s => s.Set.Level == ResultLevel.School).ToDictionary(s => s.Set.Urn!.Value);
        var benchmarks = sets.Where(s => s.Set.Level != ResultLevel.School).ToList();
        return ids.ToDictionary(id => id, id => (PartnershipAttainment?)AttainmentSummary.Compute(request, members[id].ToList(), schools, benchmarks));
    }

    /// <summary>Result sets of a key stage and years that match, each with its values of the given fields only (two statements).</summary>
    public static async Task<List<ResultValues>> ResultValuesAsync(AtlasDbContext db, KeyStage keyStage, int[] years, string[] codes,
        System.Linq.Expressions.Expression<Func<ResultSet, bool>> where, CancellationToken cancellationToken)
    {
        var sets = await db.ResultSets.AsNoTracking().Where(r => r.KeyStage == keyStage && EF.Parameter(years).Contains(r.Year)).Where(where).ToListAsync(cancellationToken);
        var values = await StoredValues.OfAsync(db, sets.Select(s => s.Id).ToList(), codes, cancellationToken);
        return sets.Select(s => new ResultValues(s, values.GetValueOrDefault(s.Id) ?? StoredValues.None)).ToList();
    }
}
