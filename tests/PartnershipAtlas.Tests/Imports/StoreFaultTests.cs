using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>
/// A store that runs out of disk space during an import (a real, small tmpfs: the test runs as root, as scripts/test
/// does): the import fails cleanly with the reason on its run, nothing of it is applied, and readers keep answering.
/// </summary>
[Trait("Store", "Sqlite")]
public sealed class StoreFaultTests : IAsyncLifetime
{
    private readonly string mount = Directory.CreateTempSubdirectory("atlas-full-").FullName;
    private readonly string folder = Directory.CreateTempSubdirectory("atlas-full-files-").FullName;

    private static void Run(string command, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {arguments}: {error} (this test mounts a tmpfs: run it as root)");
    }

    public Task InitializeAsync()
    {
        Assert.True(TestDatabases.Provider == PartnershipAtlas.Data.StoreProvider.Sqlite, "A full SQLite disk: the SQLite pass runs this.");
        Run("mount", $"-t tmpfs -o size=24m tmpfs {mount}");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Run("umount", $"--lazy {mount}");
        Directory.Delete(mount);
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_import_that_fills_the_disk_fails_cleanly_and_readers_keep_answering()
    {
        await using var factory = new AtlasFactory { Settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Atlas"] = $"Data Source={Path.Combine(mount, "atlas.db")}",
            ["Atlas:Limits:CostPerMinute"] = "0",
        } };
        var client = factory.CreateClient();
        var first = await factory.ImportAsync("gias-establishments", RealData.GiasSurrey2021);
        var before = await factory.CountRowsAsync();
        var big = GeneratedGiasFile.Write(folder, 60_000);

        var import = Task.Run(() => factory.ImportAsync("gias-establishments", big));
        var answered = 0;
        while (!import.IsCompleted)
        {
            var data = await client.DataAsync("{ establishments(first: 1) { totalCount } }");
            Assert.Equal(before.Establishments, data["establishments"]!["totalCount"]!.GetValue<int>());
            answered++;
            await Task.Delay(20);
        }
        var run = await import;

        Assert.Equal(ImportStatus.Succeeded, first.Status);
        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains("ran out of disk space", run.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was applied", run.Message, StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountRowsAsync());
        Assert.True(answered > 0);
        var after = await client.DataAsync("{ establishments(first: 1) { totalCount } importRuns(last: 1) { nodes { status message } } }");
        Assert.Equal(before.Establishments, after["establishments"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("FAILED", after["importRuns"]!["nodes"]![0]!["status"]!.GetValue<string>());
    }
}
