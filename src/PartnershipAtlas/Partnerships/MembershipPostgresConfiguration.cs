using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Partnerships;

/// <summary>On PostgreSQL, the membership check constraints name their columns quoted.</summary>
internal sealed class MembershipPostgresConfiguration : IPostgresModelConfiguration
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Membership>().ToTable(t =>
    {
        t.HasCheckConstraint("CK_Memberships_OneMember", MembershipConfiguration.OneMember(PostgresAtlasDbContext.Quoted));
        t.HasCheckConstraint("CK_Memberships_NotItsOwnMember", MembershipConfiguration.NotItsOwnMember(PostgresAtlasDbContext.Quoted));
    });
}
