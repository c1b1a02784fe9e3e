using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Imports;

/// <summary>The store's tables of the record of import runs, as members of the context (<c>db.ImportRuns</c>).</summary>
public static class ImportsStore
{
    extension(AtlasDbContext db)
    {
        public DbSet<ImportRun> ImportRuns => db.Set<ImportRun>();
        public DbSet<ImportRejection> ImportRejections => db.Set<ImportRejection>();
    }
}
