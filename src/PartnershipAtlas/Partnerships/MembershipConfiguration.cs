using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnershipAtlas.Partnerships;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("Memberships");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.Source).HasMaxLength(60);
        builder.HasOne(m => m.Establishment).WithMany(e => e.Memberships).HasForeignKey(m => m.EstablishmentUrn);
        builder.HasOne(m => m.Organisation).WithMany(o => o.Memberships).HasForeignKey(m => m.OrganisationId);
        builder.HasOne(m => m.Partnership).WithMany(p => p.Memberships).HasForeignKey(m => m.PartnershipId);
        builder.HasOne(m => m.MemberPartnership).WithMany().HasForeignKey(m => m.MemberPartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.PartnershipId, m.EstablishmentUrn });
        builder.HasIndex(m => new { m.EstablishmentUrn, m.PartnershipId });
        builder.HasIndex(m => new { m.OrganisationId, m.PartnershipId });
        builder.HasIndex(m => new { m.MemberPartnershipId, m.PartnershipId });
        builder.HasIndex(m => m.Source);
        builder.ToTable(t => t.HasCheckConstraint("CK_Memberships_OneMember", OneMember(name => name)));
        builder.ToTable(t => t.HasCheckConstraint("CK_Memberships_NotItsOwnMember", NotItsOwnMember(name => name)));
    }

    /// <summary>Exactly one of the three member columns is set (names quoted as the provider needs).</summary>
    public static string OneMember(Func<string, string> column) =>
        string.Join(" + ", new[] { "EstablishmentUrn", "OrganisationId", "MemberPartnershipId" }.Select(c => $"(CASE WHEN {column(c)} IS NULL THEN 0 ELSE 1 END)")) + " = 1";

    /// <summary>A network is never a member of itself.</summary>
    public static string NotItsOwnMember(Func<string, string> column) =>
        $"{column("MemberPartnershipId")} IS NULL OR {column("MemberPartnershipId")} <> {column("PartnershipId")}";
}
