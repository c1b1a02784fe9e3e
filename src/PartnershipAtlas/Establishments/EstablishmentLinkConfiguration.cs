using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnershipAtlas.Establishments;

internal sealed class EstablishmentLinkConfiguration : IEntityTypeConfiguration<EstablishmentLink>
{
    public void Configure(EntityTypeBuilder<EstablishmentLink> builder)
    {
        builder.ToTable("EstablishmentLinks");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.LinkedName).HasMaxLength(200);
        builder.Property(l => l.LinkType).HasMaxLength(100);
        builder.HasIndex(l => new { l.Urn, l.LinkedUrn, l.LinkType }).IsUnique();
        builder.HasIndex(l => l.LinkedUrn);
    }
}
