using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Characteristics.Profiles;

/// <summary>A sum of values weighted by pupils, and how many schools and pupils it covers.</summary>
public readonly record struct WeightedSum(double Sum, double Weight, int Count)
{
    public static readonly WeightedSum Empty = new(0, 0, 0);

    public double? Mean => Weight > 0 ? Sum / Weight : null;

    public static WeightedSum operator +(WeightedSum a, WeightedSum b) => new(a.Sum + b.Sum, a.Weight + b.Weight, a.Count + b.Count);

    /// <summary>Over the pairs that have both a value and a weight.</summary>
    public static WeightedSum Over(IEnumerable<(double? Value, double? Weight)> pairs) => pairs
        .Where(p => p.Value is not null && p.Weight > 0)
        .Aggregate(Empty, (s, p) => s + new WeightedSum(p.Value!.Value * p.Weight!.Value, p.Weight!.Value, 1));
}

/// <summary>
/// A characteristics measure weighted by NOR over every school of some LAs (their census LA), and for England from
/// the <c>NAT</c> rows (each phase's figure weighted by that phase's NOR), in two statements for any number of LAs.
/// </summary>
internal static class AreaTotals
{
    public const string England = "ENGLAND";

    public static async Task<IDictionary<string, WeightedSum>> LoadAsync(AtlasDbContext db, IReadOnlyCollection<string> keys, string code, int year, CancellationToken cancellationToken)
    {
        var las = keys.Where(k => k != England).ToList();
        var tables = CharacteristicsCatalog.Tables;
        var sets = await db.ResultSets.AsNoTracking()
            .Where(r => r.Year == year && tables.Contains(r.KeyStage)
                && ((r.Level == ResultLevel.School && r.LaCode != null && EF.Parameter(las).Contains(r.LaCode)) || r.Level == ResultLevel.National))
            .ToListAsync(cancellationToken);
        var values = await StoredValues.OfAsync(db, sets.Select(s => s.Id).ToList(), [code, CharacteristicsCatalog.WeightCode], cancellationToken);
        double? ValueIn(IEnumerable<ResultSet> group, string c) => group
            .Select(s => values.GetValueOrDefault(s.Id)?.GetValueOrDefault(c))
            .FirstOrDefault(v => v?.Status == MeasureStatus.Value)?.Value;

        var result = new Dictionary<string, WeightedSum>();
        foreach (var school in sets.Where(s => s.Level == ResultLevel.School).GroupBy(s => s.Urn))
        {
            var la = school.FirstOrDefault(s => s.KeyStage == KeyStage.Census)?.LaCode ?? school.First().LaCode!;
            result[la] = result.GetValueOrDefault(la) + WeightedSum.Over([(ValueIn(school, code), ValueIn(school, CharacteristicsCatalog.WeightCode))]);
        }
        result[England] = WeightedSum.Over(sets.Where(s => s.Level == ResultLevel.National).GroupBy(s => s.Key)
            .Select(phase => (ValueIn(phase, code), ValueIn(phase, CharacteristicsCatalog.WeightCode))));
        return result;
    }
}
