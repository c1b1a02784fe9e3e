using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Characteristics.Profiles;
using PartnershipAtlas.Data;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Characteristics.Similarity;

/// <summary>
/// <c>Partnership.similar</c> for every partnership of a query level at once: the profiles of every network of the
/// kinds asked about are loaded together (the profile loader's fixed statements), then compared in memory.
/// </summary>
public static class SimilarLoaders
{
    public static IDataLoaderResult<IReadOnlyList<SimilarNetwork>> Similar(IResolveFieldContext context, int partnershipId, DateOnly asOf, int? year, SimilarityFactor[] factors, int first)
    {
        var db = context.Db();
        var key = $"Similar:{asOf}:{year}:{string.Join(",", factors)}:{first}";
        return context.Loaders().Get<int, IReadOnlyList<SimilarNetwork>>(key, async (ids, ct) => await LoadAsync(db, ids, asOf, year, factors, first, ct), []).Load(partnershipId);
    }

    private static async Task<IDictionary<int, IReadOnlyList<SimilarNetwork>>> LoadAsync(
        AtlasDbContext db, IReadOnlyCollection<int> ids, DateOnly asOf, int? year, SimilarityFactor[] factors, int first, CancellationToken cancellationToken)
    {
        var asked = ids.ToList();
        var kinds = await db.Partnerships.Where(p => EF.Parameter(asked).Contains(p.Id)).Select(p => new { p.Id, p.Kind }).ToListAsync(cancellationToken);
        var kindList = kinds.Select(k => k.Kind).Distinct().ToList();
        var all = await db.Partnerships.Where(p => EF.Parameter(kindList).Contains(p.Kind)).Select(p => new { p.Id, p.Kind }).ToListAsync(cancellationToken);
        var profiles = await ProfileLoaders.LoadAsync(db, all.Select(p => p.Id).ToList(), asOf, year, cancellationToken);
        var byKind = all.ToLookup(p => p.Kind, p => profiles[p.Id]!);
        return kinds.ToDictionary(k => k.Id, k => SimilarNetworks.Nearest(profiles[k.Id]!, byKind[k.Kind].ToList(), factors, first));
    }
}
