using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Partnerships;

/// <summary>The store's tables of the networks, their memberships, organisations and reviews, as members of the context (<c>db.Partnerships</c>).</summary>
public static class PartnershipsStore
{
    extension(AtlasDbContext db)
    {
        public DbSet<Partnership> Partnerships => db.Set<Partnership>();
        public DbSet<Membership> Memberships => db.Set<Membership>();
        public DbSet<Organisation> Organisations => db.Set<Organisation>();
        public DbSet<Review> Reviews => db.Set<Review>();
    }
}
