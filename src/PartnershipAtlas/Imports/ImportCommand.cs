using System.Globalization;
using PartnershipAtlas.Data;
using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Hosting;
using PartnershipAtlas.Imports.Sources;
using Spectre.Console;

namespace PartnershipAtlas.Imports;

/// <summary>
/// <c>import &lt;dataset&gt; SOURCE...</c> (a file, a folder, a URL, or <c>date:yyyy-MM-dd</c> for DfE's extract of that
/// day) and <c>import all FOLDER</c> (each file's dataset recognised from its header). Shows progress on a terminal,
/// prints each run's summary and exits 1 when a file is refused, 2 on a usage error.
/// </summary>
public static class ImportCommand
{
    public const string Usage = "usage: import <dataset> FILE|FOLDER|URL|date:yyyy-MM-dd... [--extract-date yyyy-MM-dd] [--year YYYY]\n       import all FOLDER...";

    public static async Task<int> RunAsync(CommandLine command)
    {
        var builder = Host.CreateApplicationBuilder(command.HostArgs);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAtlasCore(builder.Configuration);
        using var host = builder.Build();
        var importer = host.Services.GetRequiredService<ImportService>();
        if (command.Operands.Count < 2)
        {
            await Console.Error.WriteLineAsync($"{Usage}\ndatasets: {string.Join(", ", importer.Datasets)}");
            return 2;
        }
        DateOnly? extractDate = builder.Configuration["Atlas:Import:ExtractDate"] is { } date
            ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AtlasDbContext>().MigrateStoreAsync(CancellationToken.None);
        }
        if (await ApplyReferenceListsAsync(host.Services) is { } refused) return refused;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

        try
        {
            var files = await FilesAsync(host.Services, importer, command.Operands, cancel.Token);
            var exitCode = 0;
            foreach (var (dataset, file) in files)
            {
                var run = await ImportWithProgressAsync(importer, dataset, file, extractDate, cancel.Token);
                Console.WriteLine(run.Summary());
                foreach (var rejection in run.Rejections.Take(10)) Console.WriteLine($"  rejected {run.FileName}:{rejection.Line}: {rejection.Reason}");
                if (run.Status == ImportStatus.Failed) exitCode = 1;
            }
            return exitCode;
        }
        catch (Exception e) when (e is FileNotFoundException or HttpRequestException or IOException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    /// <summary>
    /// Brings the store's reference lists up to date (<see cref="Reference.ReferenceLists"/>), as every command does;
    /// prints each list applied. Returns exit code 1 when one was refused, else null.
    /// </summary>
    public static async Task<int?> ApplyReferenceListsAsync(IServiceProvider services)
    {
        var runs = await services.GetRequiredService<Reference.ReferenceLists>().ApplyAsync(CancellationToken.None);
        foreach (var run in runs) Console.WriteLine($"reference list: {run.Summary()}");
        return runs.Any(r => r.Status == ImportStatus.Failed) ? 1 : null;
    }

    /// <summary>The (dataset, file) pairs the operands name, in order.</summary>
    private static async Task<List<(string Dataset, string File)>> FilesAsync(IServiceProvider services, ImportService importer, IReadOnlyList<string> operands, CancellationToken cancellationToken)
    {
        var result = new List<(string, string)>();
        if (operands[0] == "all")
        {
            foreach (var folder in operands.Skip(1))
            {
                if (!Directory.Exists(folder)) throw new FileNotFoundException($"Folder not found: {folder}");
                foreach (var file in SourceStream.CsvFiles(folder, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (await importer.RecogniseAsync(file, cancellationToken) is { } dataset) result.Add((dataset.Dataset, file));
                    else Console.WriteLine($"skipped {file}: no dataset recognises its header");
                }
            }
            return result;
        }
        var sources = services.GetRequiredService<ImportSources>();
        var datasetImporter = importer.Importer(operands[0]);
        foreach (var source in operands.Skip(1))
        {
            foreach (var file in await sources.ResolveAsync(datasetImporter, source, cancellationToken)) result.Add((operands[0], file));
        }
        return result;
    }

    private static async Task<ImportRun> ImportWithProgressAsync(ImportService importer, string dataset, string file, DateOnly? extractDate, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive) return await importer.ImportFileAsync(dataset, file, extractDate, cancellationToken);
        ImportRun? run = null;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask($"{dataset} {Markup.Escape(Path.GetFileName(file))}", maxValue: 1);
            var reporter = new Progress<ImportProgress>(p => task.Value = p.TotalBytes == 0 ? 0 : (double)p.BytesRead / p.TotalBytes);
            run = await importer.ImportFileAsync(dataset, file, extractDate, cancellationToken, reporter);
            task.Value = 1;
        });
        return run!;
    }
}
