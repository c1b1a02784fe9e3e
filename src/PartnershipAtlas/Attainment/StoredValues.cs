using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Attainment;

/// <summary>
/// The stored values of many result sets in one statement, by result set and code. Large id lists go as one JSON
/// parameter (<c>EF.Parameter</c>): EF Core 10 would otherwise bind one SQL variable per id, past SQLite's limit.
/// </summary>
public static class StoredValues
{
    /// <param name="codes">Only these fields, or every field when null.</param>
    public static async Task<Dictionary<long, IReadOnlyDictionary<string, StoredValue>>> OfAsync(
        AtlasDbContext db, IReadOnlyCollection<long> resultSetIds, string[]? codes, CancellationToken cancellationToken)
    {
        var values = db.MeasureValues.Where(v => EF.Parameter(resultSetIds).Contains(v.ResultSetId));
        if (codes is not null)
        {
            // By measure id, so SQLite seeks (ResultSetId, MeasureId) instead of reading every field of each result set.
            var measureIds = db.Measures.Where(m => codes.Contains(m.Code)).Select(m => m.Id);
            values = values.Where(v => measureIds.Contains(v.MeasureId));
        }
        var query = from v in values
                    join m in db.Measures on v.MeasureId equals m.Id
                    select new { v.ResultSetId, m.Code, v.Value, v.Status, v.Raw, m.IsPercentage };
        return (await query.ToListAsync(cancellationToken))
            .GroupBy(x => x.ResultSetId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, StoredValue>)g.ToDictionary(
                x => x.Code, x => new StoredValue(x.Value, x.Status, x.Raw, x.IsPercentage), StringComparer.OrdinalIgnoreCase));
    }

    public static readonly IReadOnlyDictionary<string, StoredValue> None = new Dictionary<string, StoredValue>();
}
