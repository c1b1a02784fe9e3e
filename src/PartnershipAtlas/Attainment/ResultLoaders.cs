using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Attainment;

/// <summary>Batched loads of schools' result sets (optionally across predecessors) and of result sets' values.</summary>
public static class ResultLoaders
{
    /// <summary>The school's result sets for the key stage, by year; with lineage, a year it lacks comes from its nearest predecessor.</summary>
    public static IDataLoaderResult<IReadOnlyList<ResultSet>> SchoolResults(IResolveFieldContext context, int urn, KeyStage keyStage, int? year, bool followLineage)
    {
        var db = context.Db();
        return context.Loaders().Get<int, IReadOnlyList<ResultSet>>($"ResultsBySchool:{keyStage}:{year}:{followLineage}",
            (urns, ct) => SeriesAsync(db, urns, keyStage, year is int y ? [y] : null, followLineage, ct), []).Load(urn);
    }

    public static async Task<IDictionary<int, IReadOnlyList<ResultSet>>> SeriesAsync(
        AtlasDbContext db, IReadOnlyCollection<int> urns, KeyStage keyStage, int[]? years, bool followLineage, CancellationToken cancellationToken)
    {
        var lineage = followLineage
            ? await Lineage.OfAsync(db, urns, cancellationToken)
            : urns.Select(u => new Lineage.Step(u, u, 0)).ToLookup(s => s.Root);
        var all = lineage.SelectMany(g => g.Select(s => s.Urn)).Distinct().ToList();
        var query = db.ResultSets.AsNoTracking().Where(r => r.KeyStage == keyStage && r.Urn != null && EF.Parameter(all).Contains(r.Urn.Value));
        if (years is not null) query = query.Where(r => EF.Parameter(years).Contains(r.Year));
        var byUrn = (await query.ToListAsync(cancellationToken)).ToLookup(r => r.Urn!.Value);
        return urns.ToDictionary(urn => urn, urn => (IReadOnlyList<ResultSet>)lineage[urn]
            .SelectMany(step => byUrn[step.Urn].Select(r => (step.Depth, Set: r)))
            .GroupBy(x => x.Set.Year)
            .Select(g => g.OrderBy(x => x.Depth).First().Set)
            .OrderBy(r => r.Year)
            .ToList());
    }

    /// <summary>All stored values of a result set, by code.</summary>
    public static IDataLoaderResult<ResultValues> Values(IResolveFieldContext context, ResultSet set)
    {
        var db = context.Db();
        var loader = context.Loaders().Get<long, IReadOnlyDictionary<string, StoredValue>>("ValuesByResultSet",
            async (ids, ct) => await StoredValues.OfAsync(db, ids, null, ct), StoredValues.None);
        return new MappedResult<IReadOnlyDictionary<string, StoredValue>, ResultValues>(loader.Load(set.Id), values => new ResultValues(set, values));
    }
}
