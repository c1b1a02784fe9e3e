using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnershipAtlas.Attainment;

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.ToTable("Measures");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.KeyStage).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Code).HasMaxLength(150).UseCollation("NOCASE");
        builder.HasIndex(m => new { m.KeyStage, m.Code }).IsUnique();
    }
}
