using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>An import applies whole or not at all: cancelled or killed half way it leaves the store as it was, and readers never see half of one.</summary>
public sealed class ImportAtomicityTests : IAsyncLifetime
{
    // Readers here query as fast as they can: lift the per-client cost rate limit, which has its own tests.
    private readonly AtlasFactory factory = new() { Settings = new Dictionary<string, string> { ["Atlas:Limits:CostPerMinute"] = "100000000" } };
    private readonly string folder = Directory.CreateTempSubdirectory("atlas-atomic").FullName;

    public async Task InitializeAsync() => await factory.ImportAsync("gias-establishments", RealData.GiasSurrey2021);

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_cancelled_import_leaves_the_store_as_it_was()
    {
        var file = GeneratedGiasFile.Write(folder, 5_000);
        var before = await factory.CountRowsAsync();
        using var cancel = new CancellationTokenSource();
        using var scope = factory.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<ImportService>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            importer.ImportFileAsync("gias-establishments", file, null, cancel.Token, new SynchronousProgress(p => { if (p.Records >= 2_000) cancel.Cancel(); })));

        Assert.Equal(before, await factory.CountRowsAsync());
        var run = await factory.WithStoreAsync(db => db.ImportRuns.OrderBy(r => r.Id).LastAsync());
        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains("Cancelled", run.Message);
    }

    [Fact]
    public async Task An_import_killed_half_way_leaves_the_store_as_it_was_and_is_marked_interrupted()
    {
        var file = GeneratedGiasFile.Write(folder, 60_000);
        var before = await factory.CountRowsAsync();
        using var process = AtlasCli.Start(factory, "import", "gias-establishments", file);
        var running = await Eventually.WaitForAsync(() => factory.WithStoreAsync(db => db.ImportRuns.AnyAsync(r => r.Status == ImportStatus.Running)));
        await Task.Delay(300);
        Assert.False(process.HasExited, "the import finished before it could be killed; make the generated file larger");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        Assert.True(running);
        Assert.Equal(before, await factory.CountRowsAsync());
        await using var restarted = new AtlasFactory { Settings = new Dictionary<string, string> { ["ConnectionStrings:Atlas"] = factory.ConnectionString } };
        restarted.CreateClient();
        var run = await restarted.WithStoreAsync(db => db.ImportRuns.OrderBy(r => r.Id).LastAsync());
        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains("Interrupted", run.Message);
    }

    [Fact]
    public async Task Readers_during_an_import_see_only_whole_states()
    {
        var file = GeneratedGiasFile.Write(folder, 20_000);
        var client = factory.CreateClient();
        var before = (await client.DataAsync("{ establishments { totalCount } }"))["establishments"]!["totalCount"]!.GetValue<int>();
        var import = Task.Run(() => factory.ImportAsync("gias-establishments", file));
        var seen = new List<int>();
        while (!import.IsCompleted)
        {
            var data = await client.DataAsync("{ establishments { totalCount } partnerships(kinds: [LOCAL_AUTHORITY]) { totalCount } }");
            seen.Add(data["establishments"]!["totalCount"]!.GetValue<int>());
        }
        var run = await import;

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.True(seen.Count >= 3, $"only {seen.Count} queries ran during the import");
        Assert.All(seen, count => Assert.True(count == before || count == before + 20_000, $"a reader saw {count} establishments"));
    }


    /// <summary>Reports on the importing thread (Progress&lt;T&gt; would post to the thread pool too late to cancel).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
