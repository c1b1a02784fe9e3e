using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;
using Xunit.Abstractions;

namespace PartnershipAtlas.Tests.Api.Export;

/// <summary>
/// A 50,000-row table streams: the live managed heap of the process (server and client both) is sampled as the CSV
/// is read and must not grow with the rows. The store is generated (GIAS rows repeated with new URNs), never shipped.
/// </summary>
[Collection(RunsAlone.Name)] // the heap measured is the process's: no other test may allocate meanwhile
[Trait("Store", "Sqlite")] // what is measured is the export's streaming, the same on both stores: generated once, on SQLite
public sealed class LargeTableExportTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rows = 50_000;
    private const string Query = """
        { establishments { nodes { urn name laName type typeGroup phase status openDate statutoryLowAge statutoryHighAge
          numberOfPupils postcode region district memberships { role partnership { name } } } } }
        """;

    private readonly AtlasFactory server = new();
    private readonly string folder = Directory.CreateTempSubdirectory("atlas-large-export-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_50000_row_csv_streams_with_flat_memory()
    {
        var run = await server.ImportAsync("gias-establishments", GeneratedGiasFile.Write(folder, Rows));
        Assert.Equal(Rows, run.RowsRead - run.RowsRejected);
        var client = server.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);

        // Today's membership index and the held establishments (caches shared by all requests, about 10 and 20 MB for this
        // store) read first, so that what is measured is the stream alone and not the caches being read beside it.
        await client.DataAsync("{ establishments(first: 1) { nodes { memberships { role partnership { name } } } } }");
        await server.Services.GetRequiredService<ActiveMembershipIndexes>().WhenReadAsync();
        await server.Services.GetRequiredService<HeldEstablishments>().WhenReadAsync();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/export/query.csv?query=" + Uri.EscapeDataString(Query));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        var samples = new List<long>();
        long lines = 0, chars = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            lines++;
            chars += line.Length + 2;
            if (lines % 5_000 == 0) samples.Add(GC.GetTotalMemory(forceFullCollection: true) - before);
        }

        var peak = samples.Max();
        output.WriteLine($"{lines - 1} rows, {chars / 1e6:F1} MB of CSV; live heap above the start: first sample {samples[0] / 1e6:F1} MB, " +
            $"peak {peak / 1e6:F1} MB, last {samples[^1] / 1e6:F1} MB ({string.Join(", ", samples.Select(s => (s / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))})");
        Assert.Equal(Rows + 1, lines); // the header and every row, no truncation note under Atlas:Export:MaxRows
        // Flat: a few MB live at any time, whatever the row count (a request-wide loader cache once held ~1 KB a row: 52 MB here).
        Assert.True(peak < 20_000_000, $"the live heap grew by {peak / 1e6:F1} MB while {chars / 1e6:F1} MB of CSV streamed");
        Assert.True(samples[^1] - samples[0] < 10_000_000, $"the live heap grew from {samples[0] / 1e6:F1} MB to {samples[^1] / 1e6:F1} MB as rows streamed");
    }
}
