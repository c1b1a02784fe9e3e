using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Reference;

/// <summary>The store's tables of the reference lists: LA areas, successions, area coverage, district aliases, listed members, as members of the context (<c>db.LocalAuthorityAreas</c>).</summary>
public static class ReferenceStore
{
    extension(AtlasDbContext db)
    {
        public DbSet<LocalAuthorityArea> LocalAuthorityAreas => db.Set<LocalAuthorityArea>();
        public DbSet<LocalAuthoritySuccession> LocalAuthoritySuccessions => db.Set<LocalAuthoritySuccession>();
        public DbSet<AreaCoverage> AreaCoverages => db.Set<AreaCoverage>();
        public DbSet<DistrictAlias> DistrictAliases => db.Set<DistrictAlias>();
        public DbSet<ListedMember> ListedMembers => db.Set<ListedMember>();
    }
}
