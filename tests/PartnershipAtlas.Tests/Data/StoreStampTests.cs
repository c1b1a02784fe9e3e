using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Data;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Data;

/// <summary>
/// Every kind of write raises the store stamp that cached answers and overlap snapshots are kept against, so none of
/// them can outlive the data it was computed from; a save with nothing to write leaves it.
/// </summary>
public sealed class StoreStampTests : IAsyncLifetime
{
    private readonly AtlasFactory store = new();

    public Task InitializeAsync()
    {
        _ = store.Server; // starts the server: migrations applied
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    private Task<long> StampAsync() => store.Services.GetRequiredService<StoreStampReader>().ReadAsync(CancellationToken.None);

    private async Task<long> RaisedByAsync(Func<Task> write)
    {
        var before = await StampAsync();
        await write();
        return await StampAsync() - before;
    }

    [Fact]
    public async Task An_applied_import_raises_it_when_the_run_starts_when_its_rows_commit_and_when_the_run_is_recorded()
    {
        ImportRun? run = null;
        var raised = await RaisedByAsync(async () => run = await store.ImportAsync("gias-establishments", RealData.GiasNarrow2021));

        Assert.Equal(ImportStatus.Succeeded, run!.Status);
        Assert.Equal(3, raised);
    }

    [Fact]
    public async Task A_refused_import_raises_it_for_its_run_record_only()
    {
        using var files = new TempFiles();
        var empty = files.Write("header-only.csv", ["URN,EstablishmentName"]);
        ImportRun? run = null;
        var raised = await RaisedByAsync(async () => run = await store.ImportAsync("gias-establishments", empty));

        Assert.Equal(ImportStatus.Failed, run!.Status);
        Assert.Equal(2, raised);
    }

    [Fact]
    public async Task Runs_marked_interrupted_raise_it_and_a_save_with_no_changes_does_not()
    {
        var raisedByRun = await RaisedByAsync(() => store.WithStoreAsync(async db =>
        {
            db.ImportRuns.Add(new ImportRun { Dataset = "gias-establishments", Source = "test", FileName = "test.csv", StartedAt = DateTimeOffset.UtcNow, Status = ImportStatus.Running });
            return await db.SaveChangesAsync();
        }));
        var marked = 0;
        var raisedByMarking = await RaisedByAsync(async () => marked = await store.WithStoreAsync(db =>
            InterruptedRuns.MarkFailedAsync(db, db.ImportRuns.Where(r => r.Source == "test"), CancellationToken.None)));
        var raisedByNothing = await RaisedByAsync(() => store.WithStoreAsync(db => db.SaveChangesAsync()));

        Assert.Equal((1, 1, 1, 0), (raisedByRun, marked, raisedByMarking, raisedByNothing));
    }

    [Fact]
    public async Task A_bare_bulk_update_is_refused_as_it_would_not_raise_it()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.WithStoreAsync(db =>
            db.ImportRuns.Where(r => r.Source == "nothing").ExecuteUpdateAsync(s => s.SetProperty(r => r.Message, "changed"))));

        Assert.Contains("store stamp", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_synchronous_save_is_refused_rather_than_left_unstamped()
    {
        await store.WithStoreAsync(db =>
        {
            db.ImportRuns.Add(new ImportRun { Dataset = "gias-establishments", Source = "sync", FileName = "sync.csv", StartedAt = DateTimeOffset.UtcNow, Status = ImportStatus.Running });
            Assert.Throws<NotSupportedException>(() => db.SaveChanges());
            return Task.FromResult(0);
        });
    }
}
