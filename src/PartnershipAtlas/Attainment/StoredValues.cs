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
        var query = from v in db.MeasureValues
                    join m in db.Measures on v.MeasureId equals m.Id
                    where EF.Parameter(resultSetIds).Contains(v.ResultSetId)
                    select new { v.ResultSetId, m.Code, v.Value, v.Status, v.Raw, m.IsPercentage };
        if (codes is not null) query = query.Where(x => codes.Contains(x.Code));
        return (await query.ToListAsync(cancellationToken))
            .GroupBy(x => x.ResultSetId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, StoredValue>)g.ToDictionary(
                x => x.Code, x => new StoredValue(x.Value, x.Status, x.Raw, x.IsPercentage), StringComparer.OrdinalIgnoreCase));
    }

    public static readonly IReadOnlyDictionary<string, StoredValue> None = new Dictionary<string, StoredValue>();
}
