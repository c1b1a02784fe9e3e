using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Establishments;

/// <summary>The store's tables of the establishments and their GIAS links, as members of the context (<c>db.Establishments</c>).</summary>
public static class EstablishmentsStore
{
    extension(AtlasDbContext db)
    {
        public DbSet<Establishment> Establishments => db.Set<Establishment>();
        public DbSet<EstablishmentLink> EstablishmentLinks => db.Set<EstablishmentLink>();
    }
}
