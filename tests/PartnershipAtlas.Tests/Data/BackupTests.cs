using Microsoft.Data.Sqlite;
using PartnershipAtlas.Data.Backups;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Data;

/// <summary>
/// <c>backup FILE</c> copies a SQLite store while the server runs, with SQLite's online backup API: copies taken over
/// and over during a big import each open as a consistent store holding the state before or after it, never between;
/// <c>restore FILE</c> refuses while a server holds the store, and brings a backup back once none does.
/// </summary>
[Trait("Store", "Sqlite")]
public sealed class BackupTests : IAsyncLifetime
{
    private readonly AtlasFactory factory = new();
    private readonly string folder = Directory.CreateTempSubdirectory("atlas-backup-").FullName;

    public async Task InitializeAsync()
    {
        Assert.True(TestDatabases.Provider == PartnershipAtlas.Data.StoreProvider.Sqlite, "Backups of SQLite stores: the SQLite pass runs this.");
        await factory.ImportAsync("gias-establishments", RealData.GiasSurrey2021);
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(long Establishments, long Memberships, long Runs, long RunningRuns, string Check)> ReadAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        async Task<T> Scalar<T>(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (T)(await command.ExecuteScalarAsync())!;
        }
        return (await Scalar<long>("SELECT COUNT(*) FROM Establishments"), await Scalar<long>("SELECT COUNT(*) FROM Memberships"),
            await Scalar<long>("SELECT COUNT(*) FROM ImportRuns"), await Scalar<long>("SELECT COUNT(*) FROM ImportRuns WHERE Status = 'Running'"),
            await Scalar<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task Backups_taken_during_an_import_hold_the_state_before_or_after_it_never_between()
    {
        factory.CreateClient();
        var file = GeneratedGiasFile.Write(folder, 30_000);
        var before = await factory.CountRowsAsync();
        var import = Task.Run(() => factory.ImportAsync("gias-establishments", file));
        var copies = new List<string>();
        while (!import.IsCompleted || copies.Count == 0)
        {
            var copy = Path.Combine(folder, $"copy-{copies.Count}.db");
            await BackupCommands.BackupAsync(factory.ConnectionString, copy);
            copies.Add(copy);
        }
        var run = await import;
        var after = await factory.CountRowsAsync();
        var last = Path.Combine(folder, "copy-after.db");
        await BackupCommands.BackupAsync(factory.ConnectionString, last);
        copies.Add(last);

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.True(after.Establishments > before.Establishments);
        var states = new List<string>();
        foreach (var copy in copies)
        {
            var state = await ReadAsync(copy);
            Assert.Equal("ok", state.Check);
            var counts = (state.Establishments, state.Memberships);
            Assert.True(counts == (before.Establishments, before.Memberships) || counts == (after.Establishments, after.Memberships),
                $"{Path.GetFileName(copy)} holds {counts}, neither before {before} nor after {after}");
            states.Add(counts == (before.Establishments, before.Memberships) ? state.RunningRuns > 0 ? "during" : "before" : "after");
        }
        Assert.Contains("during", states);
        Assert.Equal("after", states[^1]); // taken once the import had returned
    }

    [Fact]
    public async Task The_backup_command_copies_a_served_store_and_restore_waits_until_no_server_holds_it()
    {
        factory.CreateClient();
        var copy = Path.Combine(folder, "served.db");
        var before = await factory.CountRowsAsync();

        var backup = await AtlasCli.RunAsync(factory, "backup", copy);
        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var refused = await AtlasCli.RunAsync(factory, "restore", copy);
        var changed = await factory.CountRowsAsync();
        await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        var restored = await AtlasCli.RunAsync(factory, "restore", copy);
        var notAStore = await AtlasCli.RunAsync(factory, "restore", RealData.GiasSurrey2021);

        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("a running server holds", refused.Output, StringComparison.Ordinal);
        Assert.NotEqual(before, changed);
        Assert.True(restored.ExitCode == 0, restored.Output);
        var state = await ReadAsync(new SqliteConnectionStringBuilder(factory.ConnectionString).DataSource);
        Assert.Equal((before.Establishments, before.Memberships), (state.Establishments, state.Memberships));
        Assert.Equal(1, notAStore.ExitCode);
        Assert.Contains("is not a SQLite store", notAStore.Output, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        TestDatabases.Drop(factory.ConnectionString);
    }
}
