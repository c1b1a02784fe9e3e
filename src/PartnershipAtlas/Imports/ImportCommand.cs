using System.Globalization;
using PartnershipAtlas.Data;
using PartnershipAtlas.Hosting;

namespace PartnershipAtlas.Imports;

/// <summary><c>import &lt;dataset&gt; FILE...</c>: imports into the configured store, prints each run, exits 1 when a file is refused.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(CommandLine command)
    {
        var builder = Host.CreateApplicationBuilder(command.HostArgs);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAtlasCore(builder.Configuration);
        using var host = builder.Build();
        var importer = host.Services.GetRequiredService<ImportService>();
        if (command.Operands.Count < 2)
        {
            await Console.Error.WriteLineAsync($"usage: import <dataset> FILE... [--extract-date yyyy-MM-dd] [--year YYYY]\ndatasets: {string.Join(", ", importer.Datasets)}");
            return 2;
        }
        DateOnly? extractDate = builder.Configuration["Atlas:Import:ExtractDate"] is { } date
            ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AtlasDbContext>().MigrateStoreAsync(CancellationToken.None);
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

        var exitCode = 0;
        foreach (var file in command.Operands.Skip(1))
        {
            try
            {
                var run = await importer.ImportFileAsync(command.Operands[0], file, extractDate, cancel.Token);
                Console.WriteLine(Summary(run));
                foreach (var rejection in run.Rejections.Take(10)) Console.WriteLine($"  rejected {run.FileName}:{rejection.Line}: {rejection.Reason}");
                if (run.Status == ImportStatus.Failed) exitCode = 1;
            }
            catch (Exception e) when (e is FileNotFoundException or ArgumentException)
            {
                await Console.Error.WriteLineAsync(e.Message);
                exitCode = e is ArgumentException ? 2 : 1;
            }
        }
        return exitCode;
    }

    public static string Summary(ImportRun run) =>
        $"{run.Status.ToString().ToLowerInvariant()} run {run.Id} {run.Dataset} {run.FileName}: read {run.RowsRead}, inserted {run.RowsInserted}, " +
        $"updated {run.RowsUpdated}, unchanged {run.RowsUnchanged}, rejected {run.RowsRejected}" + (run.Message is null ? "" : $". {run.Message}");
}
