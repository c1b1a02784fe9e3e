using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Tests.Support;

/// <summary>
/// Which store the tests run on: SQLite files by default, or a real PostgreSQL server when ATLAS_TEST_PROVIDER=Postgres
/// and ATLAS_TEST_POSTGRES holds its connection string (scripts/postgres starts one). Each test server gets a database
/// of its own, copied from a template this process migrated once. A missing server fails the tests; nothing is skipped.
/// </summary>
public static class TestDatabases
{
    public static StoreProvider Provider { get; } =
        Enum.Parse<StoreProvider>(Environment.GetEnvironmentVariable("ATLAS_TEST_PROVIDER") is { Length: > 0 } name ? name : nameof(StoreProvider.Sqlite), ignoreCase: true);

    private static readonly Lazy<string> Template = new(CreateTemplate);

    private static string Server => Environment.GetEnvironmentVariable("ATLAS_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            "ATLAS_TEST_POSTGRES (a PostgreSQL server's connection string) is not set; the tests on PostgreSQL (ATLAS_TEST_PROVIDER=Postgres, " +
            "and those marked Store=Postgres) need it: ATLAS_TEST_POSTGRES=\"$(scripts/postgres start 54331)\".");

    /// <summary>A new, migrated, empty store; returns its connection string.</summary>
    public static string Create() => Create(Provider);

    public static string Create(StoreProvider provider)
    {
        if (provider == StoreProvider.Sqlite) return $"Data Source={Path.Combine(Path.GetTempPath(), $"atlas-test-{Guid.NewGuid():N}.db")}";
        var name = $"atlas_test_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"");
        return On(name);
    }

    /// <summary>A new store with nothing in it, not even the schema, on the provider the tests run on; returns its connection string.</summary>
    public static string CreateEmpty() => Provider == StoreProvider.Sqlite ? Create(Provider) : CreateEmptyPostgres();

    /// <summary>
    /// A new, empty PostgreSQL database (not migrated: the servers started on it migrate it), whichever provider the
    /// other tests run on; returns its connection string. Drop it with <see cref="DropPostgres"/>.
    /// </summary>
    public static string CreateEmptyPostgres()
    {
        var name = $"atlas_test_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        return On(name);
    }

    public static void Drop(string connectionString) => Drop(Provider, connectionString);

    public static void Drop(StoreProvider provider, string connectionString)
    {
        if (provider == StoreProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
            return;
        }
        DropPostgres(connectionString);
    }

    public static void DropPostgres(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        Execute($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
    }

    private static string CreateTemplate()
    {
        var name = $"atlas_template_{Environment.ProcessId}";
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        Execute($"CREATE DATABASE \"{name}\"");
        var options = new DbContextOptionsBuilder<PostgresAtlasDbContext>().UseNpgsql(On(name)).Options;
        using (var db = new PostgresAtlasDbContext(options)) db.Database.Migrate();
        using (var connection = new NpgsqlConnection(On(name))) NpgsqlConnection.ClearPool(connection);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        return name;
    }

    private static string On(string database) => new NpgsqlConnectionStringBuilder(Server) { Database = database }.ToString();

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(On("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
