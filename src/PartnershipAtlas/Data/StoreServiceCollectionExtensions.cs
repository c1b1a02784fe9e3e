using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PartnershipAtlas.Data;

public static class StoreServiceCollectionExtensions
{
    public const string ConnectionStringName = "Atlas";
    public const string DefaultConnectionString = "Data Source=partnership-atlas.db";

    /// <summary>Registers the store from configuration: <c>ConnectionStrings:Atlas</c>, SQLite by default.</summary>
    public static IServiceCollection AddAtlasStore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString;
        // Contexts come from a pool (a request reuses a context instead of building one); one per request for resolvers,
        // and the same pooled factory for importers and background work.
        services.AddPooledDbContextFactory<AtlasDbContext>(options => UseStore(options, connectionString));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AtlasDbContext>>().CreateDbContext());
        return services;
    }

    internal static void UseStore(DbContextOptionsBuilder options, string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 60, Pooling = true };
        options.UseSqlite(builder.ToString(), sqlite => sqlite.MigrationsAssembly(typeof(AtlasDbContext).Assembly.FullName));
    }

    /// <summary>Applies migrations and switches SQLite to write-ahead logging, so readers never wait for an import.</summary>
    public static async Task MigrateStoreAsync(this AtlasDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
