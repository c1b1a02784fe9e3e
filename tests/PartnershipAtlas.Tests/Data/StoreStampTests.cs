using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Data;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Data;

/// <summary>
/// Every kind of write raises the store stamp that cached answers and overlap snapshots are kept against, so none of
/// them can outlive the data it was computed from; a save with nothing to write leaves it. The data stamp
/// (what storeChanged tells of) rises with the writes of data only, not with the record of import runs.
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

    private Task<StoreStamps> StampsAsync() => store.Services.GetRequiredService<StoreStampReader>().ReadBothAsync(CancellationToken.None);

    private async Task<long> RaisedByAsync(Func<Task> write) => (await BothRaisedByAsync(write)).Stamp;

    /// <summary>How much <paramref name="write"/> raised the stamp and the data stamp.</summary>
    private async Task<StoreStamps> BothRaisedByAsync(Func<Task> write)
    {
        var before = await StampsAsync();
        await write();
        var after = await StampsAsync();
        return new StoreStamps(after.Stamp - before.Stamp, after.DataStamp - before.DataStamp);
    }

    [Fact]
    public async Task An_applied_import_raises_it_when_the_run_starts_when_its_rows_commit_and_when_the_run_is_recorded()
    {
        ImportRun? run = null;
        var raised = await BothRaisedByAsync(async () => run = await store.ImportAsync("gias-establishments", RealData.GiasNarrow2021));

        Assert.Equal(ImportStatus.Succeeded, run!.Status);
        Assert.Equal(new StoreStamps(3, 1), raised); // the data stamp by its rows only
    }

    [Fact]
    public async Task A_skipped_re_import_raises_the_stamp_but_not_the_data_stamp()
    {
        await store.ImportAsync("gias-establishments", RealData.GiasNarrow2021);
        ImportRun? run = null;
        var raised = await BothRaisedByAsync(async () => run = await store.ImportAsync("gias-establishments", RealData.GiasNarrow2021));

        Assert.Equal(ImportStatus.Skipped, run!.Status);
        Assert.Equal(new StoreStamps(2, 0), raised);
    }

    [Fact]
    public async Task A_refused_import_raises_it_for_its_run_record_only()
    {
        using var files = new TempFiles();
        var empty = files.Write("header-only.csv", ["URN,EstablishmentName"]);
        ImportRun? run = null;
        var raised = await BothRaisedByAsync(async () => run = await store.ImportAsync("gias-establishments", empty));

        Assert.Equal(ImportStatus.Failed, run!.Status);
        Assert.Equal(new StoreStamps(2, 0), raised);
    }

    [Fact]
    public async Task Runs_marked_interrupted_raise_it_and_a_save_with_no_changes_does_not()
    {
        var raisedByRun = await BothRaisedByAsync(() => store.WithStoreAsync(async db =>
        {
            db.ImportRuns.Add(new ImportRun { Dataset = "gias-establishments", Source = "test", FileName = "test.csv", StartedAt = DateTimeOffset.UtcNow, Status = ImportStatus.Running });
            return await db.SaveChangesAsync();
        }));
        var marked = 0;
        var raisedByMarking = await BothRaisedByAsync(async () => marked = await store.WithStoreAsync(db =>
            InterruptedRuns.MarkFailedAsync(db, db.ImportRuns.Where(r => r.Source == "test"), CancellationToken.None)));
        var raisedByNothing = await RaisedByAsync(() => store.WithStoreAsync(db => db.SaveChangesAsync()));

        // Recording a run and marking it interrupted touch only the record of runs: the data stamp stays.
        Assert.Equal((new StoreStamps(1, 0), 1, new StoreStamps(1, 0), 0L), (raisedByRun, marked, raisedByMarking, raisedByNothing));
    }

    [Fact]
    public async Task The_notify_payload_carries_both_stamps_as_committed()
    {
        Assert.Equal(new StoreStamps(12, 7), StoreStamps.FromPayload("12 7"));
        Assert.Equal((null, null, null), (StoreStamps.FromPayload("12"), StoreStamps.FromPayload("12 x"), StoreStamps.FromPayload("")));
        if (TestDatabases.Provider != StoreProvider.Postgres) return; // SQLite has no NOTIFY: its stamps are read

        await using var connection = new Npgsql.NpgsqlConnection(store.ConnectionString);
        string? payload = null;
        connection.Notification += (_, e) => payload = e.Payload;
        await connection.OpenAsync();
        await using (var listen = new Npgsql.NpgsqlCommand($"LISTEN {StoreStamp.Channel}", connection)) await listen.ExecuteNonQueryAsync();
        await store.WithStoreAsync(async db =>
        {
            db.ImportRuns.Add(new ImportRun { Dataset = "gias-establishments", Source = "notify", FileName = "notify.csv", StartedAt = DateTimeOffset.UtcNow, Status = ImportStatus.Running });
            return await db.SaveChangesAsync();
        });
        var heard = await connection.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(heard, "no NOTIFY within 10 s");
        Assert.Equal(await StampsAsync(), StoreStamps.FromPayload(payload!));
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

    /// <summary>
    /// The reader shares one read among the requests that arrive while another is under way, without a lock: each must
    /// still see a stamp read after it arrived. Readers that never stop keep reads under way while a write commits and
    /// more reads start at once; joining the read already under way would hand them the stamp from before the write.
    /// </summary>
    [Fact]
    public async Task Shared_reads_under_load_each_see_every_write_committed_before_they_began()
    {
        var reader = store.Services.GetRequiredService<StoreStampReader>();
        using var stop = new CancellationTokenSource();
        var busy = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested)
            {
                await reader.ReadBothAsync(CancellationToken.None);
                reads++;
                await Task.Yield(); // a read can finish synchronously: without this the loop would hold its thread
            }
            return reads;
        })).ToList();
        await store.WithStoreAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            for (var i = 0; i < 60; i++)
            {
                await StoreStamp.BumpAsync(connection, null, StoreWrite.Data, CancellationToken.None);
                await using var command = connection.CreateCommand();
                command.CommandText = StoreStamp.ReadSql;
                await using var row = await command.ExecuteReaderAsync();
                await row.ReadAsync();
                var written = row.GetInt64(1);
                var seen = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => reader.ReadBothAsync(CancellationToken.None))));
                Assert.All(seen, stamps => Assert.True(stamps.DataStamp >= written, $"a read begun after data stamp {written} was committed saw {stamps.DataStamp}"));
            }
            return 0;
        });
        stop.Cancel();
        Assert.All(await Task.WhenAll(busy), reads => Assert.True(reads > 0));
    }
}
