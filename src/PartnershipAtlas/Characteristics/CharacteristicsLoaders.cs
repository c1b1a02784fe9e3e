using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Characteristics;

/// <summary>Schools' characteristics by year, batched: one statement for the result sets, one for their values.</summary>
public static class CharacteristicsLoaders
{
    /// <summary>The school's characteristics, one entry per year in year order.</summary>
    public static IDataLoaderResult<IReadOnlyList<SchoolCharacteristics>> Series(IResolveFieldContext context, int urn)
    {
        var db = context.Db();
        return context.Loaders().Get<int, IReadOnlyList<SchoolCharacteristics>>("CharacteristicsBySchool",
            async (urns, ct) => await SeriesAsync(db, urns, null, ct), []).Load(urn);
    }

    /// <summary>The school's characteristics of one year, or of its latest year when none is given; null when there are none.</summary>
    public static IDataLoaderResult<SchoolCharacteristics?> Year(IResolveFieldContext context, int urn, int? year) =>
        new MappedResult<IReadOnlyList<SchoolCharacteristics>, SchoolCharacteristics?>(Series(context, urn),
            series => year is int y ? series.FirstOrDefault(s => s.Year == y) : series.LastOrDefault());

    /// <param name="codes">Only these codes' values (all when null).</param>
    public static async Task<IDictionary<int, IReadOnlyList<SchoolCharacteristics>>> SeriesAsync(
        AtlasDbContext db, IReadOnlyCollection<int> urns, string[]? codes, CancellationToken cancellationToken, int? year = null)
    {
        var tables = CharacteristicsCatalog.Tables;
        var query = db.ResultSets.AsNoTracking()
            .Where(r => r.Urn != null && EF.Parameter(urns.ToList()).Contains(r.Urn.Value) && tables.Contains(r.KeyStage));
        if (year is int y) query = query.Where(r => r.Year == y);
        var sets = await query.ToListAsync(cancellationToken);
        var values = sets.Count == 0 ? [] : await StoredValues.OfAsync(db, sets.Select(s => s.Id).ToList(), codes, cancellationToken);
        return sets.GroupBy(s => s.Urn!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<SchoolCharacteristics>)g
            .GroupBy(s => s.Year).OrderBy(y => y.Key)
            .Select(y => new SchoolCharacteristics(y.Key, y.OrderBy(s => Array.IndexOf(tables, s.KeyStage))
                .Select(s => new ResultValues(s, values.GetValueOrDefault(s.Id) ?? StoredValues.None)).ToList()))
            .ToList());
    }
}
