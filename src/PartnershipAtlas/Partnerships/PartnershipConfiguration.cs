using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnershipAtlas.Partnerships;

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.ToTable("Partnerships");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.Property(p => p.SourceKey).HasMaxLength(340);
        builder.Property(p => p.GroupId).HasMaxLength(20);
        builder.Property(p => p.CompaniesHouseNumber).HasMaxLength(20);
        builder.Property(p => p.Status).HasMaxLength(40);
        builder.Property(p => p.Code).HasMaxLength(60);
        builder.Property(p => p.Website).HasMaxLength(300);
        builder.Property(p => p.ContactEmail).HasMaxLength(200);
        builder.Property(p => p.ContactPhone).HasMaxLength(60);
        builder.Property(p => p.FederationType).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Denomination).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => p.SourceKey).IsUnique();
        builder.HasIndex(p => new { p.Kind, p.Id });
    }
}
