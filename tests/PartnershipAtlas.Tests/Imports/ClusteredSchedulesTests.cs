using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
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
            string[] settings =
            [
                $"--{StoreServiceCollectionExtensions.ProviderKey}=Postgres", $"--ConnectionStrings:Atlas={store}", "--Atlas:LoadDefaultData=false",
                $"--Atlas:Schedules:Datasets:dioceses:Cron={EverySecond}",
                $"--Atlas:Schedules:Datasets:dioceses:Source={Path.Combine(RealData.RepositoryRoot, "data", "reference", "dioceses", "dioceses.csv")}",
                "--Atlas:Schedules:CheckinInterval=00:00:01", "--Atlas:Schedules:CheckinMisfireThreshold=00:00:01",
            ];
            // Both start at once on an empty database: one migrates while the other waits, then both join the cluster.
            using var first = new ServerProcess(settings);
            using var second = new ServerProcess(settings);
            var instances = await Task.WhenAll(first.WaitForAsync(SchedulerStarted, StartTimeout), second.WaitForAsync(SchedulerStarted, StartTimeout));
            var bothStarted = DateTimeOffset.UtcNow;
            Assert.NotEqual(instances[0], instances[1]);

            await Task.Delay(TimeSpan.FromSeconds(6));
            // Stop the instance running the fires, as a crash would; the other must take the schedule over.
            var (stopped, survivor) = first.Find(RanImport).Count >= second.Find(RanImport).Count ? (first, second) : (second, first);
            stopped.Kill();
            var stoppedAt = DateTimeOffset.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(8));
            survivor.Kill();
            var end = DateTimeOffset.UtcNow;

            var runs = await ReadRunsAsync(store);
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

    private static List<DateTimeOffset> FireTimes(string cron, DateTimeOffset first, DateTimeOffset last)
    {
        var expression = new CronExpression(cron, TimeZoneInfo.Utc);
        var times = new List<DateTimeOffset> { first };
        while (expression.GetNextValidTimeAfter(times[^1]) is { } next && next <= last) times.Add(next);
        return times;
    }

    private static async Task<List<ImportRun>> ReadRunsAsync(string store)
    {
        var options = new DbContextOptionsBuilder<PostgresAtlasDbContext>().UseNpgsql(store).Options;
        await using var db = new PostgresAtlasDbContext(options);
        return await db.ImportRuns.AsNoTracking().Where(r => r.Dataset == "dioceses").OrderBy(r => r.Id).ToListAsync();
    }
}
