using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PartnershipAtlas.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AtlasDbContext>
{
    public AtlasDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AtlasDbContext>();
        StoreServiceCollectionExtensions.UseSqlite(options, StoreServiceCollectionExtensions.DefaultConnectionString);
        return new AtlasDbContext(options.Options);
    }
}

/// <summary>The same for the PostgreSQL context (<c>--context PostgresAtlasDbContext</c>); no server is contacted.</summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresAtlasDbContext>
{
    public PostgresAtlasDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresAtlasDbContext>();
        StoreServiceCollectionExtensions.UsePostgres(options, "Host=localhost;Database=atlas");
        return new PostgresAtlasDbContext(options.Options);
    }
}
