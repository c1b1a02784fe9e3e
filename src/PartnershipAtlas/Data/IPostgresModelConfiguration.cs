using Microsoft.EntityFrameworkCore;

namespace PartnershipAtlas.Data;

/// <summary>
/// What a feature's model needs on PostgreSQL only (a collation, a check constraint with quoted names), applied by
/// <see cref="PostgresAtlasDbContext"/> after the configurations both stores share.
/// </summary>
public interface IPostgresModelConfiguration
{
    void Configure(ModelBuilder modelBuilder);
}
