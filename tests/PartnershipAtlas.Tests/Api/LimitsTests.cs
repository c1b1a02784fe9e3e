using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>Each limit (depth, cost, rate, size, timeout) refuses with its error before or instead of running, naming the limit.</summary>
public sealed class LimitsTests(Surrey2021Store store) : IClassFixture<Surrey2021Store>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>10 (connection) + 1 (nodes) + 3 × 10 (members) + 3 × 1 (their nodes) + 3 × 4 × 1 (establishment) = 56.</summary>
    private const string Cost56 = "{ partnerships(first: 3) { nodes { name members(first: 4) { nodes { establishment { name } } } } } }";

    private static async Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(HttpClient client, object body, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd(GraphQLResponse);
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        var response = await client.SendAsync(request);
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static string Code(JsonNode body) => body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    [Fact]
    public async Task Every_response_reports_its_cost_and_the_limit()
    {
        var (_, body) = await PostAsync(store.CreateClient(), new { query = Cost56 });

        Assert.Null(body["errors"]);
        Assert.Equal(56, body["extensions"]!["cost"]!["requested"]!.GetValue<int>());
        Assert.Equal(1000, body["extensions"]!["cost"]!["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_query_over_the_cost_limit_is_refused_before_it_runs()
    {
        var (response, body) = await PostAsync(store.CreateClient(), new { query = "{ establishments(first: 100) { nodes { memberships { partnership { name } } } } }" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(body["data"]);
        Assert.Equal("HC0047", Code(body));
        Assert.Contains("Atlas:Limits:MaxCost", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1111, body["errors"]![0]!["extensions"]!["fieldCost"]!.GetValue<int>());
        Assert.Equal(1111, body["extensions"]!["cost"]!["requested"]!.GetValue<int>());
    }

    /// <summary>
    /// An operation without variables is validated once (<c>BoundedDocumentValidator</c>); sent again, it is answered
    /// from its own arguments and its cost is reported (and charged, see the rate-limit test) each time.
    /// </summary>
    [Fact]
    public async Task A_document_sent_again_is_answered_from_its_own_arguments_and_costed_each_time()
    {
        var client = store.CreateClient();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            foreach (var n in new[] { 2, 3 })
            {
                var (_, body) = await PostAsync(client, new { query = $"{{ partnerships(first: {n}) {{ nodes {{ name members(first: 4) {{ nodes {{ establishment {{ name }} }} }} }} }} }}" });

                Assert.Null(body["errors"]);
                Assert.Equal(n, body["data"]!["partnerships"]!["nodes"]!.AsArray().Count);
                Assert.Equal(11 + (15 * n), body["extensions"]!["cost"]!["requested"]!.GetValue<int>());
            }
        }
    }

    [Fact]
    public async Task Page_sizes_from_variables_count_too()
    {
        const string Query = "query($n: Int) { establishments(first: $n) { nodes { memberships { partnership { name } } } } }";
        var (small, _) = await PostAsync(store.CreateClient(), new { query = Query, variables = new { n = 50 } });
        var (large, body) = await PostAsync(store.CreateClient(), new { query = Query, variables = new { n = 100 } });

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("HC0047", Code(body));
        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
    }

    [Fact]
    public async Task A_query_deeper_than_12_is_refused_naming_the_limit()
    {
        const string Deep = "{ partnerships(first: 1) { nodes { members(first: 1) { nodes { establishment { partnerships { memberCount "
            + "members(first: 1) { nodes { establishment { partnerships { members(first: 1) { nodes { establishment { name } } } } } } } } } } } } } }";
        var (response, body) = await PostAsync(store.CreateClient(), new { query = Deep });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(body["data"]);
        Assert.Equal(14, body["errors"]![0]!["extensions"]!["detectedExecutionDepth"]!.GetValue<int>());
        Assert.Equal(12, body["errors"]![0]!["extensions"]!["allowedExecutionDepth"]!.GetValue<int>());
        Assert.Contains("Atlas:Limits:MaxDepth", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphiQLs_introspection_query_passes()
    {
        var query = await File.ReadAllTextAsync(Path.Combine(RealData.RepositoryRoot, "tests", "PartnershipAtlas.Tests", "Api", "GraphiQLIntrospection.graphql"));
        var (response, body) = await PostAsync(store.CreateClient(), new { query });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.Contains(body["data"]!["__schema"]!["types"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "EstablishmentFilterInput");
    }

    [Fact]
    public async Task A_client_over_its_cost_per_minute_gets_429_with_retry_after_and_others_do_not()
    {
        await using var factory = new ConfiguredAtlasFactory(new Dictionary<string, string> { ["Atlas:Limits:CostPerMinute"] = "100" });
        var client = factory.CreateClient();

        var (first, _) = await PostAsync(client, new { query = Cost56 }, apiKey: "dashboard-a");
        var (second, body) = await PostAsync(client, new { query = Cost56 }, apiKey: "dashboard-a");
        var (other, _) = await PostAsync(client, new { query = Cost56 }, apiKey: "dashboard-b");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.InRange(second.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("RATE_LIMITED", Code(body));
        Assert.Contains("Atlas:Limits:CostPerMinute", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413()
    {
        await using var factory = new ConfiguredAtlasFactory(new Dictionary<string, string> { ["Atlas:Limits:MaxRequestBytes"] = "2000" });
        var client = factory.CreateClient();

        var (small, _) = await PostAsync(client, new { query = "{ __typename }" });
        var (large, body) = await PostAsync(client, new { query = "{ __typename }" + new string(' ', 3000) });

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Contains("Atlas:Limits:MaxRequestBytes", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_over_the_execution_timeout_gets_a_clean_HC0045_error()
    {
        await using var factory = new ConfiguredAtlasFactory(new Dictionary<string, string>
        {
            ["Atlas:Limits:ExecutionTimeout"] = "00:00:00.001",
            ["Atlas:Limits:MaxCost"] = "2000000000",
            ["Atlas:Limits:CostPerMinute"] = "0",
        });
        await factory.ImportAsync("gias-establishments", RealData.GiasSurrey2021);
        const string Slow = "{ establishments(first: 100) { nodes { partnerships { members(first: 100) { nodes { establishment { partnerships { name members(first: 100) { nodes { role } } } } } } } } } }";

        var (response, body) = await PostAsync(factory.CreateClient(), new { query = Slow });

        Assert.True(response.StatusCode == HttpStatusCode.OK && body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() == "HC0045", body.ToJsonString());
        Assert.Contains("Atlas:Limits:ExecutionTimeout", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>Ten fragments each spreading the next ten times expand to 10^10 fields; measured once per fragment, refused at once (the time bound is the requirement).</summary>
    [Fact]
    public async Task A_billion_laughs_document_is_refused_fast_naming_the_limit()
    {
        var fragments = string.Concat(Enumerable.Range(0, 10).Select(i => i == 9
            ? "fragment F9 on Query { __typename } "
            : $"fragment F{i} on Query {{ {string.Concat(Enumerable.Repeat($"...F{i + 1} ", 10))}}} "));
        var client = store.CreateClient();
        await PostAsync(client, new { query = "{ __typename }" });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (response, body) = await PostAsync(client, new { query = "{ ...F0 } " + fragments });
        clock.Stop();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MAX_SELECTION_NODES", Code(body));
        Assert.Contains("Atlas:Limits:MaxSelectionNodes", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"refused in {clock.ElapsedMilliseconds} ms");
    }
}
