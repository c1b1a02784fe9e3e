using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartnershipAtlas.Api.Auth;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Data;

/// <summary>
/// PostgreSQL restarted under a serving instance (a cluster of this test's own, stopped at once as a crash would while
/// requests run): the requests in flight and those sent while it is down get a clear GraphQL error or a 503, never a
/// hang or a 500; readiness says the store is unreachable; and once PostgreSQL is back the same server answers again,
/// reads and edits, without a restart.
/// </summary>
[Trait("Store", "Postgres")]
public sealed class PostgresRestartTests : IDisposable
{
    private const string EditorKey = "restart-editor-key";
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60); // generous: the machine is shared and loaded
    private readonly ThrowawayPostgres postgres = new();
    private readonly string folder = Directory.CreateTempSubdirectory("atlas-restart-").FullName;

    private sealed record Outcome(bool SentWhileDown, HttpStatusCode? Status, string Body, TimeSpan Took);

    public void Dispose()
    {
        postgres.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Requests_during_a_restart_get_clear_errors_and_the_same_server_recovers()
    {
        await using var factory = Server();
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(120);
        await factory.ImportAsync("gias-establishments", GeneratedGiasFile.Write(folder, 300));
        Assert.Equal(300, await CountAsync(client));

        var down = false;
        var outcomes = new ConcurrentBag<Outcome>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var sentWhileDown = Volatile.Read(ref down);
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await client.PostAsJsonAsync("/graphql", new { query = $"{{ establishments(first: {1 + (worker * 7 + i) % 20}) {{ totalCount }} }}" });
                    outcomes.Add(new Outcome(sentWhileDown, response.StatusCode, await response.Content.ReadAsStringAsync(), clock.Elapsed));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    outcomes.Add(new Outcome(sentWhileDown, null, e.ToString(), clock.Elapsed));
                }
            }
        })).ToList();

        Assert.True(await Eventually.WaitForAsync(() => Task.FromResult(outcomes.Count(o => o.Status == HttpStatusCode.OK && !HasErrors(o)) >= 8)));
        postgres.Halt();
        Volatile.Write(ref down, true);
        Assert.True(await Eventually.WaitForAsync(() => Task.FromResult(outcomes.Count(o => o.SentWhileDown) >= 8)), "requests kept getting answers while PostgreSQL was down");
        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("Unhealthy", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var live = await client.GetAsync("/health/live")) Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        postgres.Resume();
        var back = Stopwatch.StartNew();
        while (back.Elapsed < Recovery && !(await Answered(client))) await Task.Delay(250);
        Assert.True(back.Elapsed < Recovery, $"the server did not answer within {Recovery} of PostgreSQL's start");
        Volatile.Write(ref down, false);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the load runs on the recovered store for a while
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var failures = outcomes.Where(o => o.Status != HttpStatusCode.OK || HasErrors(o)).ToList();
        Assert.Contains(failures, o => o.SentWhileDown);
        Assert.All(outcomes, o => Assert.True(o.Took < TimeSpan.FromSeconds(60), $"a request hung for {o.Took}"));
        Assert.All(failures, o =>
        {
            Assert.True(o.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{o.Status}: {o.Body}");
            Assert.DoesNotContain("   at ", o.Body, StringComparison.Ordinal); // no stack trace
            if (o.Status == HttpStatusCode.OK) Assert.Contains(StoreOutagesCode, o.Body, StringComparison.Ordinal);
        });
        Assert.All(outcomes.Where(o => !o.SentWhileDown && o.Status == HttpStatusCode.OK && !HasErrors(o)),
            o => Assert.Equal(300, JsonNode.Parse(o.Body)!["data"]!["establishments"]!["totalCount"]!.GetValue<int>()));

        // Recovered: every request now answers, from the same server, and an edit is kept.
        for (var i = 0; i < 20; i++) Assert.Equal(300, await CountAsync(client));
        using (var ready = await client.GetAsync("/health/ready")) Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var edit = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "mutation { createPartnership(input: { kind: THEMATIC, name: \"After the restart\" }) { id } }" }),
        };
        edit.Headers.Add(ApiKeyAuthentication.HeaderName, EditorKey);
        using (var edited = await client.SendAsync(edit))
        {
            var body = JsonNode.Parse(await edited.Content.ReadAsStringAsync())!;
            Assert.True(body["errors"] is null, body.ToJsonString());
        }
        var found = await client.DataAsync("{ partnerships(first: 5, where: { name: { eq: \"After the restart\" } }) { totalCount } }");
        Assert.Equal(1, found["partnerships"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task After_a_restart_while_idle_only_the_first_request_fails()
    {
        await using var factory = Server();
        var client = factory.CreateClient();
        await factory.ImportAsync("gias-establishments", GeneratedGiasFile.Write(folder, 50));
        // Several connections in the pool, idle when PostgreSQL stops: each died with the server, unknown to the pool.
        await Task.WhenAll(Enumerable.Range(1, 8).Select(n => client.DataAsync($"{{ establishments(first: {n}) {{ totalCount }} }}")));
        postgres.Halt();
        postgres.Resume();

        var failed = 0;
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.PostAsJsonAsync("/graphql", new { query = $"{{ establishments(first: {10 + i}) {{ totalCount }} }}" });
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (body.Contains("\"errors\"", StringComparison.Ordinal))
            {
                Assert.Contains(StoreOutagesCode, body, StringComparison.Ordinal);
                failed++;
            }
            else Assert.Equal(50, JsonNode.Parse(body)!["data"]!["establishments"]!["totalCount"]!.GetValue<int>());
        }
        Assert.True(failed <= 1, $"{failed} requests failed on pooled connections that died with the server");
    }

    private const string StoreOutagesCode = "STORE_UNAVAILABLE";

    private AtlasFactory Server() => new() { Settings = new Dictionary<string, string>
    {
        ["Atlas:Provider"] = "Postgres",
        ["ConnectionStrings:Atlas"] = postgres.ConnectionString,
        ["Atlas:Limits:CostPerMinute"] = "0",
        ["Atlas:ApiKeys:0:Name"] = "restart-editor",
        ["Atlas:ApiKeys:0:Sha256"] = ApiKeyAuthentication.Hash(EditorKey),
        ["Atlas:ApiKeys:0:Roles:0"] = "editor",
    } };

    private static bool HasErrors(Outcome outcome) => outcome.Body.Contains("\"errors\"", StringComparison.Ordinal);

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.DataAsync("{ establishments(first: 1) { totalCount } }"))["establishments"]!["totalCount"]!.GetValue<int>();

    private static async Task<bool> Answered(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ establishments(first: 2) { totalCount } }" });
        return response.StatusCode == HttpStatusCode.OK && !(await response.Content.ReadAsStringAsync()).Contains("\"errors\"", StringComparison.Ordinal);
    }
}
