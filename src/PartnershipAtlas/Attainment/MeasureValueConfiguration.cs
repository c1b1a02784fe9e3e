using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnershipAtlas.Attainment;

/// <summary>The long table: one row per result set and measure (a national KS4 file is ~5,000 × ~500 of them).</summary>
internal sealed class MeasureValueConfiguration : IEntityTypeConfiguration<MeasureValue>
{
    public void Configure(EntityTypeBuilder<MeasureValue> builder)
    {
        builder.ToTable("MeasureValues");
        builder.HasKey(v => new { v.ResultSetId, v.MeasureId });
        builder.Property(v => v.Raw).HasMaxLength(200);
        builder.HasOne<ResultSet>().WithMany().HasForeignKey(v => v.ResultSetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Measure>().WithMany().HasForeignKey(v => v.MeasureId);
    }
}
