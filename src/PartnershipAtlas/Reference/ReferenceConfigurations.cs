using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnershipAtlas.Reference;

internal sealed class LocalAuthorityAreaConfiguration : IEntityTypeConfiguration<LocalAuthorityArea>
{
    public void Configure(EntityTypeBuilder<LocalAuthorityArea> builder)
    {
        builder.ToTable("LocalAuthorityAreas");
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Code).HasMaxLength(10);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Source).HasMaxLength(500);
    }
}

internal sealed class LocalAuthoritySuccessionConfiguration : IEntityTypeConfiguration<LocalAuthoritySuccession>
{
    public void Configure(EntityTypeBuilder<LocalAuthoritySuccession> builder)
    {
        builder.ToTable("LocalAuthoritySuccessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.FromCode).HasMaxLength(10);
        builder.Property(s => s.ToCode).HasMaxLength(10);
        builder.HasIndex(s => new { s.ToCode, s.FromCode }).IsUnique();
    }
}

internal sealed class AreaCoverageConfiguration : IEntityTypeConfiguration<AreaCoverage>
{
    public void Configure(EntityTypeBuilder<AreaCoverage> builder)
    {
        builder.ToTable("AreaCoverages");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.LaCode).HasMaxLength(10);
        builder.Property(a => a.District).HasMaxLength(200);
        builder.HasOne(a => a.Partnership).WithMany().HasForeignKey(a => a.PartnershipId);
        builder.HasIndex(a => a.PartnershipId);
    }
}

internal sealed class DistrictAliasConfiguration : IEntityTypeConfiguration<DistrictAlias>
{
    public void Configure(EntityTypeBuilder<DistrictAlias> builder)
    {
        builder.ToTable("DistrictAliases");
        builder.HasKey(a => a.Alias);
        builder.Property(a => a.Alias).HasMaxLength(200);
        builder.Property(a => a.District).HasMaxLength(200);
        builder.Property(a => a.Source).HasMaxLength(1000);
    }
}

internal sealed class ListedMemberConfiguration : IEntityTypeConfiguration<ListedMember>
{
    public void Configure(EntityTypeBuilder<ListedMember> builder)
    {
        builder.ToTable("ListedMembers");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(m => m.Partnership).WithMany().HasForeignKey(m => m.PartnershipId);
        builder.HasIndex(m => new { m.PartnershipId, m.Urn });
    }
}
