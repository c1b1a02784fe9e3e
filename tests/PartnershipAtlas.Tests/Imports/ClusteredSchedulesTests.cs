using System.Text.RegularExpressions;
using PartnershipAtlas.Establishments;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartnershipAtlas.Data;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;
using Quartz;
using Xunit.Abstractions;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>
/// Two real server processes on one PostgreSQL database share one schedule (Quartz's clustered ADO job store): every
/// fire runs once, none is lost, and when the instance running the fires dies the other takes over. Needs a PostgreSQL
/// server (ATLAS_TEST_POSTGRES) whichever provider the other tests use.
/// </summary>
[Trait("Store", "Postgres")]
public sealed class ClusteredSchedulesTests(ITestOutputHelper output)
{
    private const string EverySecond = "0/1 * * * * ?";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly Regex SchedulerStarted = new(@"Scheduler PartnershipAtlas_\$_(\S+) started\.");
    private static readonly Regex RanImport = new(@"Scheduled import run (\d+) for ");

    [Fact]
    public async Task Two_servers_on_one_database_run_each_fire_once_and_the_survivor_takes_over()
    {
        var store = TestDatabases.CreateEmptyPostgres();
        try
        {
            var dioceses = Path.Combine(RealData.RepositoryRoot, "data", "reference", "dioceses", "dioceses.csv");
            using var first = new ServerProcess(Settings(store, "dioceses", EverySecond, dioceses));
            using var second = new ServerProcess(Settings(store, "dioceses", EverySecond, dioceses));
            await StartedAsync(first, second);
            var bothStarted = DateTimeOffset.UtcNow;

            await Task.Delay(TimeSpan.FromSeconds(6));
            // Stop the instance running the fires, as a crash would; the other must take the schedule over.
            var (stopped, survivor) = first.Find(RanImport).Count >= second.Find(RanImport).Count ? (first, second) : (second, first);
            stopped.Kill();
            var stoppedAt = DateTimeOffset.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(8));
            survivor.Kill();
            var end = DateTimeOffset.UtcNow;

            var runs = await ReadRunsAsync(store, "dioceses");
            var ranByStopped = stopped.Find(RanImport).Select(long.Parse).ToHashSet();
            var ranBySurvivor = survivor.Find(RanImport).Select(long.Parse).ToHashSet();
            var fires = runs.Select(r => r.ScheduledFor!.Value).Distinct().Order().ToList();
            var expected = FireTimes(EverySecond, fires[0], fires[^1]);
            var afterStop = runs.Where(r => r.ScheduledFor > stoppedAt).ToList();
            output.WriteLine($"{fires.Count} fires {fires[0]:HH:mm:ss}–{fires[^1]:HH:mm:ss} (both started {bothStarted:HH:mm:ss}, one stopped {stoppedAt:HH:mm:ss.f}, end {end:HH:mm:ss.f}); " +
                $"{runs.Count} runs: {ranByStopped.Count} logged by the stopped instance, {ranBySurvivor.Count} by the survivor; " +
                $"latest start after its fire: {runs.Max(r => r.StartedAt - r.ScheduledFor!.Value).TotalSeconds:F1} s; " +
                $"interrupted and recovered: {runs.Count(r => r.Message == InterruptedRuns.Message)}");

            foreach (var r in runs) output.WriteLine($"run {r.Id} for {r.ScheduledFor:HH:mm:ss.fff} started {r.StartedAt:HH:mm:ss.fff} finished {r.FinishedAt:HH:mm:ss.fff} {r.Status} by {(ranByStopped.Contains(r.Id) ? "stopped" : ranBySurvivor.Contains(r.Id) ? "survivor" : "?")}");
            Assert.All(runs, r => Assert.NotNull(r.ScheduledFor));
            // Exactly once: one run per fire (besides one a dying instance left, which the recovery marks interrupted).
            Assert.All(runs.Where(r => r.Message != InterruptedRuns.Message).GroupBy(r => r.ScheduledFor), fire => Assert.Single(fire));
            // None lost: every fire time of the cron from the first to the last, without a gap (the takeover included) …
            Assert.Equal(expected, fires);
            // … and the fires cover the time the cluster ran, up to the boundaries (a fire in flight when it ended).
            Assert.InRange(fires[0], bothStarted.AddSeconds(-10), bothStarted.AddSeconds(2));
            Assert.InRange(fires[^1], end.AddSeconds(-3), end);
            // The same file is imported once; the other fires find it already imported.
            Assert.Single(runs, r => r.Status == ImportStatus.Succeeded);
            Assert.All(runs.Where(r => r.FinishedAt is not null && r.Message != InterruptedRuns.Message), r => Assert.Contains(r.Status, new[] { ImportStatus.Succeeded, ImportStatus.Skipped }));
            // Both took part: the stopped instance ran fires before it stopped, the survivor every fire after.
            Assert.NotEmpty(ranByStopped);
            Assert.NotEmpty(afterStop);
            Assert.All(afterStop.Where(r => r.FinishedAt is not null), r => Assert.Contains(r.Id, ranBySurvivor));
            Assert.Empty(ranByStopped.Intersect(ranBySurvivor));
        }
        finally
        {
            TestDatabases.DropPostgres(store);
        }
    }

    [Fact]
    public async Task A_fire_whose_instance_dies_mid_import_runs_again_on_the_other_and_is_applied_once()
    {
        var store = TestDatabases.CreateEmptyPostgres();
        var folder = Directory.CreateTempSubdirectory("atlas-cluster-");
        try
        {
            var file = GeneratedGiasFile.Write(folder.FullName, 10_000);
            var rows = File.ReadLines(file).Count() - 1;
            using var first = new ServerProcess(Settings(store, "gias-establishments", "0/2 * * * * ?", file));
            using var second = new ServerProcess(Settings(store, "gias-establishments", "0/2 * * * * ?", file));
            var instances = await StartedAsync(first, second);

            // The instance that runs the first fire (Quartz records it beside the firing) dies half-way through the import.
            var executing = await PollAsync(() => ExecutingInstanceAsync(store), TimeSpan.FromSeconds(60));
            await PollAsync(async () => (await ReadRunsAsync(store, "gias-establishments")).Any(r => r.Status == ImportStatus.Running) ? "running" : null, TimeSpan.FromSeconds(30));
            await Task.Delay(300);
            var (stopped, survivor) = executing == instances[0] ? (first, second) : (second, first);
            Assert.Empty(stopped.Find(RanImport));
            stopped.Kill();
            await PollAsync(async () => (await ReadRunsAsync(store, "gias-establishments")).Any(r => r.Status == ImportStatus.Succeeded) ? "done" : null, TimeSpan.FromSeconds(120));
            survivor.Kill();

            var runs = await ReadRunsAsync(store, "gias-establishments");
            foreach (var r in runs) output.WriteLine($"run {r.Id} for {r.ScheduledFor:HH:mm:ss.ffffff} started {r.StartedAt:HH:mm:ss.fff} finished {r.FinishedAt:HH:mm:ss.fff} {r.Status} {r.RowsInserted} {r.Message}");
            foreach (var line in survivor.Lines.Where(l => l.Contains("ecover", StringComparison.Ordinal))) output.WriteLine(line.Trim());
            var interrupted = Assert.Single(runs, r => r.Message == InterruptedRuns.Message);
            Assert.Equal(ImportStatus.Failed, interrupted.Status);
            // The same fire ran again on the survivor, in recovery; the file was applied once, by one run, in full.
            Assert.Contains(runs, r => r.ScheduledFor == interrupted.ScheduledFor && r.Id != interrupted.Id && r.FinishedAt is not null);
            Assert.NotEmpty(survivor.Find(new Regex(@"(Recovering the gias-establishments import scheduled for)")));
            var applied = Assert.Single(runs, r => r.Status == ImportStatus.Succeeded);
            Assert.Equal(rows, applied.RowsInserted);
            Assert.Equal(rows, await CountEstablishmentsAsync(store));
        }
        finally
        {
            TestDatabases.DropPostgres(store);
            folder.Delete(recursive: true);
        }
    }

    private static string[] Settings(string store, string dataset, string cron, string source) =>
    [
        $"--{StoreServiceCollectionExtensions.ProviderKey}=Postgres", $"--ConnectionStrings:Atlas={store}", "--Atlas:LoadDefaultData=false", "--Atlas:ReferenceData:Enabled=false",
        $"--Atlas:Schedules:Datasets:{dataset}:Cron={cron}", $"--Atlas:Schedules:Datasets:{dataset}:Source={source}",
        "--Atlas:Schedules:CheckinInterval=00:00:01", "--Atlas:Schedules:CheckinMisfireThreshold=00:00:01",
    ];

    /// <summary>Both start at once on an empty database: one migrates while the other waits, then both join the cluster.</summary>
    private static async Task<string[]> StartedAsync(ServerProcess first, ServerProcess second)
    {
        var instances = await Task.WhenAll(first.WaitForAsync(SchedulerStarted, StartTimeout), second.WaitForAsync(SchedulerStarted, StartTimeout));
        Assert.NotEqual(instances[0], instances[1]);
        return instances;
    }

    private static async Task<string> PollAsync(Func<Task<string?>> probe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Nothing within {timeout}.");
    }

    private static async Task<string?> ExecutingInstanceAsync(string store)
    {
        await using var connection = new NpgsqlConnection(store);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_fired_triggers WHERE state = 'EXECUTING' LIMIT 1", connection);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<int> CountEstablishmentsAsync(string store)
    {
        await using var db = Open(store);
        return await db.Establishments.CountAsync();
    }

    private static List<DateTimeOffset> FireTimes(string cron, DateTimeOffset first, DateTimeOffset last)
    {
        var expression = new CronExpression(cron, TimeZoneInfo.Utc);
        var times = new List<DateTimeOffset> { first };
        while (expression.GetNextValidTimeAfter(times[^1]) is { } next && next <= last) times.Add(next);
        return times;
    }

    private static async Task<List<ImportRun>> ReadRunsAsync(string store, string dataset)
    {
        await using var db = Open(store);
        return await db.ImportRuns.AsNoTracking().Where(r => r.Dataset == dataset).OrderBy(r => r.Id).ToListAsync();
    }

    private static PostgresAtlasDbContext Open(string store) => new(new DbContextOptionsBuilder<PostgresAtlasDbContext>().UseNpgsql(store).Options);
}
