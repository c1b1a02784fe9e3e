using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Data;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Scheduling;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>
/// A fire the cluster recovers from an instance it thought dead imports only what the first attempt did not finish:
/// a run still held by a live instance (late to check in, not dead) stops the recovery; a file whose run finished is
/// not imported again; only runs nobody holds are marked interrupted.
/// </summary>
[Trait("Store", "Postgres")]
public sealed class FireRecoveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Fire = new(2026, 11, 29, 5, 30, 0, 250, TimeSpan.Zero);

    private readonly AtlasFactory store = new();

    public Task InitializeAsync()
    {
        _ = store.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    private Task<long> AddRunAsync(string fileName, ImportStatus status, DateTimeOffset? finished) => store.WithStoreAsync(async db =>
    {
        var run = new ImportRun { Dataset = "gias-establishments", Source = fileName, FileName = fileName, StartedAt = Fire, FinishedAt = finished, Status = status, ScheduledFor = Fire };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    });

    private FireRecoveries Recoveries => store.Services.GetRequiredService<FireRecoveries>();

    [Fact]
    public async Task Finished_files_are_named_and_only_runs_nobody_holds_are_marked_interrupted()
    {
        await AddRunAsync("first.csv", ImportStatus.Succeeded, Fire.AddSeconds(2));
        var abandoned = await AddRunAsync("second.csv", ImportStatus.Running, null);

        var recovery = await Recoveries.RecoverAsync("gias-establishments", Fire.AddTicks(-Fire.Ticks % TimeSpan.TicksPerSecond), CancellationToken.None);

        Assert.Equal(Fire, recovery.Fire);
        Assert.Equal((1, false), (recovery.Marked, recovery.StillRunning));
        Assert.Equal(["first.csv"], recovery.Finished);
        var marked = await store.WithStoreAsync(db => db.ImportRuns.SingleAsync(r => r.Id == abandoned));
        Assert.Equal((ImportStatus.Failed, InterruptedRuns.Message), (marked.Status, marked.Message));
    }

    [Fact]
    public async Task A_run_still_held_by_a_live_instance_stops_the_recovery_and_is_left_running()
    {
        var live = await AddRunAsync("first.csv", ImportStatus.Running, null);
        var contexts = store.Services.GetRequiredService<IDbContextFactory<AtlasDbContext>>();
        await using (await RunLocks.HoldAsync(contexts, live, CancellationToken.None))
        {
            var recovery = await Recoveries.RecoverAsync("gias-establishments", Fire.AddTicks(-Fire.Ticks % TimeSpan.TicksPerSecond), CancellationToken.None);

            Assert.Equal((0, true), (recovery.Marked, recovery.StillRunning));
            Assert.Empty(recovery.Finished);
        }
        var run = await store.WithStoreAsync(db => db.ImportRuns.SingleAsync(r => r.Id == live));
        Assert.Equal(ImportStatus.Running, run.Status);
    }
}
