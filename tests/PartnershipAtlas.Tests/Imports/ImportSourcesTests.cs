using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Sources;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>Sources other than one local file: a URL (retried when the server fails), a folder recognised by headers, a schedule.</summary>
public sealed class ImportSourcesTests
{
    [Fact]
    public async Task A_url_is_downloaded_with_retries_and_imported()
    {
        using var server = new FlakyFileServer(RealData.GiasNarrow2021, failures: 2);
        await using var factory = new AtlasFactory { Settings = new Dictionary<string, string> { ["Atlas:Sources:RetryDelay"] = "00:00:00.050" } };
        var sources = factory.Services.GetRequiredService<ImportSources>();
        var importer = factory.Services.GetRequiredService<ImportService>();

        var files = await sources.ResolveAsync(importer.Importer("gias-establishments"), server.Url + "2021-05-07_850_936_gias.csv", CancellationToken.None);
        var run = await importer.ImportFileAsync("gias-establishments", files.Single(), null, CancellationToken.None);

        Assert.Equal(3, server.Requests);
        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal(new DateOnly(2021, 5, 7), run.ExtractDate);
        Assert.Equal(729, run.RowsRead);
    }

    [Fact]
    public async Task A_date_names_the_published_extract_of_that_day()
    {
        using var server = new FlakyFileServer(RealData.GiasNarrow2021, failures: 0);
        await using var factory = new AtlasFactory { Settings = new Dictionary<string, string> { ["Atlas:Sources:GiasDownloadBase"] = server.Url } };
        var sources = factory.Services.GetRequiredService<ImportSources>();
        var importer = factory.Services.GetRequiredService<ImportService>();

        var files = await sources.ResolveAsync(importer.Importer("gias-establishments"), "date:2025-04-22", CancellationToken.None);

        Assert.Equal("edubasealldata20250422.csv", Path.GetFileName(files.Single()));
        Assert.Equal("/edubasealldata20250422.csv", server.LastPath);
    }

    [Fact]
    public async Task Import_all_recognises_each_files_dataset_from_its_header()
    {
        var folder = Directory.CreateTempSubdirectory("atlas-all").FullName;
        File.Copy(RealData.GiasNarrow2021, Path.Combine(folder, "2021-05-07_850_936_gias.csv"));
        File.Copy(RealData.GiasSurrey2021, Path.Combine(folder, "2021_936_gias.csv"));
        File.WriteAllText(Path.Combine(folder, "notes.csv"), "Topic,Note\r\nA,B\r\n");
        await using var factory = new AtlasFactory();
        factory.CreateClient();

        var result = await AtlasCli.RunAsync(factory, "import", "all", folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("succeeded run 1 gias-establishments 2021-05-07_850_936_gias.csv", result.Output);
        Assert.Contains("succeeded run 2 gias-establishments 2021_936_gias.csv", result.Output);
        Assert.Contains("notes.csv: no dataset recognises its header", result.Output);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_scheduled_import_runs_the_configured_source()
    {
        var folder = Directory.CreateTempSubdirectory("atlas-schedule").FullName;
        File.Copy(RealData.GiasNarrow2021, Path.Combine(folder, "2021-05-07_850_936_gias.csv"));
        await using var factory = new AtlasFactory { Settings = new Dictionary<string, string>
        {
            ["Atlas:Schedules:Enabled"] = "true",
            ["Atlas:Schedules:Datasets:gias-establishments:Cron"] = "0/1 * * * * ?",
            ["Atlas:Schedules:Datasets:gias-establishments:Source"] = folder,
        } };
        factory.CreateClient();

        ImportRun? run = null;
        for (var i = 0; i < 200 && run is null; i++)
        {
            await Task.Delay(100);
            run = await factory.WithStoreAsync(db => db.ImportRuns.FirstOrDefaultAsync(r => r.Status == ImportStatus.Succeeded));
        }

        Assert.NotNull(run);
        Assert.Equal("2021-05-07_850_936_gias.csv", run.FileName);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A loopback HTTP server that fails the first requests with 503, then serves one file.</summary>
    private sealed class FlakyFileServer : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly byte[] content;
        private int failures;

        public FlakyFileServer(string file, int failures)
        {
            content = File.ReadAllBytes(file);
            this.failures = failures;
            var port = Random.Shared.Next(41000, 49000);
            Url = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(Url);
            listener.Start();
            _ = ServeAsync();
        }

        public string Url { get; }
        public int Requests { get; private set; }
        public string? LastPath { get; private set; }

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception) { return; }
                Requests++;
                LastPath = context.Request.Url?.AbsolutePath;
                if (failures-- > 0)
                {
                    context.Response.StatusCode = 503;
                }
                else
                {
                    context.Response.ContentLength64 = content.Length;
                    await context.Response.OutputStream.WriteAsync(content);
                }
                context.Response.Close();
            }
        }

        public void Dispose() => listener.Close();
    }
}
