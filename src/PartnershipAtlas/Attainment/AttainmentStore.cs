using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Attainment;

/// <summary>The store's tables of the performance-table results, as members of the context (<c>db.ResultSets</c>).</summary>
public static class AttainmentStore
{
    extension(AtlasDbContext db)
    {
        public DbSet<ResultSet> ResultSets => db.Set<ResultSet>();
        public DbSet<Measure> Measures => db.Set<Measure>();
        public DbSet<MeasureValue> MeasureValues => db.Set<MeasureValue>();
    }
}
