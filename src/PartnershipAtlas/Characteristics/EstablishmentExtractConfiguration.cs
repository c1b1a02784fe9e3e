using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnershipAtlas.Characteristics;

/// <summary>One row per school and GIAS extract date (no foreign key: on PostgreSQL establishments are written in batches after these).</summary>
internal sealed class EstablishmentExtractConfiguration : IEntityTypeConfiguration<EstablishmentExtract>
{
    public void Configure(EntityTypeBuilder<EstablishmentExtract> builder)
    {
        builder.ToTable("EstablishmentExtracts");
        builder.HasKey(e => new { e.Urn, e.ExtractDate });
        builder.Property(e => e.OfstedRating).HasMaxLength(60);
        builder.Property(e => e.Gender).HasMaxLength(40);
        builder.Property(e => e.ReligiousCharacter).HasMaxLength(100);
        builder.Property(e => e.AdmissionsPolicy).HasMaxLength(60);
        builder.Property(e => e.UrbanRural).HasMaxLength(100);
        builder.Property(e => e.Boarders).HasMaxLength(60);
    }
}
