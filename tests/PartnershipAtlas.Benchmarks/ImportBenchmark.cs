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
/// loop, each into a fresh SQLite store.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [10_000, 50_000];
        var folder = Directory.CreateTempSubdirectory("atlas-bench").FullName;
        Console.WriteLine("| rows | importer s | rows/s | raw loop s | ratio | peak working set MB | GC heap after MB |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var rows in sizes)
        {
            var file = GeneratedGiasFile.Write(folder, rows);
            var (importer, run) = await TimeAsync(folder, (host, _) =>
                host.Services.GetRequiredService<ImportService>().ImportFileAsync("gias-establishments", file, null, CancellationToken.None));
            if (run.Status != ImportStatus.Succeeded) throw new InvalidOperationException(run.Message);
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
            GC.Collect();
            var heap = GC.GetTotalMemory(true) / 1e6;
            var (raw, _) = await TimeAsync(folder, (_, store) => RawPreparedLoop.RunAsync(store, file));
            Console.WriteLine($"| {rows:N0} | {importer:F2} | {rows / importer:N0} | {raw:F2} | {importer / raw:F2} | {peak:F0} | {heap:F0} |");
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
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>Times the work alone on a fresh, migrated store.</summary>
    private static async Task<(double Seconds, T Result)> TimeAsync<T>(string folder, Func<IHost, string, Task<T>> work)
    {
        var store = $"Data Source={Path.Combine(folder, Guid.NewGuid() + ".db")}";
        using var host = await StoreHostAsync(store);
        var clock = Stopwatch.StartNew();
        var result = await work(host, store);
        return (clock.Elapsed.TotalSeconds, result);
    }

    private static async Task<IHost> StoreHostAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder([$"--ConnectionStrings:Atlas={connectionString}"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAtlasCore(builder.Configuration);
        var host = builder.Build();
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AtlasDbContext>().MigrateStoreAsync(CancellationToken.None);
        return host;
    }
}
