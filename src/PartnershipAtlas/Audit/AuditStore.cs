using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Audit;

/// <summary>The store's tables of the audit log, as members of the context (<c>db.AuditEntries</c>).</summary>
public static class AuditStore
{
    extension(AtlasDbContext db)
    {
        public DbSet<AuditEntry> AuditEntries => db.Set<AuditEntry>();
    }
}
