using Microsoft.EntityFrameworkCore;

namespace PartnershipAtlas.Data;

/// <summary>The store on PostgreSQL: the same model, its own migrations (<c>Data/Migrations/Postgres</c>).</summary>
public sealed class PostgresAtlasDbContext(DbContextOptions<PostgresAtlasDbContext> options) : AtlasDbContext(options)
{
    /// <summary>A case-insensitive collation standing in for SQLite's NOCASE.</summary>
    public const string CaseInsensitive = "atlas_case_insensitive";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasCollation(CaseInsensitive, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        foreach (var configuration in PostgresConfigurations) configuration.Configure(modelBuilder);
    }

    /// <summary>What the features' models need on PostgreSQL only, in a fixed order (by type name).</summary>
    private static readonly IPostgresModelConfiguration[] PostgresConfigurations =
        [.. typeof(PostgresAtlasDbContext).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IPostgresModelConfiguration).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IPostgresModelConfiguration)Activator.CreateInstance(t)!)];

    /// <summary>A column name quoted for PostgreSQL, which folds unquoted names to lower case while EF Core's keep their case.</summary>
    public static string Quoted(string column) => $"\"{column}\"";
}
