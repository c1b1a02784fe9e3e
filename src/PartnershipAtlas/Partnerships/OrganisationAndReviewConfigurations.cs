using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnershipAtlas.Partnerships;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(300);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.SourceKey).HasMaxLength(340);
        builder.HasIndex(o => o.SourceKey).IsUnique();
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("Reviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Focus).HasMaxLength(500);
        builder.Property(r => r.Outcome).HasMaxLength(1000);
        builder.Property(r => r.Source).HasMaxLength(60);
        builder.HasOne(r => r.Partnership).WithMany(p => p.Reviews).HasForeignKey(r => r.PartnershipId);
        builder.HasIndex(r => new { r.PartnershipId, r.Date });
    }
}
