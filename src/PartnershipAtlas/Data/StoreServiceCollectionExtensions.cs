using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PartnershipAtlas.Data;

public static class StoreServiceCollectionExtensions
{
    public const string ConnectionStringName = "Atlas";
    public const string ProviderKey = "Atlas:Provider";
    public const string DefaultConnectionString = "Data Source=partnership-atlas.db";

    /// <summary>
    /// Whether EF Core checks that no context is used by two operations at once (default false). A request's
    /// resolvers share one context and run one at a time (the serial execution strategy); the check costs every
    /// query two async-local writes (issue 20: 7% of the nested connection's allocations), so the tests turn it on
    /// and the server leaves it off.
    /// </summary>
    public const string ThreadSafetyChecksKey = "Atlas:Store:ThreadSafetyChecks";

    /// <summary>
    /// Registers the store from configuration: <c>Atlas:Provider</c> (<c>Sqlite</c>, the default, or <c>Postgres</c>)
    /// and <c>ConnectionStrings:Atlas</c>. Contexts come from a pool (a request reuses a context instead of building
    /// one); one per request for resolvers, and the same pooled factory for importers and background work.
    /// </summary>
    public static IServiceCollection AddAtlasStore(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderOf(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        var checks = configuration.GetValue(ThreadSafetyChecksKey, false);
        if (provider == StoreProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Atlas:Provider is Postgres but ConnectionStrings:Atlas is not set (e.g. \"Host=db;Database=atlas;Username=atlas;Password=...\").");
            services.AddPooledDbContextFactory<PostgresAtlasDbContext>(options => UsePostgres(options, connectionString).EnableThreadSafetyChecks(checks));
            services.AddSingleton<IDbContextFactory<AtlasDbContext>>(provider =>
                new DerivedContextFactory<PostgresAtlasDbContext>(provider.GetRequiredService<IDbContextFactory<PostgresAtlasDbContext>>()));
            services.AddSingleton(_ => new StoreStampReader(provider, connectionString));
            services.AddSingleton(services => StoreStampWatch.For(provider, services.GetRequiredService<StoreStampReader>(), connectionString));
        }
        else
        {
            services.AddPooledDbContextFactory<AtlasDbContext>(options => UseSqlite(options, connectionString ?? DefaultConnectionString).EnableThreadSafetyChecks(checks));
            services.AddSingleton(_ => new StoreStampReader(provider, SqliteConnectionString(connectionString ?? DefaultConnectionString)));
            services.AddSingleton(services => StoreStampWatch.For(provider, services.GetRequiredService<StoreStampReader>(), ""));
        }
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AtlasDbContext>>().CreateDbContext());
        return services;
    }

    public static StoreProvider ProviderOf(IConfiguration configuration)
    {
        var name = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(name)) return StoreProvider.Sqlite;
        return Enum.TryParse<StoreProvider>(name, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderKey} is '{name}'; expected Sqlite or Postgres.");
    }

    internal static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString)
    {
        options.UseSqlite(SqliteConnectionString(connectionString), sqlite => sqlite.MigrationsAssembly(typeof(AtlasDbContext).Assembly.FullName).UseParameterizedCollectionMode(OneListParameter))
            .AddInterceptors(SqliteStatementCache.Instance, UnstampedWriteGuard.Instance);
        KeptOpenSqliteConnection.Use(options);
        return options;
    }

    private static string SqliteConnectionString(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 60, Pooling = true }.ToString();

    internal static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(AtlasDbContext).Assembly.FullName).UseParameterizedCollectionMode(OneListParameter))
            .AddInterceptors(UnstampedWriteGuard.Instance);

    /// <summary>
    /// A list in a query is one SQL parameter (json_each on SQLite, an array on PostgreSQL), as <c>EF.Parameter</c> asks
    /// for it in the queries built per request, and also in compiled queries, where <c>EF.Parameter</c> cannot be
    /// used: one statement then serves every list length (EF Core's own default writes one parameter per value).
    /// </summary>
    private const ParameterTranslationMode OneListParameter = ParameterTranslationMode.Parameter;

    /// <summary>
    /// Applies migrations (raising the <see cref="StoreStamp"/> when any ran, as they may change data); on SQLite also
    /// switches to write-ahead logging, so readers never wait for an import.
    /// </summary>
    public static async Task MigrateStoreAsync(this AtlasDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await MigrateOneInstanceAtATimeAsync(db, cancellationToken);
            return;
        }
        await MigratePendingAsync(db, cancellationToken);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    private static async Task MigratePendingAsync(AtlasDbContext db, CancellationToken cancellationToken)
    {
        if (!(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()) return;
        await db.AllowingWritesAsync(async () => { await db.Database.MigrateAsync(cancellationToken); return 0; });
        await db.WritingAsync(() => Task.FromResult(0), cancellationToken);
    }

    /// <summary>
    /// Several instances starting at once on one PostgreSQL database: EF Core's own migrations lock there is a table
    /// lock that ends with the first migration's transaction, after which a second instance would apply the next
    /// migration again beside the first ("column already exists"). A session-level advisory lock, held on one
    /// connection across every migration, lets one instance migrate while the others wait and then find nothing to do.
    /// </summary>
    private static async Task MigrateOneInstanceAtATimeAsync(AtlasDbContext db, CancellationToken cancellationToken)
    {
        const long migrationsLock = 0x41746c61734d6967; // "AtlasMig"
        await using (await AdvisoryLock.HoldAsync(db, migrationsLock, ownsContext: false, cancellationToken))
        {
            await MigratePendingAsync(db, cancellationToken);
        }
    }

    /// <summary>Hands out a provider's own context type as the <see cref="AtlasDbContext"/> everything else asks for.</summary>
    private sealed class DerivedContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AtlasDbContext>
        where TContext : AtlasDbContext
    {
        public AtlasDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
