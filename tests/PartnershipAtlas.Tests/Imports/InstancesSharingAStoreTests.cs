using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>Several instances on one PostgreSQL store: one starting up leaves another's import alone.</summary>
[Trait("Store", "Postgres")]
public sealed class InstancesSharingAStoreTests : IAsyncLifetime
{
    private readonly AtlasFactory factory = new();
    private readonly string folder = Directory.CreateTempSubdirectory("atlas-instances").FullName;

    public Task InitializeAsync()
    {
        Assert.True(TestDatabases.Provider == PartnershipAtlas.Data.StoreProvider.Postgres, "This test needs ATLAS_TEST_PROVIDER=Postgres: scripts/test runs it in its PostgreSQL pass.");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task An_instance_starting_while_another_imports_does_not_mark_that_import_interrupted()
    {
        factory.CreateClient();
        var file = GeneratedGiasFile.Write(folder, 60_000);
        using var importing = AtlasCli.Start(factory, "import", "gias-establishments", file);
        Assert.True(await Eventually.WaitForAsync(() => factory.WithStoreAsync(db => db.ImportRuns.AnyAsync(r => r.Status == ImportStatus.Running))));
        await Task.Delay(300);

        await using var starting = new AtlasFactory { Settings = new Dictionary<string, string> { ["ConnectionStrings:Atlas"] = factory.ConnectionString } };
        starting.CreateClient();
        var whileImporting = await starting.WithStoreAsync(db => db.ImportRuns.SingleAsync());
        Assert.False(importing.HasExited, "the import finished before the second instance started; make the generated file larger");
        Assert.Equal(ImportStatus.Running, whileImporting.Status);

        await importing.WaitForExitAsync();
        Assert.Equal(0, importing.ExitCode);
        var finished = await starting.WithStoreAsync(db => db.ImportRuns.SingleAsync());
        Assert.Equal(ImportStatus.Succeeded, finished.Status);
        Assert.Equal(60_000, finished.RowsInserted);
    }
}
