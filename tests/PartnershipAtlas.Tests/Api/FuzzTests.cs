using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>
/// Thousands (2,000 over 4 concurrent clients; FUZZ_REQUESTS to change) of generated and mutated requests (random fields from the schema by introspection, random arguments,
/// deep nesting, bad variables, huge lists, broken text) against the live endpoint: never a 500, a stack trace or SQL,
/// every answer within a bound, and the server still answers afterwards.
/// </summary>
public sealed class FuzzTests
{
    private static readonly int Requests = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), out var n) ? n : 2000;
    private const int Workers = 4;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Generated_and_mutated_queries_never_break_the_server()
    {
        await using var store = new ConfiguredAtlasFactory(new Dictionary<string, string> { ["Atlas:Limits:MaxCost"] = "300" });
        await store.ImportAsync("gias-establishments", RealData.GiasNarrow2021);
        var client = store.CreateClient();
        client.Timeout = Bound;
        var schema = new FuzzSchema(await client.DataAsync(FuzzSchema.Introspection));
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<HttpStatusCode, int>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Workers), async (worker, _) =>
        {
            var random = new Random(20261129 + worker);
            var generator = new QueryGenerator(schema, random);
            for (var i = worker; i < Requests; i += Workers)
            {
                var (query, variables) = generator.Next();
                var (status, body) = await SendAsync(client, i % 17 == 0 ? Mutate(query, random) : null, query, variables, i);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);

                Assert.True((int)status < 500, $"{(int)status} for {query}: {body}");
                Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
                Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("SELECT ", body, StringComparison.Ordinal);
                JsonNode.Parse(body);
            }
        });

        var after = await client.DataAsync("{ __typename }");
        Assert.Equal("Query", after["__typename"]!.GetValue<string>());
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > Requests / 10, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > Requests / 10, string.Join(", ", statuses));
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string? rawBody, string query, Dictionary<string, object?>? variables, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = rawBody is not null ? new StringContent(rawBody, Encoding.UTF8, "application/json") : JsonContent.Create(new { query, variables }),
        };
        request.Headers.Add("X-Api-Key", $"fuzz-{i}");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Breaks a request's text: cut, duplicated, braces and quotes inserted, or not JSON at all.</summary>
    private static string Mutate(string query, Random random)
    {
        var json = JsonSerializerHelpers.Quote(query);
        return random.Next(5) switch
        {
            0 => "{\"query\":" + json[..random.Next(json.Length)],
            1 => "{\"query\":" + json + ",\"variables\":" + new string('[', random.Next(1, 2000)) + "}",
            2 => "{\"query\":" + JsonSerializerHelpers.Quote(query.Insert(random.Next(query.Length), new string('{', random.Next(1, 300)))) + "}",
            3 => "{\"query\":" + JsonSerializerHelpers.Quote(string.Concat(Enumerable.Repeat(query, random.Next(2, 20)))) + "}",
            _ => "{\"query\":" + json + ",\"variables\":\"" + new string('x', random.Next(100)) + "\"}",
        };
    }

    private static class JsonSerializerHelpers
    {
        public static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
    }
}
