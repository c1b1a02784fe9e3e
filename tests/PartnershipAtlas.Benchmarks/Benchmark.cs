using System.Diagnostics;

namespace PartnershipAtlas.Benchmarks;

/// <summary>Attainment benchmark (issue 6): see README.md.</summary>
public static class AttainmentBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.FirstOrDefault() ?? "real";
        var repository = Store.FindRepositoryRoot();
        await using var store = new Store();
        var client = store.CreateClient();
        var clock = Stopwatch.StartNew();

        if (mode == "synthetic")
        {
            var schools = args.Length > 1 ? int.Parse(args[1]) : 16000;
            var trusts = args.Length > 2 ? int.Parse(args[2]) : 1200;
            using var generated = new GeneratedFiles(repository, schools, trusts);
            await store.ImportAsync("gias-establishments", generated.Gias);
            Console.WriteLine($"import gias ({schools} schools, {trusts} trusts): {clock.Elapsed.TotalSeconds:0.0} s");
            foreach (var table in generated.Ks2Tables)
            {
                clock.Restart();
                var run = await store.ImportAsync("ks2", table);
                Console.WriteLine($"import {Path.GetFileName(table)}: {run.RowsRead} rows, {clock.Elapsed.TotalSeconds:0.0} s ({run.Status})");
            }
        }
        else
        {
            var real = Path.Combine(repository, "..", "shared", "data", "real");
            await store.ImportAsync("gias-establishments", Path.Combine(real, "gias-hants-surrey", "20220420_gias.csv"));
            foreach (var table in Directory.GetFiles(Path.Combine(real, "perf-tables-hants-surrey"), "*.csv").Order())
            {
                await store.ImportAsync(table.Contains("ks2") ? "ks2" : "ks4", table);
            }
            Console.WriteLine($"import real files: {clock.Elapsed.TotalSeconds:0.0} s");
        }

        await Queries.AttainmentOfEveryTrustAsync(client, store.Statements);
        await Queries.ComparisonOfLargestTrustAsync(client, store.Statements);
        return 0;
    }
}
