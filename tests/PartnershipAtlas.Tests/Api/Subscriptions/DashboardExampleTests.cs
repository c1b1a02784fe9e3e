using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api.Subscriptions;

/// <summary>
/// examples/dashboard, the typed client, built (graphql-codegen from schema/schema.graphql, tsc, vite) and run against
/// the real server on a loopback port: its documents registered as persisted documents, a query by id answered again
/// as 304 from its kept copy, and a storeChanged event over Server-Sent Events (graphql-sse) after an import.
/// </summary>
public sealed class DashboardExampleTests : IAsyncLifetime
{
    private static readonly string Folder = Path.Combine(RealData.RepositoryRoot, "examples", "dashboard");
    private const string RegistrationKey = "dashboard-test-key";
    private readonly string files = Directory.CreateTempSubdirectory("atlas-dashboard-").FullName;
    private readonly AtlasFactory server;

    public DashboardExampleTests() => server = new AtlasFactory
    {
        Settings = new Dictionary<string, string>
        {
            ["Atlas:PersistedDocuments:RegistrationKey"] = RegistrationKey,
            ["Atlas:PersistedDocuments:Directory"] = Path.Combine(files, "documents"),
        },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(files, recursive: true);
    }

    [Fact]
    public async Task The_dashboard_builds_registers_its_documents_and_refreshes_on_storeChanged()
    {
        var build = await RunAsync("npm", "run", "build");
        Assert.True(build.ExitCode == 0, build.Output);
        var url = server.StartOnLoopback();
        var register = await RunAsync("node", "scripts/register.mjs", url, RegistrationKey);
        Assert.True(register.ExitCode == 0, register.Output);
        Assert.Equal(2, register.Output.Split('\n').Count(l => l.StartsWith("sha256:", StringComparison.Ordinal)));

        using var check = Start("node", "dist-check/check.js", url);
        var steps = new ConcurrentQueue<JsonNode>();
        var output = new ConcurrentQueue<string>();
        check.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            if (e.Data.StartsWith('{')) steps.Enqueue(JsonNode.Parse(e.Data)!);
        };
        check.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        check.BeginOutputReadLine();
        check.BeginErrorReadLine();
        Assert.True(await Eventually.WaitForAsync(() => Task.FromResult(steps.Any(s => (string?)s["step"] == "subscribed") || check.HasExited)), string.Join("\n", output));
        await server.ImportAsync("gias-establishments", GeneratedGiasFile.Write(files, rows: 5));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await check.WaitForExitAsync(deadline.Token);

        var log = string.Join("\n", output);
        Assert.True(check.ExitCode == 0, log);
        JsonNode Step(string name) => steps.Single(s => (string?)s["step"] == name);
        Assert.False((bool)Step("query")["notModified"]!, log);
        Assert.True((bool)Step("again")["notModified"]!, log); // If-None-Match with the ETag: 304, the kept copy used
        Assert.True((long)Step("storeChanged")["stamp"]! > 0, log);
        Assert.Equal((int)Step("query")["totalCount"]! + 1, (int)Step("after")["totalCount"]!);
        Assert.False((bool)Step("after")["notModified"]!, log);
    }

    private static Process Start(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NPM_CONFIG_UPDATE_NOTIFIER"] = "false";
        return Process.Start(start)!;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] args)
    {
        using var process = Start(file, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
