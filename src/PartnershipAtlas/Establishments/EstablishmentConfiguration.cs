using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnershipAtlas.Establishments;

internal sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> builder)
    {
        builder.ToTable("Establishments");
        builder.HasKey(e => e.Urn);
        builder.Property(e => e.Urn).ValueGeneratedNever();
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.LaCode).HasMaxLength(10);
        builder.Property(e => e.Postcode).HasMaxLength(12);
        builder.HasIndex(e => e.LaCode);
        builder.HasIndex(e => e.Name);
    }
}
