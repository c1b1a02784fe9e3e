using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Data;
using PartnershipAtlas.Establishments;

namespace PartnershipAtlas.Characteristics;

/// <summary>
/// The characteristics <c>establishmentCounts</c> can group by: the latest Ofsted rating on asOf (latest GIAS extract
/// on or before it) and the FSM-ever band of the latest census (<c>PNUMFSMEVER</c> in 10-point bands), both worked
/// out in SQL beside the other grouped values.
/// </summary>
public static class CharacteristicsGroupings
{
    /// <summary>The FSM-ever bands, lowest first: a school with PNUMFSMEVER 23.4 is in <c>20-30</c>; 50 and over in <c>50+</c>.</summary>
    public static readonly string[] FsmEverBands = ["0-10", "10-20", "20-30", "30-40", "40-50", "50+"];

    public static async Task<IQueryable<EstablishmentCount>> AddAsync(AtlasDbContext db, IQueryable<EstablishmentCount> rows, DateOnly asOf, CancellationToken cancellationToken)
    {
        var year = await db.ResultSets.Where(r => r.KeyStage == KeyStage.Census).MaxAsync(r => (int?)r.Year, cancellationToken) ?? 0;
        var fsm = await db.Measures.Where(m => m.KeyStage == KeyStage.Census && m.Code == "PNUMFSMEVER").Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken) ?? 0;
        return rows.Select(r => new EstablishmentCount
        {
            Urn = r.Urn, LaCode = r.LaCode, LaName = r.LaName, Phase = r.Phase, Type = r.Type, Kind = r.Kind,
            OfstedGrade = db.Set<EstablishmentExtract>().Where(x => x.Urn == r.Urn && x.ExtractDate <= asOf).OrderByDescending(x => x.ExtractDate).Select(x => x.OfstedRating).FirstOrDefault(),
            FsmEverPercent = (from s in db.Set<ResultSet>()
                              join v in db.Set<MeasureValue>() on s.Id equals v.ResultSetId
                              where s.KeyStage == KeyStage.Census && s.Year == year && s.Urn == r.Urn && v.MeasureId == fsm && v.Status == MeasureStatus.Value
                              select v.Value).FirstOrDefault(),
        }).Select(r => new EstablishmentCount
        {
            Urn = r.Urn, LaCode = r.LaCode, LaName = r.LaName, Phase = r.Phase, Type = r.Type, Kind = r.Kind, OfstedGrade = r.OfstedGrade,
            FsmEverBand = r.FsmEverPercent == null ? null : r.FsmEverPercent < 10 ? "0-10" : r.FsmEverPercent < 20 ? "10-20" : r.FsmEverPercent < 30 ? "20-30"
                : r.FsmEverPercent < 40 ? "30-40" : r.FsmEverPercent < 50 ? "40-50" : "50+",
        });
    }

    /// <summary>The band of a PNUMFSMEVER value.</summary>
    public static string BandOf(double percent) => FsmEverBands[Math.Clamp((int)Math.Floor(percent / 10), 0, FsmEverBands.Length - 1)];

    /// <summary>The schools whose latest census PNUMFSMEVER is in the band (one statement).</summary>
    public static async Task<HashSet<int>> UrnsInBandAsync(AtlasDbContext db, string band, CancellationToken cancellationToken)
    {
        var year = await db.ResultSets.Where(r => r.KeyStage == KeyStage.Census).MaxAsync(r => (int?)r.Year, cancellationToken);
        var values = await (from s in db.ResultSets
                            join v in db.MeasureValues on s.Id equals v.ResultSetId
                            join m in db.Measures on v.MeasureId equals m.Id
                            where s.KeyStage == KeyStage.Census && s.Year == year && s.Urn != null && m.Code == "PNUMFSMEVER" && v.Status == MeasureStatus.Value
                            select new { Urn = s.Urn!.Value, Value = v.Value!.Value }).ToListAsync(cancellationToken);
        return values.Where(x => BandOf(x.Value) == band).Select(x => x.Urn).ToHashSet();
    }
}
