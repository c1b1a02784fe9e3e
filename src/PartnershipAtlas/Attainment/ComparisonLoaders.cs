using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Data;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Attainment;

/// <summary>
/// <c>Partnership.comparison</c> for the partnerships of a query level in five statements: memberships, result sets
/// and values of the years, predecessor lineage, phases. Schools are followed through predecessor URNs, so an
/// academy's years before conversion count as its own.
/// </summary>
public static class ComparisonLoaders
{
    public static IDataLoaderResult<PartnershipComparison> Comparison(IResolveFieldContext context, int partnershipId, ComparisonRequest request)
    {
        var db = context.Db();
        var loader = context.Loaders().Get<int, PartnershipComparison?>($"ComparisonByPartnership:{request.CacheKey}",
            async (ids, ct) => await LoadAsync(db, ids, request, ct), null);
        return new MappedResult<PartnershipComparison?, PartnershipComparison>(loader.Load(partnershipId), c => c!);
    }

    private static async Task<IDictionary<int, PartnershipComparison?>> LoadAsync(AtlasDbContext db, IReadOnlyCollection<int> ids, ComparisonRequest request, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships.AsNoTracking().Include(m => m.Establishment).Where(m => EF.Parameter(ids).Contains(m.PartnershipId) && m.EstablishmentUrn != null).ToListAsync(cancellationToken);
        var series = await SeriesAsync(db, request, cancellationToken);
        return ids.ToDictionary(id => id, id =>
        {
            var ever = memberships.Where(m => m.PartnershipId == id).Select(m => m.EstablishmentUrn).ToHashSet();
            var now = memberships.Where(m => m.PartnershipId == id && m.IsActiveOn(request.AsOf)).Select(m => m.EstablishmentUrn).ToHashSet();
            var network = series.Where(s => now.Contains(s.Urn)).ToList();
            var networkUrns = network.SelectMany(s => s.Urns).ToHashSet();
            var pool = series.Where(s => !ever.Contains(s.Urn) && !s.Urns.Any(networkUrns.Contains)).ToList();
            return (PartnershipComparison?)MatchedComparison.Compute(request, now.Count, network, pool);
        });
    }

    /// <summary>Every school with a result in a post year: its outcome before and after and its covariates, across predecessors.</summary>
    private static async Task<List<SchoolSeries>> SeriesAsync(AtlasDbContext db, ComparisonRequest request, CancellationToken cancellationToken)
    {
        var sets = await AttainmentLoaders.ResultValuesAsync(db, request.KeyStage, request.Years, [request.Measure, KeyStageRules.FsmPercentageCode],
            r => r.Level == ResultLevel.School, cancellationToken);
        var byUrnYear = sets.ToDictionary(s => (s.Set.Urn!.Value, s.Set.Year));
        var current = sets.Where(s => request.PostYears.Contains(s.Set.Year)).Select(s => s.Set.Urn!.Value).Distinct().ToList();
        var lineage = await Lineage.OfAsync(db, current, cancellationToken);
        var phases = await db.Establishments.AsNoTracking().Where(e => EF.Parameter(current).Contains(e.Urn)).Select(e => new { e.Urn, e.Phase }).ToDictionaryAsync(e => e.Urn, e => e.Phase, cancellationToken);

        var result = new List<SchoolSeries>();
        foreach (var urn in current)
        {
            var steps = lineage[urn].OrderBy(s => s.Depth).ToList();
            ResultValues? In(int year) => steps.Select(s => byUrnYear.GetValueOrDefault((s.Urn, year))).FirstOrDefault(v => v is not null);
            double? Mean(int[] years, Func<ResultValues, double?> read) =>
                years.Select(In).Where(v => v is not null).Select(v => read(v!)).Where(x => x is not null).Average();
            var pre = Mean(request.PreYears, v => v.ValueOf(request.Measure));
            var post = Mean(request.PostYears, v => v.ValueOf(request.Measure));
            if (pre is null || post is null) continue;
            var name = request.PostYears.Select(In).FirstOrDefault(v => v is not null)?.Set.Name;
            result.Add(new SchoolSeries(urn, name, phases.GetValueOrDefault(urn), pre.Value, post.Value,
                Mean(request.PreYears, v => v.ValueOf(KeyStageRules.FsmPercentageCode)), Mean(request.PreYears, v => v.Set.Cohort),
                steps.Select(s => s.Urn).ToList()));
        }
        return result;
    }
}
