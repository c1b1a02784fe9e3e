using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Characteristics;

/// <summary>The store's tables of the GIAS extract attributes, as members of the context (<c>db.EstablishmentExtracts</c>).</summary>
public static class CharacteristicsStore
{
    extension(AtlasDbContext db)
    {
        public DbSet<EstablishmentExtract> EstablishmentExtracts => db.Set<EstablishmentExtract>();
    }
}
