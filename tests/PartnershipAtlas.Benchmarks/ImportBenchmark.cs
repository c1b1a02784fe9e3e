using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartnershipAtlas.Data;
using PartnershipAtlas.Hosting;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Benchmarks;

/// <summary>
/// Import benchmark (issue 4): a generated national-size GIAS establishments file (the real 111-column header, real
/// rows with new URNs) through the real importer, against the same rows inserted by the plainest prepared-statement
/// loop, each into a fresh SQLite store. With <c>--provider Postgres</c> (and ATLAS_TEST_POSTGRES naming a server, e.g.
/// from scripts/postgres) the same importer runs into fresh PostgreSQL databases instead, beside the same import on
/// SQLite; the raw loop is SQLite's.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.Length > 1 && args[0] == "--provider" ? Enum.Parse<StoreProvider>(args[1], ignoreCase: true) : StoreProvider.Sqlite;
        if (args.Length > 1 && args[0] == "--provider") args = args[2..];
        if (provider == StoreProvider.Postgres) return await ProvidersSideBySideAsync(args);
        if (args is ["census"])
        {
            var only = Directory.CreateTempSubdirectory("atlas-bench").FullName;
            await CensusAsync(only);
            Directory.Delete(only, recursive: true);
            return 0;
        }
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [10_000, 50_000];
        var folder = Directory.CreateTempSubdirectory("atlas-bench").FullName;
        // One warm-up run of each first, as for the census, so the timed runs compare the work alone: JIT, EF's first
        // queries, and the tiered compiler's second pass (a 2,000-row warm-up left the 50,000-row import 35% slower).
        var warmUp = GeneratedGiasFile.Write(folder, 10_000, "edubasealldata20241201.csv");
        await TimeAsync(folder, (host, _) => host.Services.GetRequiredService<ImportService>().ImportFileAsync("gias-establishments", warmUp, null, CancellationToken.None));
        await TimeAsync(folder, (_, store) => RawPreparedLoop.RunAsync(store, warmUp));
        Console.WriteLine("| rows | importer s | rows/s | raw loop s | ratio | peak working set during the import MB (above its start) | GC heap after MB |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var rows in sizes)
        {
            var file = GeneratedGiasFile.Write(folder, rows);
            var before = ResetPeakWorkingSet();
            var (importer, run) = await TimeAsync(folder, (host, _) =>
                host.Services.GetRequiredService<ImportService>().ImportFileAsync("gias-establishments", file, null, CancellationToken.None));
            if (run.Status != ImportStatus.Succeeded) throw new InvalidOperationException(run.Message);
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
            var grew = peak - before;
            GC.Collect();
            var heap = GC.GetTotalMemory(true) / 1e6;
            var (raw, _) = await TimeAsync(folder, (_, store) => RawPreparedLoop.RunAsync(store, file));
            Console.WriteLine($"| {rows:N0} | {importer:F2} | {rows / importer:N0} | {raw:F2} | {importer / raw:F2} | {peak:F0} ({grew:+0;-0}) | {heap:F0} |");
        }
        var links = RealData.File("gias-links", "links_edubasealldata20250422.csv");
        var (linkImporter, linkRun) = await TimeAsync(folder, (host, _) =>
            host.Services.GetRequiredService<ImportService>().ImportFileAsync("gias-links", links, null, CancellationToken.None));
        if (linkRun.Status != ImportStatus.Succeeded) throw new InvalidOperationException(linkRun.Message);
        var (linkRaw, linkRows) = await TimeAsync(folder, (_, store) => RawPreparedLoop.RunLinksAsync(store, links));
        Console.WriteLine();
        Console.WriteLine("| links file | rows | importer s | rows/s | raw loop s | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine($"| links_edubasealldata20250422.csv | {linkRows:N0} | {linkImporter:F2} | {linkRows / linkImporter:N0} | {linkRaw:F2} | {linkImporter / linkRaw:F2} |");
        await CensusAsync(folder);
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>The real national census (issue 15: within 2× of the raw loop) through the <c>census</c> importer, and the raw loop.</summary>
    private static async Task CensusAsync(string folder)
    {
        var census = RealData.File("national-2018-2019", "england_census.csv");
        Task<ImportRun> Import(IHost host, string _) => host.Services.GetRequiredService<ImportService>().ImportFileAsync("census", census, null, CancellationToken.None);
        // One warm-up run of each first (JIT, EF's first queries), so the timed runs compare the work alone.
        await TimeAsync(folder, Import);
        await TimeAsync(folder, (_, store) => RawPreparedLoop.RunCensusAsync(store, census));
        var (importer, run) = await TimeAsync(folder, Import);
        if (run.Status != ImportStatus.Succeeded) throw new InvalidOperationException(run.Message);
        var (raw, rows) = await TimeAsync(folder, (_, store) => RawPreparedLoop.RunCensusAsync(store, census));
        // The same file again into a store that holds it: every value goes through the upsert and is found unchanged.
        var (_, again) = await TimeAsync(folder, async (host, store) =>
        {
            await Import(host, store);
            var clock = Stopwatch.StartNew();
            var second = await host.Services.GetRequiredService<ImportService>().ImportFileAsync("census", census, null, CancellationToken.None, reapply: true);
            if (second.Status != ImportStatus.Succeeded || second.RowsUnchanged != rows) throw new InvalidOperationException(second.Message ?? "the second import changed rows");
            return clock.Elapsed.TotalSeconds;
        });
        Console.WriteLine();
        Console.WriteLine("| census file | rows | importer s | rows/s | raw loop s | ratio | again, unchanged s |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine($"| national-2018-2019/england_census.csv | {rows:N0} | {importer:F2} | {rows / importer:N0} | {raw:F2} | {importer / raw:F2} | {again:F2} |");
    }

    /// <summary>The importer on SQLite and on PostgreSQL, each into a fresh store: a first import, then a second file with every row changed.</summary>
    private static async Task<int> ProvidersSideBySideAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [50_000];
        var folder = Directory.CreateTempSubdirectory("atlas-bench").FullName;
        var links = RealData.File("gias-links", "links_edubasealldata20250422.csv");
        Console.WriteLine("| file | rows | SQLite s | PostgreSQL s | PostgreSQL / SQLite |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var rows in sizes)
        {
            var file = GeneratedGiasFile.Write(folder, rows);
            var times = new List<double>();
            foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.Postgres })
            {
                var (seconds, run) = await TimeAsync(folder, (host, _) =>
                    host.Services.GetRequiredService<ImportService>().ImportFileAsync("gias-establishments", file, null, CancellationToken.None), provider);
                if (run.Status != ImportStatus.Succeeded) throw new InvalidOperationException(run.Message);
                times.Add(seconds);
            }
            Console.WriteLine($"| generated establishments (national size: {rows:N0}) | {rows:N0} | {times[0]:F2} | {times[1]:F2} | {times[1] / times[0]:F2} |");
        }
        var linkTimes = new List<(double Seconds, int Rows)>();
        foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.Postgres })
        {
            var (seconds, run) = await TimeAsync(folder, (host, _) =>
                host.Services.GetRequiredService<ImportService>().ImportFileAsync("gias-links", links, null, CancellationToken.None), provider);
            if (run.Status != ImportStatus.Succeeded) throw new InvalidOperationException(run.Message);
            linkTimes.Add((seconds, run.RowsRead));
        }
        Console.WriteLine($"| real links file | {linkTimes[0].Rows:N0} | {linkTimes[0].Seconds:F2} | {linkTimes[1].Seconds:F2} | {linkTimes[1].Seconds / linkTimes[0].Seconds:F2} |");
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>
    /// Collects, then starts the process's peak working set again from what it holds now (Linux: 5 to
    /// /proc/self/clear_refs), so that the peak read after an import is that import's, not the largest so far.
    /// </summary>
    /// <returns>The working set it starts from, in MB.</returns>
    private static double ResetPeakWorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        if (File.Exists("/proc/self/clear_refs")) File.WriteAllText("/proc/self/clear_refs", "5");
        return Process.GetCurrentProcess().WorkingSet64 / 1e6;
    }

    /// <summary>Times the work alone on a fresh, migrated store.</summary>
    private static async Task<(double Seconds, T Result)> TimeAsync<T>(string folder, Func<IHost, string, Task<T>> work, StoreProvider provider = StoreProvider.Sqlite)
    {
        var store = provider == StoreProvider.Sqlite ? $"Data Source={Path.Combine(folder, Guid.NewGuid() + ".db")}" : TestDatabases.Create(provider);
        try
        {
            using var host = await StoreHostAsync(store, provider);
            var clock = Stopwatch.StartNew();
            var result = await work(host, store);
            return (clock.Elapsed.TotalSeconds, result);
        }
        finally
        {
            if (provider == StoreProvider.Postgres) TestDatabases.Drop(provider, store);
        }
    }

    private static async Task<IHost> StoreHostAsync(string connectionString, StoreProvider provider)
    {
        var builder = Host.CreateApplicationBuilder([$"--ConnectionStrings:Atlas={connectionString}", $"--{StoreServiceCollectionExtensions.ProviderKey}={provider}"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAtlasCore(builder.Configuration);
        var host = builder.Build();
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AtlasDbContext>().MigrateStoreAsync(CancellationToken.None);
        return host;
    }
}
