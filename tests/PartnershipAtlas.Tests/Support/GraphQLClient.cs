using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartnershipAtlas.Tests.Support;

/// <summary>Posts GraphQL over HTTP to the real endpoint and returns the parsed response.</summary>
public static class GraphQLClient
{
    public static async Task<JsonNode> QueryAsync(this HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body) ?? throw new InvalidOperationException($"Empty response ({(int)response.StatusCode}).");
    }

    /// <summary>The <c>data</c> of a response that must have no errors.</summary>
    public static async Task<JsonNode> DataAsync(this HttpClient client, string query, object? variables = null)
    {
        var result = await client.QueryAsync(query, variables);
        Assert.True(result["errors"] is null, $"GraphQL errors: {result["errors"]?.ToJsonString()}");
        return result["data"]!;
    }

    /// <summary>Every node of a root connection, page by page (e.g. <c>partnerships</c> with <c>kinds: [DIOCESE]</c>).</summary>
    public static async Task<List<JsonNode>> AllNodesAsync(this HttpClient client, string field, string arguments, string selection)
    {
        var nodes = new List<JsonNode>();
        string? after = null;
        do
        {
            var data = await client.DataAsync(
                $"query($after: String) {{ {field}({arguments} first: 50, after: $after) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ {selection} }} }} }}", new { after });
            var page = data[field]!;
            nodes.AddRange(page["nodes"]!.AsArray().Select(n => n!));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        return nodes;
    }

    public static string Pretty(this JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
