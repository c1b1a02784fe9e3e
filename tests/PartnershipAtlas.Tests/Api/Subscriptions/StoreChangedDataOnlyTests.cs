using Microsoft.AspNetCore.Hosting;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api.Subscriptions;

/// <summary>
/// <c>storeChanged</c> tells of changes to the data only: a re-import of the same file by the command line in another
/// process records a SKIPPED run (which raises the store stamp, so cached answers of importRuns go stale) but raises
/// no event, while a real import and a mutation do. On the real endpoint, SQLite and PostgreSQL alike.
/// </summary>
public sealed class StoreChangedDataOnlyTests : IAsyncLifetime
{
    private const string Subscription = "subscription { storeChanged { stamp dataStamp at } }";

    /// <summary>Long enough for the server to notice a commit (a poll every 250 ms on SQLite, a NOTIFY on PostgreSQL) on a loaded machine.</summary>
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(2);

    private readonly EditingServer server = new();
    private readonly string folder = Directory.CreateTempSubdirectory("atlas-stream-data-").FullName;

    private sealed class EditingServer : AtlasFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Editors.AddKeys(builder);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_no_op_re_import_by_another_process_is_not_told_and_a_real_import_after_it_is()
    {
        var file = GeneratedGiasFile.Write(folder, rows: 20);
        var first = await AtlasCli.RunAsync(server, "import", "gias-establishments", file);
        Assert.True(first.ExitCode == 0, first.Output);
        var runsBefore = await RunStatusesAsync();
        await using var stream = await EventStreamClient.OpenAsync(server.CreateClient(), Subscription);

        var again = await AtlasCli.RunAsync(server, "import", "gias-establishments", file);
        var heardForSkip = await stream.NextAsync(QuietWindow);
        var runsAfter = await RunStatusesAsync();

        var changed = GeneratedGiasFile.Write(folder, rows: 21, name: "edubasealldata20250102.csv");
        var real = await AtlasCli.RunAsync(server, "import", "gias-establishments", changed);
        var heardForReal = await stream.NextAsync(TimeSpan.FromSeconds(10));

        Assert.True(again.ExitCode == 0 && real.ExitCode == 0, again.Output + real.Output);
        Assert.Equal([.. runsBefore, "SKIPPED"], runsAfter); // the re-import was recorded, as a skipped run
        Assert.Null(heardForSkip);
        Assert.Equal("next", heardForReal?.Name); // the subscription was live all along
        var change = heardForReal!.Json["data"]!["storeChanged"]!;
        Assert.True(change["dataStamp"]!.GetValue<long>() > 0);
        // The skipped run's two saves raised the stamp but not the data stamp, so the stamp is now ahead of it.
        Assert.True(change["stamp"]!.GetValue<long>() > change["dataStamp"]!.GetValue<long>(), change.ToJsonString());
        Assert.Null(await stream.NextAsync(TimeSpan.FromMilliseconds(600))); // the run recorded after the rows: no second event
    }

    [Fact]
    public async Task A_mutation_is_told_with_a_higher_data_stamp()
    {
        await using var stream = await EventStreamClient.OpenAsync(server.CreateClient(), Subscription);
        await server.EditAsync("mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }",
            new { input = new { kind = "FEDERATION", name = "Data stamp test network" } });
        var first = await stream.NextAsync(TimeSpan.FromSeconds(10));
        await server.EditAsync("mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }",
            new { input = new { kind = "FEDERATION", name = "Data stamp test network 2" } });
        var second = await stream.NextAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(("next", "next"), (first?.Name, second?.Name));
        long DataStamp(EventStreamClient.Event e) => e.Json["data"]!["storeChanged"]!["dataStamp"]!.GetValue<long>();
        Assert.True(DataStamp(second!) > DataStamp(first!), $"{first!.Data} then {second!.Data}");
    }

    /// <summary>The statuses of the runs, oldest first.</summary>
    private async Task<List<string>> RunStatusesAsync()
    {
        var data = await server.EditAsync("query { importRuns(first: 50) { nodes { status } } }", new { });
        return [.. data["importRuns"]!["nodes"]!.AsArray().Select(n => n!["status"]!.GetValue<string>())];
    }
}
