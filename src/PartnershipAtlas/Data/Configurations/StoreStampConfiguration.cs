using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartnershipAtlas.Data.Configurations;

internal sealed class StoreStampConfiguration : IEntityTypeConfiguration<StoreStamp>
{
    public void Configure(EntityTypeBuilder<StoreStamp> builder)
    {
        builder.ToTable(StoreStamp.Table);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new StoreStamp { Id = StoreStamp.TheRow, Version = 0, DataVersion = 0 });
    }
}
