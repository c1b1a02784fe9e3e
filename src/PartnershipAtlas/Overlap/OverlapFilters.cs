using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Characteristics;
using PartnershipAtlas.Data;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Overlap;

/// <summary>
/// Where the schools counted are: an LA code, a region (GIAS <c>GOR</c> name) and a phase of education, each optional
/// and matched whole, ignoring case (ASCII), and an FSM-ever band of the latest census (<see cref="CharacteristicsGroupings.FsmEverBands"/>).
/// A school outside the area counts for nothing: not as shared, not in a network's size.
/// </summary>
public sealed record AreaFilter(string? LaCode, string? Region, string? Phase, string? FsmEverBand = null)
{
    public static AreaFilter Everywhere { get; } = new(null, null, null);

    public string Key => $"{LaCode}|{Region}|{Phase}|{FsmEverBand}".ToUpperInvariant();

    public bool IsEverywhere => LaCode is null && Region is null && Phase is null && FsmEverBand is null;

    /// <summary>Which of the snapshot's schools are in the area; null when all are. One query for the area's URNs.</summary>
    public async Task<bool[]?> MaskAsync(AtlasDbContext db, OverlapSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (IsEverywhere) return null;
        var (laCode, region, phase) = (LaCode?.ToUpperInvariant(), Region?.ToUpperInvariant(), Phase?.ToUpperInvariant());
        var urns = await db.Establishments.AsNoTracking()
            .Where(e => (laCode == null || e.LaCode!.ToUpper() == laCode) && (region == null || e.Region!.ToUpper() == region) && (phase == null || e.Phase!.ToUpper() == phase))
            .Select(e => e.Urn)
            .ToListAsync(cancellationToken);
        if (FsmEverBand is not null)
        {
            var inBand = await CharacteristicsGroupings.UrnsInBandAsync(db, FsmEverBand, cancellationToken);
            urns = urns.Where(inBand.Contains).ToList();
        }
        var mask = new bool[snapshot.SchoolCount];
        foreach (var urn in urns)
        {
            if (snapshot.IndexOfSchool(urn) is var school and >= 0) mask[school] = true;
        }
        return mask;
    }
}

/// <summary>A set of network kinds; null kinds means every kind (including kinds added later).</summary>
public sealed class KindSet
{
    private readonly HashSet<PartnershipKind>? kinds;

    private KindSet(IEnumerable<PartnershipKind>? kinds) => this.kinds = kinds is null ? null : [.. kinds];

    public static KindSet All { get; } = new(null);

    public static KindSet Of(IEnumerable<PartnershipKind>? kinds) => kinds is null ? All : new KindSet(kinds);

    public string Key => kinds is null ? "*" : string.Join(",", kinds.Order());

    public bool Contains(PartnershipKind kind) => kinds is null || kinds.Contains(kind);

    /// <summary>Which of the snapshot's networks are of these kinds.</summary>
    public bool[] Mask(OverlapSnapshot snapshot)
    {
        var mask = new bool[snapshot.NetworkCount];
        for (var n = 0; n < mask.Length; n++) mask[n] = Contains(snapshot.Kinds[n]);
        return mask;
    }
}
