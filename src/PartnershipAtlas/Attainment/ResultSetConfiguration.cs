using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnershipAtlas.Attainment;

internal sealed class ResultSetConfiguration : IEntityTypeConfiguration<ResultSet>
{
    public void Configure(EntityTypeBuilder<ResultSet> builder)
    {
        builder.ToTable("ResultSets");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.KeyStage).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Key).HasMaxLength(40);
        builder.Property(r => r.LaCode).HasMaxLength(10);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.HasIndex(r => new { r.KeyStage, r.Year, r.Key }).IsUnique();
        builder.HasIndex(r => new { r.Urn, r.KeyStage, r.Year });
    }
}
