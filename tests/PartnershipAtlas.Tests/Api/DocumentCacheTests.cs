using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>
/// A document sent again skips parsing and the specification's validation (it passed them before), but everything that
/// depends on the request still runs: variables are checked, the cost is computed from them, invalid documents are refused every time.
/// </summary>
public sealed class DocumentCacheTests(Surrey2021Store store) : IClassFixture<Surrey2021Store>
{
    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(HttpClient client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var response = await client.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task A_repeated_document_still_has_its_variables_checked_and_its_cost_computed_from_them()
    {
        const string Query = "query($n: Int) { partnerships(first: $n) { nodes { name members(first: 4) { nodes { establishment { name } } } } } }";
        var client = store.CreateClient();

        var (first, small) = await PostAsync(client, new { query = Query, variables = new { n = 3 } });
        var (second, larger) = await PostAsync(client, new { query = Query, variables = new { n = 6 } });
        var (third, badVariable) = await PostAsync(client, new { query = Query, variables = new { n = "six" } });

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, second);
        // 10 + n × (1 + 10 + 4 × 1) + 1 for the nodes: the second request's own n counts, not the first one's.
        Assert.Equal(10 + 1 + 3 * 15, small["extensions"]!["cost"]!["requested"]!.GetValue<int>());
        Assert.Equal(10 + 1 + 6 * 15, larger["extensions"]!["cost"]!["requested"]!.GetValue<int>());
        Assert.Equal(6, larger["data"]!["partnerships"]!["nodes"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, third);
        Assert.Null(badVariable["data"]);
        Assert.Contains("$n", badVariable["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_document_is_refused_every_time_it_is_sent()
    {
        var client = store.CreateClient();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var (status, body) = await PostAsync(client, new { query = "{ partnerships(first: 2) { nodes { nameThatDoesNotExist } } }" });

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Null(body["data"]);
            Assert.Contains("nameThatDoesNotExist", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }
}
