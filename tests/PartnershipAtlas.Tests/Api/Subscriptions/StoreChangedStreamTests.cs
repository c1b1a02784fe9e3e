using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api.Subscriptions;

/// <summary>
/// Subscriptions over Server-Sent Events, on the real endpoint, with imports committed by the real command line in
/// another process (on SQLite the server notices by reading the stamp; on PostgreSQL by LISTEN/NOTIFY).
/// </summary>
public sealed class StoreChangedStreamTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AtlasFactory server = new();
    private readonly string folder = Directory.CreateTempSubdirectory("atlas-stream-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_subscriber_hears_of_an_import_committed_by_another_process_within_a_second()
    {
        var file = GeneratedGiasFile.Write(folder, rows: 30);
        await using var stream = await EventStreamClient.OpenAsync(server.CreateClient(), "subscription { storeChanged { stamp at } }");
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await stream.NextAsync(TimeSpan.FromMilliseconds(600))); // nothing changes, nothing is told

        var cli = await AtlasCli.RunAsync(server, "import", "gias-establishments", file);
        var exited = DateTime.UtcNow;
        var heard = await stream.NextAsync(TimeSpan.FromSeconds(10));

        Assert.True(cli.ExitCode == 0, cli.Output);
        Assert.NotNull(heard);
        output.WriteLine($"storeChanged heard {(heard.ReadAt - exited).TotalMilliseconds:F0} ms after the importing process exited");
        Assert.Equal("next", heard.Name);
        var change = heard.Json["data"]!["storeChanged"]!;
        Assert.True(change["stamp"]!.GetValue<long>() > 0);
        Assert.True(DateTimeOffset.TryParse(change["at"]!.GetValue<string>(), out _));
        // The import commits before the command line records its run and exits: the event is due a second after the commit at most.
        Assert.True(heard.ReadAt <= exited.AddSeconds(1), $"heard {(heard.ReadAt - exited).TotalMilliseconds:F0} ms after the command line exited");
    }

    [Fact]
    public async Task ImportRunFinished_tells_each_finished_run_of_the_datasets_asked_for_once()
    {
        var file = GeneratedGiasFile.Write(folder, rows: 25);
        const string Subscription = "subscription Runs($datasets: [String!]) { importRunFinished(datasets: $datasets) { run { id dataset status rowsRead rowsRejected } } }";
        await using var establishments = await EventStreamClient.OpenAsync(server.CreateClient(), Subscription, new { datasets = new[] { "gias-establishments" } });
        await using var links = await EventStreamClient.OpenAsync(server.CreateClient(), Subscription, new { datasets = new[] { "gias-links" } });

        var first = await AtlasCli.RunAsync(server, "import", "gias-establishments", file);
        var applied = await establishments.NextAsync(TimeSpan.FromSeconds(10));
        var again = await AtlasCli.RunAsync(server, "import", "gias-establishments", file);
        var skipped = await establishments.NextAsync(TimeSpan.FromSeconds(10));

        Assert.True(first.ExitCode == 0 && again.ExitCode == 0, first.Output + again.Output);
        var run = applied!.Json["data"]!["importRunFinished"]!["run"]!;
        Assert.Equal(("gias-establishments", "SUCCEEDED", 25, 0),
            (run["dataset"]!.GetValue<string>(), run["status"]!.GetValue<string>(), run["rowsRead"]!.GetValue<int>(), run["rowsRejected"]!.GetValue<int>()));
        Assert.Equal("SKIPPED", skipped!.Json["data"]!["importRunFinished"]!["run"]!["status"]!.GetValue<string>());
        Assert.NotEqual(run["id"]!.GetValue<string>(), skipped.Json["data"]!["importRunFinished"]!["run"]!["id"]!.GetValue<string>());
        Assert.Null(await establishments.NextAsync(TimeSpan.FromMilliseconds(600)));
        Assert.Null(await links.NextAsync(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task A_write_by_this_server_is_heard_and_the_stream_completes_when_the_server_stops()
    {
        await using var stream = await EventStreamClient.OpenAsync(server.CreateClient(), "subscription { storeChanged { stamp } }");
        await server.ImportAsync("gias-establishments", GeneratedGiasFile.Write(folder, rows: 5));
        var heard = await stream.NextAsync(TimeSpan.FromSeconds(10));
        server.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        // An import commits three times (its run started, its rows, its run finished), but only its rows change data: one event.
        var completed = await stream.WaitForAsync(e => e.Name != "next", TimeSpan.FromSeconds(10));

        Assert.Equal("next", heard?.Name);
        Assert.Equal("complete", completed?.Name);
    }
}
