using Microsoft.Data.Sqlite;

namespace PartnershipAtlas.Data.Backups;

/// <summary>
/// <c>backup FILE</c>: copies the SQLite store with SQLite's online backup API while servers run and imports write; the
/// copy is one read snapshot, so it holds the state before or after an import's commit, never between.
/// <c>restore FILE</c>: checks FILE is a sound store and copies it over the store, refusing while a server holds it.
/// On PostgreSQL both point to pg_dump/pg_restore (docs/operating.md).
/// </summary>
public static class BackupCommands
{
    public static async Task<int> RunAsync(string command, IReadOnlyList<string> operands, string[] hostArgs)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(hostArgs).Build();
        if (operands.Count != 1)
        {
            await Console.Error.WriteLineAsync($"Usage: {command} FILE");
            return 2;
        }
        if (StoreServiceCollectionExtensions.ProviderOf(configuration) != StoreProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync($"{command}: the store is PostgreSQL; use pg_dump / pg_restore as docs/operating.md describes.");
            return 2;
        }
        var connectionString = configuration.GetConnectionString(StoreServiceCollectionExtensions.ConnectionStringName) ?? StoreServiceCollectionExtensions.DefaultConnectionString;
        try
        {
            var message = command == "backup" ? await BackupAsync(connectionString, operands[0]) : await RestoreAsync(connectionString, operands[0]);
            Console.WriteLine(message);
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync($"{command}: {e.Message}");
            return 1;
        }
    }

    public static async Task<string> BackupAsync(string connectionString, string file)
    {
        var store = new SqliteStoreFile(connectionString);
        if (!File.Exists(store.Path)) throw new BackupException($"there is no store at {store.Path}.");
        var target = Path.GetFullPath(file);
        if (target == store.Path) throw new BackupException("the backup file is the store itself.");
        var temporary = target + ".partial";
        File.Delete(temporary);
        await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 60 }.ToString()))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
        {
            await source.OpenAsync();
            await copy.OpenAsync();
            source.BackupDatabase(copy);
        }
        File.Move(temporary, target, overwrite: true);
        return $"Backed up {store.Path} to {target} ({new FileInfo(target).Length:N0} bytes).";
    }

    public static async Task<string> RestoreAsync(string connectionString, string file)
    {
        var store = new SqliteStoreFile(connectionString);
        var source = Path.GetFullPath(file);
        if (!File.Exists(source)) throw new BackupException($"there is no backup at {source}.");
        await CheckAsync(source);
        await using var hold = store.TryHoldExclusive()
            ?? throw new BackupException($"a running server holds {store.Path} (its hold file {store.HoldPath} is locked): stop every server on this store, then restore.");
        await using (var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.Path, Pooling = false, DefaultTimeout = 60 }.ToString()))
        {
            await backup.OpenAsync();
            await target.OpenAsync();
            backup.BackupDatabase(target);
        }
        return $"Restored {store.Path} from {source}.";
    }

    /// <summary>Refuses a file that is not a sound SQLite store of this application.</summary>
    private static async Task CheckAsync(string path)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            var check = (string?)await command.ExecuteScalarAsync();
            if (check != "ok") throw new BackupException($"{path} is damaged: {check}.");
            command.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE name = '{StoreStamp.Table}'";
            if ((long)(await command.ExecuteScalarAsync())! == 0) throw new BackupException($"{path} is not a PartnershipAtlas store (it has no {StoreStamp.Table} table).");
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{path} is not a SQLite store ({e.Message}).");
        }
    }

    private sealed class BackupException(string message) : Exception(message);
}
