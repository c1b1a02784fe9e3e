using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Hosting;
using PartnershipAtlas.Overlap;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Benchmarks;

/// <summary>
/// One scale: generates the landscape into a temporary SQLite store, starts the real server on it (the product's own
/// composition) and times the overlap queries over HTTP, as a client sees them.
/// </summary>
public sealed class OverlapBenchmark(LandscapeGenerator landscape, int runs)
{
    public const string Header = "scale | schools | networks | memberships (active) | pairs | snapshot ms [cpu] | matrix cold [cpu] / warm ms | top-100 cold [cpu] / warm ms | top-100 Jaccard ms | top-100 in one LA ms | projection GraphML ms | today's membership index: read ms [cpu], MB | held establishments: read ms [cpu], MB | 20 schools' networks: just after a write [cpu] / from the index ms | filtered + ordered 20: held rows / store ms";

    public sealed record Result(double Scale, int ActiveMemberships, int Pairs, (double Wall, double Cpu) Snapshot, (double Wall, double Cpu) MatrixCold, (double Wall, double Cpu) TopCold, string Row);

    private static readonly DateOnly AsOf = new(2025, 1, 1);

    private const string Matrix = "query($asOf: Date) { overlapMatrix(asOf: $asOf) { kind otherKind sharedSchools networks touchingNetworks meanTouched maxTouched } }";

    /// <summary>An establishment page with each school's networks today: after a write, the first builds today's ActiveMembershipIndex.</summary>
    private const string Networks = "{ establishments(first: 20) { nodes { urn name partnerships { kind name } } } }";

    /// <summary>
    /// A filtered and sorted page, answered from the held rows; with one field they do not answer (<c>ofsted</c>,
    /// loaded by URN: one more statement for 20 schools), the same page read from the store.
    /// </summary>
    private const string Filtered = """{ establishments(first: 20, where: { phase: { eq: "Primary" }, memberships: { some: { partnership: { kind: { eq: DIOCESE } } } } }, order: [{ laCode: ASC }, { name: DESC }]) { nodes { urn name laCode } } }""";

    private const string Top = "query($asOf: Date, $order: OverlapOrder, $laCode: String) { overlaps(asOf: $asOf, order: $order, laCode: $laCode, first: 100) { totalCount nodes { a { id name } b { id name } sharedCount jaccard overlapCoefficient } } }";

    public async Task<Result> RunAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"atlas-benchmark-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={path}";
        var port = FreePort();
        var builder = WebApplication.CreateBuilder([$"--urls=http://127.0.0.1:{port}", $"--ConnectionStrings:Atlas={connectionString}", "--Atlas:LoadDefaultData=false",
            "--Atlas:ResponseCache:Enabled=false"]); // the computation is measured, not the cache
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (Environment.GetEnvironmentVariable("BENCH_DEBUG") == "1") builder.Logging.AddFilter("PartnershipAtlas.Overlap", LogLevel.Information);
        builder.AddAtlas();
        await using var app = builder.Build();
        app.MapAtlas();
        try
        {
            await app.StartAsync();
            await landscape.WriteAsync(connectionString);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };

            var snapshots = app.Services.GetRequiredService<OverlapSnapshots>();
            await WarmUpAsync(app, http, snapshots);
            var snapshot = await Timing.WithCpuAsync(() => SnapshotAsync(app, snapshots, AsOf.AddDays(-1)));
            var view = await SnapshotAsync(app, snapshots, AsOf.AddDays(-1));
            if (Environment.GetEnvironmentVariable("BENCH_DEBUG") == "1")
            {
                Console.WriteLine($"pairs {await Timing.MillisecondsAsync(() => Task.FromResult(view.Pairs(KindSet.All, KindSet.All)))} ms, " +
                    $"ranked {await Timing.MillisecondsAsync(() => Task.FromResult(view.Ranked(KindSet.All, KindSet.All, OverlapOrder.SharedCount)))} ms, " +
                    $"matrix {await Timing.MillisecondsAsync(() => Task.FromResult(OverlapMatrix.Compute(view, KindSet.All)))} ms");
            }

            var matrixCold = await Timing.WithCpuAsync(() => QueryAsync(http, Matrix, new { asOf = Date(AsOf) }));
            var matrixWarm = await Timing.MedianAsync(runs, () => QueryAsync(http, Matrix, new { asOf = Date(AsOf) }));
            var topCold = await Timing.WithCpuAsync(() => QueryAsync(http, Top, new { asOf = Date(AsOf.AddDays(1)) }));
            var topWarm = await Timing.MedianAsync(runs, () => QueryAsync(http, Top, new { asOf = Date(AsOf.AddDays(1)) }));
            var jaccard = await Timing.MedianAsync(runs, () => QueryAsync(http, Top, new { asOf = Date(AsOf.AddDays(1)), order = "JACCARD" }));
            var area = await Timing.MedianAsync(runs, () => QueryAsync(http, Top, new { asOf = Date(AsOf.AddDays(1)), laCode = "850" }));
            var export = await Timing.MedianAsync(runs, async () => await (await http.GetAsync($"/export/network?graph=projection&asOf={Date(AsOf.AddDays(1))}")).Content.ReadAsByteArrayAsync());

            var (indexRead, indexBytes) = await ReadIndexAsync(app);
            var (heldRead, heldBytes) = await ReadHeldEstablishmentsAsync(app);
            await RaiseDataStampAsync(connectionString);
            var networksCold = await Timing.WithCpuAsync(() => QueryAsync(http, Networks, new { }));
            await app.Services.GetRequiredService<ActiveMembershipIndexes>().WhenReadAsync();
            await app.Services.GetRequiredService<HeldEstablishments>().WhenReadAsync();
            var networksWarm = await Timing.MedianAsync(runs, () => QueryAsync(http, Networks, new { }));
            var filteredHeld = await Timing.MedianAsync(runs, () => QueryAsync(http, Filtered, new { }));
            var filteredStore = await Timing.MedianAsync(runs, () => QueryAsync(http, Filtered.Replace("laCode } }", "laCode ofsted { rating } } }"), new { }));

            var pairs = (await QueryAsync(http, Top, new { asOf = Date(AsOf.AddDays(1)) }))["overlaps"]!["totalCount"]!.GetValue<int>();
            var row = string.Join(" | ", landscape.Scale.ToString(CultureInfo.InvariantCulture), landscape.SchoolCount, landscape.NetworkCount,
                $"{landscape.MembershipCount} ({view.Snapshot.MembershipCount})", pairs, F(snapshot), $"{F(matrixCold)} / {F(matrixWarm)}", $"{F(topCold)} / {F(topWarm)}", F(jaccard), F(area), F(export),
                $"{F(indexRead)}, {indexBytes / 1048576.0:0.0}", $"{F(heldRead)}, {heldBytes / 1048576.0:0.0}", $"{F(networksCold)} / {F(networksWarm)}", string.Create(CultureInfo.InvariantCulture, $"{filteredHeld:0.0} / {filteredStore:0.0}"));
            return new Result(landscape.Scale, view.Snapshot.MembershipCount, pairs, snapshot, matrixCold, topCold, row);
        }
        finally
        {
            await app.StopAsync();
            SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("BENCH_KEEP") == "1") Console.WriteLine($"kept {path}");
            else foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }

    /// <summary>Runs every path once on another date, so the figures are not the JIT compiler's.</summary>
    private static async Task WarmUpAsync(WebApplication app, HttpClient http, OverlapSnapshots snapshots)
    {
        var date = Date(AsOf.AddYears(-1));
        await SnapshotAsync(app, snapshots, AsOf.AddYears(-1));
        await QueryAsync(http, Matrix, new { asOf = date });
        await QueryAsync(http, Top, new { asOf = date, order = "JACCARD", laCode = "850" });
        await QueryAsync(http, Top, new { asOf = date });
        await (await http.GetAsync($"/export/network?graph=projection&asOf={date}")).Content.ReadAsByteArrayAsync();
        await QueryAsync(http, Networks, new { });
        await QueryAsync(http, Filtered, new { });
        await QueryAsync(http, Filtered.Replace("laCode } }", "laCode ofsted { rating } } }"), new { });
        // So that neither runs beside what is timed or measured next (the held rows landing in the index's heap, say).
        await app.Services.GetRequiredService<ActiveMembershipIndexes>().WhenReadAsync();
        await app.Services.GetRequiredService<HeldEstablishments>().WhenReadAsync();
    }

    /// <summary>Today's membership index read by an instance of its own, timed, and the heap it holds.</summary>
    private static Task<((double Wall, double Cpu) Time, long Bytes)> ReadIndexAsync(WebApplication app) =>
        HeldAsync(app, () =>
        {
            var indexes = ActivatorUtilities.CreateInstance<ActiveMembershipIndexes>(app.Services);
            return (indexes, stamp => indexes.At(stamp, indexes.Today), indexes.WhenReadAsync);
        });

    /// <summary>Every establishment's row held in memory (<see cref="HeldEstablishments"/>) by an instance of its own, timed, and the heap it holds.</summary>
    private static Task<((double Wall, double Cpu) Time, long Bytes)> ReadHeldEstablishmentsAsync(WebApplication app) =>
        HeldAsync(app, () =>
        {
            var held = ActivatorUtilities.CreateInstance<HeldEstablishments>(app.Services);
            return (held, stamp => held.At(stamp), held.WhenReadAsync);
        });

    /// <summary>What is held while the store is unchanged, read at the store's data stamp and timed, and the heap it holds.</summary>
    private static async Task<((double Wall, double Cpu) Time, long Bytes)> HeldAsync(WebApplication app, Func<(object Holder, Action<long> Start, Func<Task> WhenRead)> make)
    {
        // The caller's await of the previous measurement still holds that one's holder until the caller awaits this one:
        // yield first, so it is let go before the heap is measured (else it is freed between the two measures).
        await Task.Yield();
        var stamp = (await app.Services.GetRequiredService<PartnershipAtlas.Data.StoreStampReader>().ReadBothAsync(CancellationToken.None)).DataStamp;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var (holder, start, whenRead) = make();
        var time = await Timing.WithCpuAsync(async () =>
        {
            start(stamp);
            await whenRead();
        });
        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(holder);
        return (time, bytes);
    }

    /// <summary>What any write of data does to the store's data stamp, so that the next request reads today's index afresh.</summary>
    private static async Task RaiseDataStampAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await PartnershipAtlas.Data.StoreStamp.BumpAsync(connection, null, PartnershipAtlas.Data.StoreWrite.Data, CancellationToken.None);
    }

    private static async Task<OverlapView> SnapshotAsync(WebApplication app, OverlapSnapshots snapshots, DateOnly asOf)
    {
        var stamps = app.Services.GetRequiredService<PartnershipAtlas.Data.StoreStampReader>();
        return await snapshots.ViewAsync(await stamps.ReadAsync(CancellationToken.None), asOf, AreaFilter.Everywhere);
    }

    private static async Task<JsonNode> QueryAsync(HttpClient http, string query, object variables)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (body["errors"] is { } errors) throw new InvalidOperationException($"GraphQL errors: {errors.ToJsonString()}");
        return body["data"]!;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string F(double milliseconds) => milliseconds.ToString("0", CultureInfo.InvariantCulture);

    private static string F((double Wall, double Cpu) time) => $"{F(time.Wall)} [{F(time.Cpu)}]";

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
