using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Attainment;

/// <summary>On PostgreSQL, measure codes compare without regard to case, as SQLite's NOCASE does.</summary>
internal sealed class MeasurePostgresConfiguration : IPostgresModelConfiguration
{
    public void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Measure>().Property(m => m.Code).UseCollation(PostgresAtlasDbContext.CaseInsensitive);
}
